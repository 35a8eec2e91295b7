/**
 * Upstream's LWS pod mutating webhook (lws-upstream-spec §2.4, §4.3, §5.1, §6.2, §6.3): identity
 * labels, exclusive placement, sub-groups, the per-replica subdomain, TPU and LWS_* env vars.
 */
import { createHash } from "node:crypto";
import { clone } from "@/lib/k8s/deep-equal";
import { record, records, text } from "@/lib/k8s/object-fields";
import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, ENV, LABELS } from "@/lib/lws/constants";
import { goAtoi } from "@/lib/lws/int-or-percent";
import { leaderSubGroupIndex, subGroupIndex } from "@/lib/lws/subgroups";
import { addTpuVariables, podRequestsTpus } from "./tpu-env";
import { annotatePodGroup, type GangSchedulerProvider } from "./volcano-pod-group";

type Fields = Record<string, unknown>;

function sha1Hex(input: string): string {
  return createHash("sha1").update(input).digest("hex");
}

/** The group-key label of a group: sha1 of "<namespace>/<leader pod>". */
export function groupKey(namespace: string, leaderName: string): string {
  return sha1Hex(`${namespace}/${leaderName}`);
}

/** The subgroup-key label of a sub-group: sha1 of "<leader pod>/<index>", without the namespace. */
export function subGroupKey(leaderName: string, index: number | string): string {
  return sha1Hex(`${leaderName}/${index}`);
}

const STATEFUL_POD_NAME = /^(.*)-([0-9]+)$/;
const MAX_INT32 = 2147483647;

/** A StatefulSet pod's parent name and ordinal; "" and -1 when the name has no trailing ordinal, -1 past int32. */
export function parentNameAndOrdinal(name: string): { parent: string; ordinal: number } {
  const match = STATEFUL_POD_NAME.exec(name);
  if (!match) return { parent: "", ordinal: -1 };
  const ordinal = Number(match[2]);
  return { parent: match[1], ordinal: ordinal <= MAX_INT32 ? ordinal : -1 };
}

/** Whether both halves of an exclusive placement on this topology key are there already. */
function exclusiveAffinityApplied(affinity: Fields, topologyKey: string): boolean {
  const onTopology = (terms: unknown) => records(terms).some((t) => t.topologyKey === topologyKey);
  return (
    onTopology(record(affinity.podAffinity).requiredDuringSchedulingIgnoredDuringExecution) &&
    onTopology(record(affinity.podAntiAffinity).requiredDuringSchedulingIgnoredDuringExecution)
  );
}

function appendRequiredTerm(affinity: Fields, kind: "podAffinity" | "podAntiAffinity", term: Fields): void {
  const section = (affinity[kind] = { ...record(affinity[kind]) });
  section.requiredDuringSchedulingIgnoredDuringExecution = [...records(section.requiredDuringSchedulingIgnoredDuringExecution), term];
}

/**
 * Gives the pods labelled `labelKey=key` a `topologyKey` domain to themselves (§5.1): affinity to
 * their own key, anti-affinity to every other value of the label. Terms are appended, never
 * replaced, and nothing is added when the pod already has both on that topology key.
 */
export function setExclusiveAffinity(podSpec: Fields, key: string, topologyKey: string, labelKey: string): void {
  const affinity = record(podSpec.affinity);
  if (exclusiveAffinityApplied(affinity, topologyKey)) return;
  podSpec.affinity = affinity;
  appendRequiredTerm(affinity, "podAffinity", { labelSelector: { matchExpressions: [{ key: labelKey, operator: "In", values: [key] }] }, topologyKey });
  appendRequiredTerm(affinity, "podAntiAffinity", {
    labelSelector: { matchExpressions: [{ key: labelKey, operator: "Exists" }, { key: labelKey, operator: "NotIn", values: [key] }] },
    topologyKey,
  });
}

/** The pod being admitted: a copy the webhook may change in place. */
interface AdmittedPod {
  pod: KubeObject;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: Fields;
}

function assignSubGroup(target: AdmittedPod, leaderName: string, index: number): void {
  const key = subGroupKey(leaderName, index);
  target.labels[LABELS.subGroupIndex] = String(index);
  target.labels[LABELS.subGroupKey] = key;
  const topology = target.annotations[ANNOTATIONS.subGroupExclusiveTopology];
  if (topology !== undefined) setExclusiveAffinity(target.spec, key, topology, LABELS.subGroupKey);
}

function ordinalOf(name: string): { parent: string; ordinal: number } {
  const parsed = parentNameAndOrdinal(name);
  if (parsed.ordinal === -1) throw new Error(`parsing pod ordinal for pod ${name}`);
  return parsed;
}

/** Labels a leader; returns the leader's name (its own). */
function admitLeader(target: AdmittedPod): string {
  const { name, labels, annotations, spec } = target;
  if (labels[LABELS.groupIndex] === undefined) labels[LABELS.groupIndex] = String(ordinalOf(name).ordinal);
  if (annotations[ANNOTATIONS.subdomainPolicy] === "UniquePerReplica") spec.subdomain = name;
  const key = (labels[LABELS.groupKey] ??= groupKey(target.namespace, name));
  const topology = annotations[ANNOTATIONS.exclusiveTopology];
  if (topology !== undefined) setExclusiveAffinity(spec, key, topology, LABELS.groupKey);
  const index = leaderSubGroupIndex(annotations[ANNOTATIONS.subGroupPolicyType]);
  if (annotations[ANNOTATIONS.subGroupSize] !== undefined && !labels[LABELS.subGroupIndex] && index !== undefined) assignSubGroup(target, name, index);
  return name;
}

/** Labels a worker; returns its leader's name. Workers get no group-level affinity: they follow the leader by nodeSelector. */
function admitWorker(target: AdmittedPod, size: number): string {
  const { parent, ordinal } = ordinalOf(target.name);
  target.labels[LABELS.workerIndex] = String(ordinal);
  const subGroupSize = target.annotations[ANNOTATIONS.subGroupSize];
  if (subGroupSize !== undefined && !target.labels[LABELS.subGroupIndex]) {
    const index = subGroupIndex(size, goAtoi(subGroupSize), ordinal);
    assignSubGroup(target, target.annotations[ANNOTATIONS.leaderName] ?? "", index);
  }
  return parent;
}

/** klog.KObj's rendering of a pod in upstream's messages. */
function podRef({ namespace, name }: AdmittedPod): string {
  return namespace ? `${namespace}/${name}` : name;
}

function lwsEnv(target: AdmittedPod): Array<{ name: string; value: string }> {
  const { labels, annotations } = target;
  const groupIndex = labels[LABELS.groupIndex];
  if (groupIndex === undefined) throw new Error(`Failure constructing environment variables, no group index label found for pod ${podRef(target)}`);
  const workerIndex = labels[LABELS.workerIndex];
  if (workerIndex === undefined) throw new Error(`Failure constructing environment variables, no worker index label found for pod ${podRef(target)}`);
  return [
    { name: ENV.leaderAddress, value: `${labels[LABELS.name]}-${groupIndex}.${text(target.spec.subdomain)}.${target.namespace}` },
    { name: ENV.groupSize, value: annotations[ANNOTATIONS.size] },
    { name: ENV.workerIndex, value: workerIndex },
  ];
}

/**
 * LWS_* first in every container and init container, in order, then the container's own vars
 * minus those names; like upstream, a repeated user var keeps only its first occurrence.
 */
function injectLwsEnv(target: AdmittedPod): void {
  const vars = lwsEnv(target);
  for (const container of [...records(target.spec.containers), ...records(target.spec.initContainers)]) {
    const env: Fields[] = vars.map((v) => ({ ...v }));
    const seen = new Set(vars.map((v) => v.name));
    for (const entry of records(container.env)) {
      if (seen.has(String(entry.name))) continue;
      seen.add(String(entry.name));
      env.push(entry);
    }
    container.env = env;
  }
}

function admitted(input: KubeObject): AdmittedPod {
  const pod = clone(input);
  const spec = isRecord(pod.spec) ? pod.spec : {};
  pod.spec = spec;
  return {
    pod,
    name: pod.metadata.name ?? "",
    namespace: pod.metadata.namespace ?? "",
    labels: (pod.metadata.labels ??= {}),
    annotations: pod.metadata.annotations ?? {},
    spec,
  };
}

/** How the controller is configured, as far as the pod webhook cares. */
export interface PodWebhookOptions {
  /** when set, every LWS pod is annotated with its PodGroup (§10.1) */
  gangScheduling?: GangSchedulerProvider;
}

/**
 * What the pod webhook does to an LWS pod at creation. Pods without the LWS name label come back
 * unchanged (the same object); otherwise a new object is returned. Throws an Error with
 * upstream's message when the pod lacks what the webhook needs. Mutating twice changes nothing.
 */
export function mutateLeaderWorkerSetPod(input: KubeObject, options: PodWebhookOptions = {}): KubeObject {
  if (input.metadata.labels?.[LABELS.name] === undefined) return input;
  const target = admitted(input);
  const sizeText = target.annotations[ANNOTATIONS.size];
  if (sizeText === undefined) throw new Error(`size annotation is unexpectedly missing for pod ${target.name}`);
  const size = goAtoi(sizeText);
  const isLeader = target.labels[LABELS.workerIndex] === "0";
  const leaderName = isLeader ? admitLeader(target) : admitWorker(target, size);
  if (options.gangScheduling === "volcano") annotatePodGroup(target.pod);
  if (podRequestsTpus(target.spec)) addTpuVariables(target.pod, size, leaderName);
  injectLwsEnv(target);
  return target.pod;
}
