import { createHash } from "node:crypto";
import { clone } from "@/lib/k8s/deep-equal";
import { record, records } from "@/lib/k8s/object-fields";
import type { KubeObject } from "@/lib/k8s/types";
import { ANNOTATIONS, ENV, LABELS } from "@/lib/lws/constants";
import { subGroupIndex } from "@/lib/lws/subgroups";

type Json = Record<string, unknown>;

export function sha1Hex(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** The trailing ordinal of a pod name: `<lws>-<i>` → i, `<lws>-<i>-<j>` → j. */
function ordinal(name: string): string {
  const match = /-(\d+)$/.exec(name);
  if (!match) throw new Error(`parsing pod ordinal for pod ${name}`);
  return match[1];
}

/**
 * Appends the affinity pair that gives a key's pods a topology domain to themselves (§5.1),
 * unless the pod already has required affinity and anti-affinity on that topology key.
 */
export function addExclusiveAffinity(spec: Json, labelKey: string, value: string, topologyKey: string): void {
  const affinity = record(spec.affinity);
  const podAffinity = record(affinity.podAffinity);
  const podAntiAffinity = record(affinity.podAntiAffinity);
  const affinityTerms = records(podAffinity.requiredDuringSchedulingIgnoredDuringExecution);
  const antiTerms = records(podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution);
  if (affinityTerms.some((t) => t.topologyKey === topologyKey) && antiTerms.some((t) => t.topologyKey === topologyKey)) return;
  spec.affinity = {
    ...affinity,
    podAffinity: { ...podAffinity, requiredDuringSchedulingIgnoredDuringExecution: [...affinityTerms, { labelSelector: { matchExpressions: [{ key: labelKey, operator: "In", values: [value] }] }, topologyKey }] },
    podAntiAffinity: {
      ...podAntiAffinity,
      requiredDuringSchedulingIgnoredDuringExecution: [...antiTerms, { labelSelector: { matchExpressions: [{ key: labelKey, operator: "Exists" }, { key: labelKey, operator: "NotIn", values: [value] }] }, topologyKey }],
    },
  };
}

/** LWS_* env first in every container and init container, replacing same-named user vars (§4.3). */
function injectEnv(spec: Json, vars: Array<{ name: string; value: string }>): void {
  const names = new Set(vars.map((v) => v.name));
  for (const list of ["initContainers", "containers"]) {
    for (const container of records(spec[list])) {
      const env = records(container.env).filter((e) => !names.has(String(e.name)));
      container.env = [...vars, ...env];
    }
  }
}

function labelLeader(pod: KubeObject, labels: Record<string, string>, annotations: Record<string, string>, spec: Json): void {
  const name = pod.metadata.name ?? "";
  labels[LABELS.groupIndex] ??= ordinal(name);
  if (annotations[ANNOTATIONS.subdomainPolicy] === "UniquePerReplica") spec.subdomain = name;
  labels[LABELS.groupKey] ??= sha1Hex(`${pod.metadata.namespace ?? ""}/${name}`);
  const topology = annotations[ANNOTATIONS.exclusiveTopology];
  if (topology) addExclusiveAffinity(spec, LABELS.groupKey, labels[LABELS.groupKey], topology);
  if (annotations[ANNOTATIONS.subGroupSize] !== undefined && !labels[LABELS.subGroupIndex] && annotations[ANNOTATIONS.subGroupPolicyType] !== "LeaderExcluded") {
    labels[LABELS.subGroupIndex] = "0";
    labels[LABELS.subGroupKey] = sha1Hex(`${name}/0`);
    const subTopology = annotations[ANNOTATIONS.subGroupExclusiveTopology];
    if (subTopology) addExclusiveAffinity(spec, LABELS.subGroupKey, labels[LABELS.subGroupKey], subTopology);
  }
}

function labelWorker(pod: KubeObject, labels: Record<string, string>, annotations: Record<string, string>, spec: Json, size: number): void {
  labels[LABELS.workerIndex] = ordinal(pod.metadata.name ?? "");
  const sgs = annotations[ANNOTATIONS.subGroupSize];
  if (sgs === undefined || labels[LABELS.subGroupIndex]) return;
  const index = String(subGroupIndex(size, Number(sgs), Number(labels[LABELS.workerIndex])));
  labels[LABELS.subGroupIndex] = index;
  labels[LABELS.subGroupKey] = sha1Hex(`${annotations[ANNOTATIONS.leaderName] ?? ""}/${index}`);
  const subTopology = annotations[ANNOTATIONS.subGroupExclusiveTopology];
  if (subTopology) addExclusiveAffinity(spec, LABELS.subGroupKey, labels[LABELS.subGroupKey], subTopology);
}

/**
 * What upstream's pod mutating webhook does to an LWS pod at creation (§2.4): identity labels,
 * exclusive placement, sub-groups, per-replica subdomain and the LWS_* env vars. Pods without
 * the LWS name label come back unchanged. Throws with upstream's message on a malformed pod.
 */
export function mutateLeaderWorkerSetPod(input: KubeObject): KubeObject {
  if (input.metadata.labels?.[LABELS.name] === undefined) return input;
  const pod = clone(input);
  const labels = (pod.metadata.labels ??= {});
  const annotations = pod.metadata.annotations ?? {};
  const spec = record(pod.spec);
  pod.spec = spec;
  const sizeText = annotations[ANNOTATIONS.size];
  if (sizeText === undefined) throw new Error(`size annotation is unexpectedly missing for pod ${pod.metadata.name}`);
  const size = Number(sizeText);
  if (!Number.isInteger(size)) throw new Error(`size annotation ${JSON.stringify(sizeText)} of pod ${pod.metadata.name} is not an integer`);
  if (labels[LABELS.workerIndex] === "0") labelLeader(pod, labels, annotations, spec);
  else labelWorker(pod, labels, annotations, spec, size);
  const groupIndex = labels[LABELS.groupIndex];
  if (groupIndex === undefined) throw new Error(`pod ${pod.metadata.name} has no ${LABELS.groupIndex} label`);
  const leaderAddress = `${labels[LABELS.name]}-${groupIndex}.${String(spec.subdomain ?? "")}.${pod.metadata.namespace ?? ""}`;
  injectEnv(spec, [
    { name: ENV.leaderAddress, value: leaderAddress },
    { name: ENV.groupSize, value: sizeText },
    { name: ENV.workerIndex, value: labels[LABELS.workerIndex] },
  ]);
  return pod;
}
