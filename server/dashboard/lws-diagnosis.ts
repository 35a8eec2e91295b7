import { diagnoseLws, type LwsDiagnosis } from "@/lib/dashboard/diagnosis";
import type { StreamFilter } from "@/lib/dashboard/stream-filter";
import type { Snapshot } from "@/lib/dashboard/view-models";

/** Where the diagnosis reads: the stream hub's views, which the LWS page holds too. */
export interface DiagnosisViews {
  snapshot(filter: StreamFilter): Snapshot;
}

/** One LWS's diagnosis from the views its page streams; undefined when there is no such LWS. */
export function diagnoseFromViews(views: DiagnosisViews, namespace: string, name: string): LwsDiagnosis | undefined {
  const snapshot = views.snapshot({ namespace, lws: name });
  const lws = snapshot.lws[0];
  if (!lws) return undefined;
  const nodes = new Map(snapshot.node.map((n) => [`/${n.name}`, n]));
  const pods = snapshot.pod.filter((p) => p.lws === name);
  return diagnoseLws({ lws, pods, namespacePods: snapshot.pod, statefulSets: snapshot.statefulset, nodes, events: snapshot.event, claims: snapshot.pvc });
}
