import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EmbeddedCluster } from "../embedded-cluster";
import { listen } from "../apiserver/http/node-adapter";
import { kubeconfigYaml } from "../kubeconfig";

export interface TestServer {
  cluster: EmbeddedCluster;
  url: string;
  token: string;
  dir: string;
  kubeconfig: string;
  /** fetch against the API with the bearer token */
  api(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** An embedded cluster served over HTTP on a free loopback port, with a kubeconfig for kubectl. */
export async function startTestServer(options: { dbPath?: string; dir?: string } = {}): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "lws-test-"));
  const cluster = new EmbeddedCluster({ dbPath: options.dbPath ?? ":memory:" });
  await cluster.start();
  const token = "test-token-" + Math.random().toString(36).slice(2);
  const prefix = "/k8s";
  const apiServer = cluster.apiServer(token, prefix);
  const http = await listen((request) => apiServer.handle(request));
  const url = `${http.url}${prefix}`;
  const kubeconfig = join(dir, "kubeconfig");
  writeFileSync(kubeconfig, kubeconfigYaml(url, token), { mode: 0o600 });
  return {
    cluster,
    url,
    token,
    dir,
    kubeconfig,
    api: (path, init = {}) => fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } }),
    async close() {
      await http.close();
      cluster.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
