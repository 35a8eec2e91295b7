import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EmbeddedCluster, type EmbeddedClusterOptions } from "../cluster/embedded-cluster";
import { kubeconfigYaml } from "../cluster/kubeconfig";
import { API_PREFIX } from "../control-plane";
import { createDualProtocolServer } from "../http/dual-protocol-server";
import { nodeListener } from "../http/node-adapter";
import { ensureServingCertificates } from "../tls/serving-certificates";
import { LwsController } from "../lws/lws-controller";
import type { GangSchedulerProvider } from "../lws/volcano-pod-group";
import { registerLwsAdmission } from "../wiring/lws-admission";

export interface TestServer {
  cluster: EmbeddedCluster;
  /** with `lws: "controller"` */
  lwsController?: LwsController;
  /** plain-HTTP API root, e.g. http://127.0.0.1:PORT/k8s */
  url: string;
  /** the same API over TLS, as kubeconfigs name it */
  httpsUrl: string;
  token: string;
  caPem: string;
  dir: string;
  kubeconfig: string;
  /** fetch against the API with the bearer token */
  api(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Zero-delay simulation settings for tests: pods start and stop at once. */
export const INSTANT_SIMULATION: NonNullable<EmbeddedClusterOptions["simulation"]> = {
  dataPlane: { podStartupMs: 0, terminationMs: 0, backoffMs: 0, leaseRenewMs: 60_000, tolerationSecondMs: 0 },
};

/** An embedded cluster served on a free loopback port as the app serves it, with a kubeconfig for kubectl. */
export async function startTestServer(
  options: { dbPath?: string; historySize?: number; simulation?: EmbeddedClusterOptions["simulation"]; lws?: "admission" | "controller"; gangScheduling?: GangSchedulerProvider } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "lws-test-"));
  const cluster = new EmbeddedCluster({ dbPath: options.dbPath ?? ":memory:", historySize: options.historySize, simulation: options.simulation });
  const gang = { gangScheduling: options.gangScheduling };
  if (options.lws) registerLwsAdmission(cluster.admission, gang);
  await cluster.start();
  const lwsController = options.lws === "controller" ? new LwsController(cluster.client, cluster.informers, gang) : undefined;
  await lwsController?.start();
  const token = "test-token-" + Math.random().toString(36).slice(2);
  const apiServer = cluster.apiServer(token, API_PREFIX);
  const certs = ensureServingCertificates(dir, ["127.0.0.1", "localhost"]);
  const { server, close } = createDualProtocolServer(nodeListener((request) => apiServer.handle(request)), { key: certs.keyPem, cert: certs.certPem });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${API_PREFIX}`;
  const httpsUrl = `https://127.0.0.1:${port}${API_PREFIX}`;
  const kubeconfig = join(dir, "kubeconfig");
  writeFileSync(kubeconfig, kubeconfigYaml(httpsUrl, token, certs.caPem), { mode: 0o600 });
  return {
    cluster,
    lwsController,
    url,
    httpsUrl,
    token,
    caPem: certs.caPem,
    dir,
    kubeconfig,
    api: (path, init = {}) => fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } }),
    async close() {
      lwsController?.stop();
      await close();
      cluster.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
