/**
 * What one group of an LWS asks of the cluster, read from its (webhook-defaulted) spec: each
 * pod's requests and node constraints, and how the pods must be grouped into topology domains
 * under the exclusive-topology annotations (lws-upstream-spec §5, §6).
 */
import type { Requirement, Selector } from "@/lib/k8s/label-selector";
import { CPU, GPU, MEMORY, podRequests } from "@/lib/k8s/pod-requests";
import { integer, record, records, stringMap, text, texts } from "@/lib/k8s/object-fields";
import { ANNOTATIONS, DEFAULTS, LABELS } from "@/lib/lws/constants";
import { leaderSubGroupIndex, subGroupIndex } from "@/lib/lws/subgroups";
import type { LeaderWorkerSet } from "@/lib/lws/types";
import type { Toleration } from "@/lib/k8s/tolerations";


/** cpu in millicores, memory in bytes, gpu in devices: exact integers, so sums never drift. */
export interface Amounts {
  cpu: number;
  memory: number;
  gpu: number;
}

/** One pod of a group: leader or worker. Every worker of a group shares one PodDemand. */
export interface PodDemand {
  role: "leader" | "worker";
  requests: Amounts;
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
  /** required node affinity: ORed terms; undefined when the template sets none */
  nodeAffinity?: Selector[];
}

/** Pods that must share one topology domain of `exclusiveKey` that nothing else uses; any nodes without a key. */
export interface PlacementUnit {
  /** "group" or "subgroup 1", for reasons */
  name: string;
  pods: PodDemand[];
  exclusiveKey?: string;
  /** the pod label upstream's anti-affinity keys on, which blocks domains holding other pods with it */
  exclusiveLabel?: string;
}

export interface GroupDemand {
  /** exclusive-topology: the whole group takes one domain of this node label to itself */
  exclusiveKey?: string;
  /** placed inside the group's domain when there is one */
  units: PlacementUnit[];
  pods: PodDemand[];
}

const NODE_OPERATORS: Record<string, Requirement["operator"]> = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!", Gt: "gt", Lt: "lt" };

/** The pod's requests as kube-scheduler sums them (lib/k8s/pod-requests), in the three amounts the model tracks. */
function podAmounts(spec: Record<string, unknown>): Amounts {
  const requests = podRequests(spec);
  return { cpu: requests[CPU] ?? 0, memory: requests[MEMORY] ?? 0, gpu: requests[GPU] ?? 0 };
}

/** A term with an unknown operator or nothing in it matches no node, as the scheduler treats it. */
function nodeSelectorTerm(term: Record<string, unknown>): Selector | undefined {
  const requirements: Requirement[] = [];
  for (const expr of records(term.matchExpressions)) {
    const operator = NODE_OPERATORS[text(expr.operator)];
    if (!operator) return undefined;
    requirements.push({ key: text(expr.key), operator, values: texts(expr.values) });
  }
  return requirements.length > 0 ? requirements : undefined;
}

function nodeAffinity(spec: Record<string, unknown>): Selector[] | undefined {
  const required = record(record(record(spec.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution);
  if (!Array.isArray(required.nodeSelectorTerms)) return undefined;
  return records(required.nodeSelectorTerms)
    .map(nodeSelectorTerm)
    .filter((term): term is Selector => term !== undefined);
}

function podDemand(role: PodDemand["role"], template: unknown): PodDemand {
  const spec = record(record(template).spec);
  const tolerations = records(spec.tolerations).map((t) => ({ key: text(t.key), operator: text(t.operator), value: text(t.value), effect: text(t.effect) }));
  return { role, requests: podAmounts(spec), nodeSelector: stringMap(spec.nodeSelector), tolerations, nodeAffinity: nodeAffinity(spec) };
}

/** Pods by sub-group; a leader excluded from sub-groups is its own unit without a domain. */
function subGroupUnits(pods: PodDemand[], size: number, subGroupSize: number, policyType: string, key: string): PlacementUnit[] {
  const bySubGroup = new Map<number, PodDemand[]>();
  const leaderIndex = leaderSubGroupIndex(policyType);
  const free: PodDemand[] = [];
  for (const [worker, pod] of pods.entries()) {
    const index = worker === 0 ? leaderIndex : subGroupIndex(size, subGroupSize, worker);
    const members = index === undefined ? free : (bySubGroup.get(index) ?? []);
    members.push(pod);
    if (index !== undefined) bySubGroup.set(index, members);
  }
  const units = [...bySubGroup].map(([index, members]): PlacementUnit => ({ name: `subgroup ${index}`, pods: members, exclusiveKey: key, exclusiveLabel: LABELS.subGroupKey }));
  return free.length > 0 ? [...units, { name: "leader", pods: free }] : units;
}

/** Pods per group, leader first. */
export function groupSize(lws: LeaderWorkerSet): number {
  return Math.max(1, integer(lws.spec.leaderWorkerTemplate.size) ?? DEFAULTS.size);
}

export function groupDemand(lws: LeaderWorkerSet): GroupDemand {
  const template = lws.spec.leaderWorkerTemplate;
  const size = groupSize(lws);
  const worker = podDemand("worker", template.workerTemplate);
  const leader = podDemand("leader", template.leaderTemplate ?? template.workerTemplate);
  const pods = [leader, ...Array.from({ length: size - 1 }, () => worker)];
  const annotations = lws.metadata.annotations ?? {};
  const subGroupKey = annotations[ANNOTATIONS.subGroupExclusiveTopology];
  const subGroupSize = integer(template.subGroupPolicy?.subGroupSize) ?? 0;
  const units =
    subGroupKey && subGroupSize > 0
      ? subGroupUnits(pods, size, subGroupSize, template.subGroupPolicy?.subGroupPolicyType ?? DEFAULTS.subGroupPolicyType, subGroupKey)
      : [{ name: "group", pods }];
  return { exclusiveKey: annotations[ANNOTATIONS.exclusiveTopology] || undefined, units, pods };
}
