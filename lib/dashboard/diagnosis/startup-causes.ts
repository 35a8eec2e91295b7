import { record, text } from "@/lib/k8s/object-fields";
import type { GroupView } from "../groups";
import type { LwsView, StatefulSetView } from "../view-models";
import type { Cause } from "./types";

export function leaderReadyWait(lws: LwsView, group: GroupView): Cause[] {
  if (text(record(lws.spec).startupPolicy) !== "LeaderReady" || group.size === 1 || group.workers.length > 0 || !group.leader || group.leader.ready) return [];
  return [{ summary: `startupPolicy LeaderReady: workers wait for leader ${group.leader.name}, which is ${group.leader.status}`, evidence: [`pod/${group.leader.name}: ${group.leader.status}, ${group.leader.readyContainers} ready`], suggestion: "see why the leader is not Ready (its events and logs)" }];
}

export function missingWorkers(group: GroupView, statefulSets: StatefulSetView[], lws: LwsView): Cause[] {
  // A leader still being placed or started legitimately has no workers yet (exclusive placement, LeaderReady).
  if (group.size === 1 || !group.leader?.ready || group.leader.deleting || group.workers.length > 0) return [];
  const name = `${lws.metadata.name}-${group.index}`;
  if (statefulSets.some((s) => s.name === name && s.namespace === lws.metadata.namespace)) return [];
  return [{ summary: `no worker StatefulSet for leader ${group.leader.name}`, evidence: [`statefulset/${name} missing`], suggestion: "check the LWS events for FailedCreate" }];
}
