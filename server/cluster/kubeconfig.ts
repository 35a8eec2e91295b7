import { stringify } from "yaml";

/** A kubeconfig that points kubectl (and client-node) at the embedded API with its bearer token. */
export function kubeconfigYaml(server: string, token: string, name = "lws-console"): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster: { server, "insecure-skip-tls-verify": true } }],
    users: [{ name, user: { token } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: "default" } }],
    "current-context": name,
    preferences: {},
  });
}
