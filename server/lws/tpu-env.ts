/**
 * TPU env vars the LWS pod webhook gives pods that request google.com/tpu (lws-upstream-spec §4.4):
 * every TPU host of the slice, this container's rank, the slice name and the process addresses.
 */
import { record, records, text } from "@/lib/k8s/object-fields";
import { parseQuantity } from "@/lib/k8s/quantity";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, LABELS, TPU, TPU_ENV } from "@/lib/lws/constants";
import { goAtoi } from "@/lib/lws/int-or-percent";
import { DIVIDE_BY_ZERO } from "@/lib/lws/subgroups";

type Container = Record<string, unknown>;

function nonZeroQuantity(value: unknown): boolean {
  if (typeof value !== "string" && typeof value !== "number") return false;
  try {
    return parseQuantity(value) !== 0;
  } catch {
    return false;
  }
}

function containerRequestsTpus(container: Container): boolean {
  const resources = record(container.resources);
  return [resources.limits, resources.requests].some((list) => nonZeroQuantity(record(list)[TPU.resourceName]));
}

/** TPU containers in upstream's order: containers, then init containers. */
function tpuContainers(podSpec: unknown): Container[] {
  const spec = record(podSpec);
  return [...records(spec.containers), ...records(spec.initContainers)].filter(containerRequestsTpus);
}

/** Whether any container or init container of a pod spec requests TPUs (limits or requests, non-zero). */
export function podRequestsTpus(podSpec: unknown): boolean {
  return tpuContainers(podSpec).length > 0;
}

/** The value of a container's env var, "" when it is set from a source; undefined when absent. */
function envValue(container: Container, name: string): string | undefined {
  const entry = records(container.env).find((e) => e.name === name);
  return entry === undefined ? undefined : text(entry.value);
}

/** A pod that already has the variables keeps them: admission may run twice. */
function alreadyInjected(container: Container): boolean {
  return envValue(container, TPU_ENV.workerHostnames) !== undefined || envValue(container, TPU_ENV.workerId) !== undefined;
}

function appendEnv(container: Container, vars: Array<{ name: string; value: string }>): void {
  container.env = [...records(container.env), ...vars];
}

/** What a pod's TPU env depends on. */
interface TpuPod {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  subdomain: string;
  /** the leader's pod name: the pod's own for a leader */
  leaderName: string;
  isLeader: boolean;
  leaderRequestsTpus: boolean;
}

function tpuPod(pod: KubeObject, leaderName: string): TpuPod {
  const labels = pod.metadata.labels ?? {};
  const annotations = pod.metadata.annotations ?? {};
  return {
    labels,
    annotations,
    subdomain: text(record(pod.spec).subdomain),
    leaderName,
    isLeader: labels[LABELS.workerIndex] === "0",
    leaderRequestsTpus: annotations[ANNOTATIONS.leaderRequestsTpus] === "true",
  };
}

/** Without sub-groups: every TPU container is a worker of one slice spanning the whole group. */
function addGroupTpuVariables(containers: Container[], pod: TpuPod, size: number): void {
  const count = containers.length;
  // A leader without TPUs is no TPU worker, so worker ranks start at its first worker.
  const workerIndex = pod.isLeader ? 0 : goAtoi(pod.labels[LABELS.workerIndex] ?? "") - (pod.leaderRequestsTpus ? 0 : 1);
  const ports = containers.map((c, i) => envValue(c, TPU_ENV.processPort) ?? String(TPU.defaultProcessPort + i));
  const hosts: string[] = [];
  if (pod.leaderRequestsTpus || pod.isLeader) hosts.push(`${pod.leaderName}.${pod.subdomain}`);
  for (let j = 1; j <= size - 1; j++) hosts.push(`${pod.leaderName}-${j}.${pod.subdomain}`);
  const perContainer = hosts.flatMap((host) => ports.map((port) => ({ host, port })));
  const hostnames = perContainer.map((p) => p.host).join(",");
  const addresses = perContainer.map((p) => `${p.host}:${p.port}`).join(",");
  containers.forEach((container, i) => {
    const portDefined = envValue(container, TPU_ENV.processPort) !== undefined;
    appendEnv(container, [
      { name: TPU_ENV.workerHostnames, value: hostnames },
      { name: TPU_ENV.workerId, value: String(workerIndex * count + i) },
      { name: TPU_ENV.name, value: pod.leaderName },
      { name: TPU_ENV.processAddresses, value: addresses },
      ...(portDefined ? [] : [{ name: TPU_ENV.processPort, value: ports[i] }]),
    ]);
  });
}

/** The host numbers n of `<leader>-<n>` in a sub-group's slice, and whether the leader host comes first. */
function subGroupHosts(pod: TpuPod, subGroupSize: number, subGroupIndex: number): { leaderFirst: boolean; start: number; end: number } {
  const start = subGroupSize * subGroupIndex + 1;
  const end = subGroupSize * (subGroupIndex + 1);
  if (pod.isLeader || (pod.leaderRequestsTpus && subGroupIndex === 0)) return { leaderFirst: true, start, end: end - 1 };
  // Sub-group 0 shifted left by one for the leader, and every later one with it.
  if (pod.leaderRequestsTpus) return { leaderFirst: false, start: start - 1, end: end - 1 };
  return { leaderFirst: false, start, end };
}

/** With sub-groups: only the first TPU container is populated, as one worker of its sub-group's slice. */
function addSubGroupTpuVariables(container: Container, pod: TpuPod): void {
  const subGroupSize = goAtoi(pod.annotations[ANNOTATIONS.subGroupSize] ?? "");
  let subGroupIndex = goAtoi(pod.labels[LABELS.subGroupIndex] ?? "");
  const workerIndex = goAtoi(pod.labels[LABELS.workerIndex] ?? "");
  if (subGroupSize === 0) throw new Error(DIVIDE_BY_ZERO);
  let workerId = workerIndex % subGroupSize;
  if (workerIndex !== 0 && !pod.leaderRequestsTpus) {
    workerId = (workerIndex - 1) % subGroupSize;
    subGroupIndex = Math.trunc((workerIndex - 1) / subGroupSize);
  }
  const definedPort = envValue(container, TPU_ENV.processPort);
  const port = definedPort ?? String(TPU.defaultProcessPort);
  const { leaderFirst, start, end } = subGroupHosts(pod, subGroupSize, subGroupIndex);
  const hosts = leaderFirst ? [`${pod.leaderName}.${pod.subdomain}`] : [];
  for (let n = start; n <= end; n++) hosts.push(`${pod.leaderName}-${n}.${pod.subdomain}`);
  appendEnv(container, [
    { name: TPU_ENV.workerHostnames, value: hosts.join(",") },
    { name: TPU_ENV.workerId, value: String(workerId) },
    { name: TPU_ENV.name, value: pod.leaderName },
    { name: TPU_ENV.processAddresses, value: hosts.map((h) => `${h}:${port}`).join(",") },
    ...(definedPort === undefined ? [{ name: TPU_ENV.processPort, value: port }] : []),
  ]);
}

/**
 * Appends the TPU env vars to the TPU containers of `pod`, in place (the caller owns a copy).
 * Skipped when the first TPU container already has them. Throws upstream's strconv errors when
 * the index labels it reads are missing or malformed.
 */
export function addTpuVariables(pod: KubeObject, size: number, leaderName: string): void {
  const containers = tpuContainers(pod.spec);
  if (containers.length === 0 || alreadyInjected(containers[0])) return;
  const target = tpuPod(pod, leaderName);
  if (target.annotations[ANNOTATIONS.subGroupSize] !== undefined) addSubGroupTpuVariables(containers[0], target);
  else addGroupTpuVariables(containers, target, size);
}
