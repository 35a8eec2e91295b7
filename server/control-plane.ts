import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ApiServer } from "./cluster/apiserver/http/api-handler";
import { EmbeddedCluster } from "./cluster/embedded-cluster";
import { loadTopology } from "./cluster/topology/topology-file";
import { kubeconfigYaml } from "./cluster/kubeconfig";
import { StreamHub } from "./dashboard/stream-hub";
import { LwsController } from "./lws/lws-controller";
import type { Client } from "./runtime/client";
import { InformerFactory } from "./runtime/informer-factory";
import { KubeClient } from "./runtime/kube-client";
import { runElectedController } from "./wiring/controller-process";
import { registerLwsAdmission } from "./wiring/lws-admission";
import { clientHost, readConfig, type ProcessConfig } from "./config";
import { ensureServingCertificates } from "./tls/serving-certificates";

/** Mount point of the embedded Kubernetes API on the app's port. */
export const API_PREFIX = "/k8s";

export interface ControlPlane {
  config: ProcessConfig;
  /** embedded mode only: where kubectl's kubeconfig was written */
  kubeconfigPath?: string;
  /** the serving identity of the process's port (HTTPS side) */
  tls: { key: string; cert: string };
  /** the dashboard's live feed */
  streamHub: StreamHub;
  /** the process's Client and shared informers (embedded or kube) */
  client: Client;
  informers: InformerFactory;
  cluster?: EmbeddedCluster;
  apiServer?: ApiServer;
  startedAt: string;
  stop(): void;
}

// Next.js loads this module once for instrumentation and again for route bundles; only
// globalThis is shared between them, so the one control plane of the process lives there.
const globalKey = Symbol.for("lws-console.control-plane");
type Holder = { [globalKey]?: Promise<ControlPlane> };

/** The process's control plane, started on first use. */
export function controlPlane(): Promise<ControlPlane> {
  const holder = globalThis as Holder;
  holder[globalKey] ??= start(readConfig());
  return holder[globalKey];
}

function writePrivate(path: string, contents: string): void {
  writeFileSync(path, contents, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** The bearer token is generated once per data dir and kept, so kubeconfigs stay valid across restarts. */
function loadToken(dataDir: string): string {
  const path = join(dataDir, "token");
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  const token = randomBytes(32).toString("base64url");
  writePrivate(path, token + "\n");
  return token;
}

function servingHosts(host: string): string[] {
  const hosts = ["127.0.0.1", "localhost", "::1"];
  const dialed = clientHost(host).replace(/^\[|\]$/g, "");
  return hosts.includes(dialed) ? hosts : [...hosts, dialed];
}

async function start(config: ProcessConfig): Promise<ControlPlane> {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const certs = ensureServingCertificates(config.dataDir, servingHosts(config.host));
  const plane = config.cluster === "kubeconfig" ? await startOnKubeconfig(config) : await startEmbedded(config, certs.caPem);
  const streamHub = new StreamHub(plane.informers);
  await streamHub.start();
  const stop = () => {
    streamHub.stop();
    plane.stop();
  };
  process.once("exit", stop);
  return { ...plane, config, tls: { key: certs.keyPem, cert: certs.certPem }, streamHub, startedAt: new Date().toISOString(), stop };
}

type ClusterPlane = Pick<ControlPlane, "client" | "informers" | "cluster" | "apiServer" | "kubeconfigPath" | "stop">;

/** The default: the embedded cluster, its API on this port, and (unless LWS_CONTROLLER=off) the LWS controller in-process. */
async function startEmbedded(config: ProcessConfig, caPem: string): Promise<ClusterPlane> {
  const kubeconfigPath = join(config.dataDir, "kubeconfig");
  const cluster = new EmbeddedCluster({
    dbPath: join(config.dataDir, "cluster.db"),
    eventTtlMs: config.eventTtlSeconds * 1000,
    simulation: {
      dataPlane: { topology: loadTopology(config.topologyFile), podStartupMs: config.podStartupMs, terminationMs: config.podStartupMs },
      // With LWS gang scheduling the embedded kube-scheduler stands in for volcano.
      scheduler: { gang: config.gangScheduling !== undefined },
    },
  });
  const gang = { gangScheduling: config.gangScheduling };
  // The LWS webhooks are part of the API server here, even when another process reconciles.
  registerLwsAdmission(cluster.admission, gang);
  await cluster.start();
  const lwsController = config.controller ? new LwsController(cluster.client, cluster.informers, gang) : undefined;
  await lwsController?.start();
  const token = loadToken(config.dataDir);
  writePrivate(kubeconfigPath, kubeconfigYaml(`https://${clientHost(config.host)}:${config.port}${API_PREFIX}`, token, caPem));
  console.log(`[lws-console] embedded cluster ready; kubectl: KUBECONFIG=${kubeconfigPath} kubectl get lws`);
  return {
    client: cluster.client,
    informers: cluster.informers,
    cluster,
    apiServer: cluster.apiServer(token, API_PREFIX),
    kubeconfigPath,
    stop: () => {
      lwsController?.stop();
      // SQLite commits are durable as they happen; closing merely checkpoints the WAL.
      cluster.close();
    },
  };
}

/** LWS_CLUSTER=kubeconfig: a real cluster through client-node; the controller runs under leader election. */
async function startOnKubeconfig(config: ProcessConfig): Promise<ClusterPlane> {
  const client = KubeClient.fromEnvironment();
  const informers = new InformerFactory(client);
  const controller = config.controller ? runElectedController(client, informers, undefined, { gangScheduling: config.gangScheduling }) : undefined;
  console.log(`[lws-console] working against the cluster of ${process.env.KUBECONFIG ?? "the default kubeconfig"}${controller ? " with leader election" : ", not reconciling"}`);
  return {
    client,
    informers,
    stop: () => {
      void controller?.stop();
      informers.stop();
    },
  };
}
