import { groupsOf, type GroupView } from "./groups";
import type { EventView, LwsView, NodeView, PodView, StatefulSetView } from "./view-models";
import { record, text } from "@/lib/k8s/object-fields";
import { ANNOTATIONS } from "@/lib/lws/constants";

export type Verdict = "healthy" | "progressing" | "stuck" | "failing";

export interface Cause {
  /** one line in plain words */
  summary: string;
  /** the objects, conditions and events it rests on */
  evidence: string[];
  suggestion?: string;
}

export interface GroupDiagnosis {
  index: number;
  verdict: Verdict;
  causes: Cause[];
}

export interface DiagnosisInput {
  lws: LwsView;
  pods: PodView[];
  statefulSets: StatefulSetView[];
  nodes: ReadonlyMap<string, NodeView>;
  events: EventView[];
  now?: number;
}

const RESTART_WINDOW_MS = 10 * 60 * 1000;

function unschedulable(group: GroupView, exclusive: string | undefined): Cause[] {
  const stuck = [group.leader, ...group.workers].filter((p): p is PodView => !!p?.unschedulable);
  if (stuck.length === 0) return [];
  const message = stuck[0].unschedulable ?? "";
  const antiAffinity = /anti-affinity/.test(message);
  return [{
    summary: `${stuck.length} pod${stuck.length > 1 ? "s" : ""} cannot be scheduled: ${message}`,
    evidence: stuck.map((p) => `pod/${p.name}: PodScheduled=False (Unschedulable)`),
    suggestion: antiAffinity && exclusive
      ? `exclusive-topology "${exclusive}" needs a free ${exclusive} domain per group, and its anti-affinity also repels every other LWS pod in the namespace (upstream #539): add capacity, lower replicas, or move other LWS to another namespace`
      : /Insufficient/.test(message) ? "free capacity (scale down other workloads, add nodes) or lower the group's resource requests" : "check nodeSelector, affinity and taints against the nodes' labels",
  }];
}

function notReadyNodes(group: GroupView, nodes: ReadonlyMap<string, NodeView>): Cause[] {
  const down = [group.leader, ...group.workers].filter((p): p is PodView => !!p?.nodeName && nodes.get(`/${p.nodeName}`)?.ready === false);
  if (down.length === 0) return [];
  const names = [...new Set(down.map((p) => p.nodeName))];
  return [{ summary: `node${names.length > 1 ? "s" : ""} ${names.join(", ")} NotReady under this group`, evidence: down.map((p) => `pod/${p.name} on ${p.nodeName}`), suggestion: "the pods will be evicted and the group recreated; recover or drain the node" }];
}

function leaderReadyWait(lws: LwsView, group: GroupView): Cause[] {
  if (text(record(lws.spec).startupPolicy) !== "LeaderReady" || group.size === 1 || group.workers.length > 0 || !group.leader || group.leader.ready) return [];
  return [{ summary: `startupPolicy LeaderReady: workers wait for leader ${group.leader.name}, which is ${group.leader.status}`, evidence: [`pod/${group.leader.name}: ${group.leader.status}, ${group.leader.readyContainers} ready`], suggestion: "see why the leader is not Ready (its events and logs)" }];
}

function missingWorkers(group: GroupView, statefulSets: StatefulSetView[], lwsName: string): Cause[] {
  // A leader still being placed or started legitimately has no workers yet (exclusive placement, LeaderReady).
  if (group.size === 1 || !group.leader?.ready || group.leader.deleting || group.workers.length > 0) return [];
  const sts = statefulSets.find((s) => s.name === `${lwsName}-${group.index}`);
  if (sts) return [];
  return [{ summary: `no worker StatefulSet for leader ${group.leader.name}`, evidence: [`statefulset/${lwsName}-${group.index} missing`], suggestion: "check the LWS events for FailedCreate" }];
}

function restartLoop(group: GroupView, events: EventView[], now: number): Cause[] {
  const recent = events.filter((e) => e.reason === "RecreateGroup" && e.message.endsWith(` to recreate group ${group.index}`) && now - Date.parse(e.lastTimestamp ?? "") < RESTART_WINDOW_MS);
  const count = recent.reduce((sum, e) => sum + e.count, 0);
  if (count < 3) return [];
  return [{ summary: `group recreated ${count} times in the last 10 minutes`, evidence: recent.map((e) => `event RecreateGroup: ${e.message}`), suggestion: "a pod keeps failing: read its logs; RecreateGroupOnPodRestart has no backoff (upstream #1048)" }];
}

function splitAcrossDomains(group: GroupView, nodes: ReadonlyMap<string, NodeView>, exclusive: string | undefined): Cause[] {
  if (!exclusive) return [];
  const domains = new Set([group.leader, ...group.workers].map((p) => (p?.nodeName ? nodes.get(`/${p.nodeName}`)?.labels[exclusive] : undefined)).filter(Boolean));
  return domains.size > 1 ? [{ summary: `group spread over ${domains.size} ${exclusive} domains (${[...domains].join(", ")}) despite exclusive placement`, evidence: [`annotation ${ANNOTATIONS.exclusiveTopology}=${exclusive}`] }] : [];
}

function verdictOf(group: GroupView, causes: Cause[]): Verdict {
  if (group.health === "ready" && causes.length === 0) return "healthy";
  if (group.health === "failing" || causes.some((c) => /recreated/.test(c.summary))) return causes.some((c) => /cannot be scheduled/.test(c.summary)) ? "stuck" : "failing";
  return causes.length > 0 ? "stuck" : "progressing";
}

/** A verdict for every group of an LWS, and for unhealthy ones the causes in plain words. */
export function diagnose(input: DiagnosisInput): GroupDiagnosis[] {
  const { lws, nodes } = input;
  const now = input.now ?? Date.now();
  const exclusive = lws.metadata.annotations?.[ANNOTATIONS.exclusiveTopology];
  return groupsOf(lws, input.pods).map((group) => {
    const causes = [
      ...unschedulable(group, exclusive),
      ...leaderReadyWait(lws, group),
      ...missingWorkers(group, input.statefulSets, lws.metadata.name ?? ""),
      ...notReadyNodes(group, nodes),
      ...restartLoop(group, input.events, now),
      ...splitAcrossDomains(group, nodes, exclusive),
    ];
    return { index: group.index, verdict: verdictOf(group, causes), causes };
  });
}
