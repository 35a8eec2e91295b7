import { stringify } from "yaml";

/** A kubeconfig that points kubectl (and client-node) at the embedded API with its bearer token. */
export function kubeconfigYaml(server: string, token: string, caPem: string, name = "lws-console"): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster: { server, "certificate-authority-data": Buffer.from(caPem).toString("base64") } }],
    users: [{ name, user: { token } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: "default" } }],
    "current-context": name,
    preferences: {},
  });
}
