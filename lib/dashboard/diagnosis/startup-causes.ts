import { record, text } from "@/lib/k8s/object-fields";
import { EVENT_REASONS } from "@/lib/lws/constants";
import type { GroupView } from "../groups";
import type { EventView, LwsView, NodeView, PodView, StatefulSetView } from "../view-models";
import type { Cause } from "./types";

/** Why a leader is not Ready, in the words that finish "which is …". */
function notReadyBecause(leader: PodView, nodes: ReadonlyMap<string, NodeView>): string {
  if (leader.unschedulable !== undefined) return `${leader.status} and cannot be scheduled`;
  const [ready, total] = leader.readyContainers.split("/");
  if (leader.phase !== "Running" || ready !== total) return leader.status;
  const why = leader.nodeName && nodes.get(`/${leader.nodeName}`)?.ready === false ? `its node ${leader.nodeName} is NotReady` : "a readiness gate is not True";
  return `${leader.status} with ${leader.readyContainers} containers ready but not Ready: ${why}`;
}

export function leaderReadyWait(lws: LwsView, group: GroupView, nodes: ReadonlyMap<string, NodeView>): Cause[] {
  if (text(record(lws.spec).startupPolicy) !== "LeaderReady" || group.size === 1 || group.workers.length > 0 || !group.leader || group.leader.ready) return [];
  const { leader } = group;
  return [{ summary: `startupPolicy LeaderReady: workers wait for leader ${leader.name}, which is ${notReadyBecause(leader, nodes)}`, evidence: [`pod/${leader.name}: ${leader.status}, ${leader.readyContainers} ready`], suggestion: "see why the leader is not Ready (its events and logs)" }];
}

const FAILED_CREATE = /^Failed to create worker statefulset for leader pod (\S+):/;

/** What telling a missing worker StatefulSet apart needs, looked up once per diagnosis rather than per group. */
export interface WorkerLookup {
  statefulSet(name: string): StatefulSetView | undefined;
  /** the latest FailedCreate the controller recorded for this leader's worker StatefulSet */
  failedCreate(leader: string): EventView | undefined;
}

export function workerLookup(lws: LwsView, statefulSets: readonly StatefulSetView[], events: readonly EventView[]): WorkerLookup {
  const namespace = lws.metadata.namespace;
  const byName = new Map(statefulSets.filter((s) => s.namespace === namespace).map((s) => [s.name, s]));
  const failures = new Map<string, EventView>();
  for (const e of events) {
    if (e.reason !== EVENT_REASONS.failedCreate || e.involved.kind !== "LeaderWorkerSet" || e.involved.name !== lws.metadata.name || e.namespace !== namespace) continue;
    const leader = FAILED_CREATE.exec(e.message)?.[1];
    const latest = leader === undefined ? undefined : failures.get(leader);
    if (leader !== undefined && (!latest || (latest.lastTimestamp ?? "") <= (e.lastTimestamp ?? ""))) failures.set(leader, e);
  }
  return { statefulSet: (name) => byName.get(name), failedCreate: (leader) => failures.get(leader) };
}

function missing(leader: string, name: string, workers: WorkerLookup): Cause {
  const event = workers.failedCreate(leader);
  if (!event) return { summary: `no worker StatefulSet for leader ${leader}`, evidence: [`statefulset/${name} missing`], suggestion: "check the LWS events for FailedCreate" };
  return { summary: `no worker StatefulSet for leader ${leader}: creating it failed`, evidence: [`statefulset/${name} missing`, `event FailedCreate ×${event.count}: ${event.message}`], suggestion: "fix what the FailedCreate event names; the controller retries" };
}

/** Upstream creates the worker StatefulSet only when none of its name exists, whoever made it. */
function squatted(sts: StatefulSetView, leader: string): Cause {
  const owner = sts.owner ? `it belongs to ${sts.owner.kind} ${sts.owner.name}` : "nothing owns it";
  return {
    summary: `statefulset ${sts.name} is not this group's: ${owner}, and the LWS controller never replaces it`,
    evidence: [`statefulset/${sts.name}: owner ${sts.owner ? `${sts.owner.kind}/${sts.owner.name}` : "none"}, not pod/${leader}`],
    suggestion: `delete statefulset ${sts.name}; the controller then creates the group's own`,
  };
}

export function missingWorkers(group: GroupView, lws: LwsView, workers: () => WorkerLookup): Cause[] {
  // A leader still being placed or started legitimately has no workers yet (exclusive placement, LeaderReady).
  if (group.size === 1 || !group.leader?.ready || group.leader.deleting || group.workers.length > 0) return [];
  const leader = group.leader.name;
  const name = `${lws.metadata.name}-${group.index}`;
  const sts = workers().statefulSet(name);
  if (!sts) return [missing(leader, name, workers())];
  // One owned by an earlier incarnation of the leader (same name) is on its way out.
  return sts.owner?.kind === "Pod" && sts.owner.name === leader ? [] : [squatted(sts, leader)];
}
