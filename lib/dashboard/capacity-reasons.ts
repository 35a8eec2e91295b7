/**
 * Why an LWS does not fit, in words a user can act on: which pod or domain ran out, of what,
 * and what the cluster has instead.
 */
import { formatQuantity } from "@/lib/k8s/quantity";
import { GPU } from "@/lib/k8s/pod-requests";
import type { Amounts, GroupDemand, PlacementUnit, PodDemand } from "./capacity-demand";
import type { Exclusion, NodePool } from "./capacity-nodes";
import type { DomainUse, GroupPlacer, PlacementFailure } from "./capacity-placement";

const DOMAIN_NOUNS: Record<string, string> = { "kubernetes.io/hostname": "node", "topology.kubernetes.io/zone": "zone", "topology.kubernetes.io/region": "region" };

/** "rack" for rack, "zone" for topology.kubernetes.io/zone, the last path segment otherwise. */
export function domainNoun(key: string, count = 1): string {
  const noun = DOMAIN_NOUNS[key] ?? key.split("/").pop() ?? key;
  return count === 1 ? noun : `${noun}s`;
}

/** "a, b, c and 2 more". */
export function listed(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).join(", ");
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

const NO_USE: DomainUse = { blocked: new Set(), used: new Set(), tooSmall: [] };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What the pods ask for together. */
export function totalRequests(pods: readonly PodDemand[]): Amounts {
  return pods.reduce((t, { requests: r }) => ({ cpu: t.cpu + r.cpu, memory: t.memory + r.memory, gpu: t.gpu + r.gpu }), { cpu: 0, memory: 0, gpu: 0 });
}

/** "4 pods, 32 nvidia.com/gpu, 2 cpu, 8Gi memory", leaving out what is not asked for. */
export function amountsText(a: Amounts, pods?: number): string {
  const parts = [
    pods === undefined ? "" : plural(pods, "pod"),
    a.gpu > 0 ? `${a.gpu} ${GPU}` : "",
    a.cpu > 0 ? `${formatQuantity(a.cpu / 1000)} cpu` : "",
    a.memory > 0 ? `${formatQuantity(a.memory, "BinarySI")} memory` : "",
  ];
  return parts.filter(Boolean).join(", ");
}

export const EXCLUSION_TEXT: Record<Exclusion, string> = {
  cordoned: "cordoned",
  "not ready": "not ready",
  tainted: "tainted without a toleration",
  nodeSelector: "not matching its nodeSelector",
  "node affinity": "not matching its node affinity",
};

/** How many of `nodes` turn the pod away before resources count, by reason. */
export function exclusionCounts(pool: NodePool, pod: PodDemand, nodes: Iterable<number>): Map<Exclusion, number> {
  const counts = new Map<Exclusion, number>();
  for (const i of nodes) {
    const why = pool.exclusion(i, pod);
    if (why) counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  return counts;
}

/** Every node turns the pod away before resources count: say for which reasons. */
function noNodeAdmits(pool: NodePool, pod: PodDemand): string {
  if (pool.size === 0) return "the cluster has no nodes";
  const counts = exclusionCounts(pool, pod, pool.nodes.keys());
  const parts = [...counts].map(([why, n]) => `${n} ${EXCLUSION_TEXT[why]}`);
  const selector = Object.entries(pod.nodeSelector).map(([k, v]) => `${k}=${v}`);
  const hint = counts.has("nodeSelector") ? ` (nodeSelector ${selector.join(", ")})` : "";
  return `no node can run the ${pod.role} pods: of ${plural(pool.size, "node")}, ${parts.join(", ")}${hint}`;
}

const DIMENSIONS = [
  { name: GPU, want: (p: PodDemand) => p.requests.gpu, free: (pool: NodePool) => pool.gpu, text: String },
  { name: "cpu", want: (p: PodDemand) => p.requests.cpu, free: (pool: NodePool) => pool.cpu, text: (n: number) => formatQuantity(n / 1000) },
  { name: "memory", want: (p: PodDemand) => p.requests.memory, free: (pool: NodePool) => pool.memory, text: (n: number) => formatQuantity(n, "BinarySI") },
  { name: "pod slot", want: () => 1, free: (pool: NodePool) => pool.podSlots, text: String },
] as const;

/** A resource the pods need more of than the nodes have free: `most` is the best node's (or the nodes' total) free amount. */
export interface Shortfall {
  resource: string;
  want: string;
  most: string;
  /** the node with the most free, when one node is compared */
  node?: string;
}

/** Each resource of which no node among `nodes` has the pod's request free, with the node that has the most. */
export function resourceShortfalls(pool: NodePool, pod: PodDemand, nodes: readonly number[]): Shortfall[] {
  if (nodes.length === 0) return [];
  return DIMENSIONS.flatMap((d) => {
    const want = d.want(pod);
    const free = d.free(pool);
    const best = nodes.reduce((b, i) => (free[i] > free[b] ? i : b));
    return want > 0 && free[best] < want ? [{ resource: d.name, want: d.text(want), most: d.text(Math.max(0, free[best])), node: pool.nodes[best].name }] : [];
  });
}

/** The first resource of which `nodes` together have less free than `pods` need together. */
export function totalShortfall(pool: NodePool, pods: readonly PodDemand[], nodes: readonly number[]): Shortfall | undefined {
  for (const d of DIMENSIONS) {
    const want = pods.reduce((t, p) => t + d.want(p), 0);
    const free = d.free(pool);
    const total = nodes.reduce((t, i) => t + Math.max(0, free[i]), 0);
    if (want > 0 && total < want) return { resource: d.name, want: d.text(want), most: d.text(total) };
  }
  return undefined;
}

/** The first resource no admitting node has enough of, with the best such node's free amount. */
export function podShortfall(pool: NodePool, pod: PodDemand): string {
  const eligible = Array.from({ length: pool.size }, (_, i) => i).filter((i) => pool.eligible(i, pod));
  if (eligible.length === 0) return noNodeAdmits(pool, pod);
  const [first] = resourceShortfalls(pool, pod, eligible);
  if (first) return `its ${pod.role} needs ${first.want} ${first.resource} on one node; a node it may use has at most ${first.most} free (${first.node})`;
  return `no node it may use has ${amountsText(pod.requests)} free at once for its ${pod.role}`;
}

/** Upstream's exclusive anti-affinity matches any LWS pod of the namespace, not only this LWS's (issue #539). */
function namespaceTrap(use: DomainUse, key: string, namespace: string): string[] {
  if (use.blocked.size === 0) return [];
  const names = [...use.blocked].sort();
  const noun = domainNoun(key, names.length);
  return [
    `${names.length} ${noun} (${listed(names)}) already run pods of other LeaderWorkerSets in namespace ${namespace}: ` +
      `exclusive placement keeps every group out of them (upstream issue #539); free them or use another namespace`,
  ];
}

function unitDemand(demand: GroupDemand, unit: PlacementUnit | "group"): string {
  if (unit !== "group") return amountsText(totalRequests(unit.pods), unit.pods.length);
  const keyed = demand.units.filter((u) => u.exclusiveKey);
  const split = keyed.length > 0 ? `, as ${plural(keyed.length, "subgroup")} on a ${domainNoun(keyed[0].exclusiveKey ?? "")} each` : "";
  return amountsText(totalRequests(demand.pods), demand.pods.length) + split;
}

function domainShortfall(pool: NodePool, placer: GroupPlacer, demand: GroupDemand, failure: Extract<PlacementFailure, { kind: "domain" }>, wanted: number): string {
  const { key, unit } = failure;
  const domains = pool.domains(key);
  if (domains.length === 0) return `no node has the label "${key}" that the exclusive topology names`;
  const use = placer.usage(key) ?? NO_USE;
  const tooSmall = new Set(use.tooSmall);
  const fitting = domains.map(([value]) => value).filter((value) => !use.blocked.has(value) && !tooSmall.has(value));
  const perGroup = unit === "group" ? 1 : demand.units.filter((u) => u.exclusiveKey).length;
  const needs = `${plural(wanted * perGroup, domainNoun(key))}${unit === "group" ? "" : " (one per subgroup)"}`;
  const exist = fitting.length === 0 ? "none exists" : `${fitting.length} exist${fitting.length === 1 ? "s" : ""} (${listed(fitting)})`;
  const small = tooSmall.size > 0 ? `; ${tooSmall.size} ${domainNoun(key, tooSmall.size)} too small or too busy (${listed([...tooSmall])})` : "";
  return `won't fit: needs ${needs} with room for ${unitDemand(demand, unit)}, ${exist}${small}`;
}

/** The reasons for a placement that stopped at group `group` (0-based) of `wanted`. */
export function capacityReasons(pool: NodePool, placer: GroupPlacer, demand: GroupDemand, wanted: number, group: number, namespace: string): string[] {
  const failure = placer.failure;
  if (!failure) return [];
  const head = `only ${group} of ${plural(wanted, "group")} fit`;
  if (failure.kind === "pod") return [head, `group ${group} won't fit: ${failure.shortfall}`];
  return [head, domainShortfall(pool, placer, demand, failure, wanted), ...namespaceTrap(placer.usage(failure.key) ?? NO_USE, failure.key, namespace)];
}
