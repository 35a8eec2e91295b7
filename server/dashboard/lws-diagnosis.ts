import { diagnoseLws, type DiagnosisInput, type LwsDiagnosis } from "@/lib/dashboard/diagnosis";
import type { StreamFilter } from "@/lib/dashboard/stream-filter";
import type { Snapshot } from "@/lib/dashboard/view-models";

/** Where the diagnosis reads: the stream hub's views, which the LWS page holds too. */
export interface DiagnosisViews {
  snapshot(filter: StreamFilter): Snapshot;
}

/** What one LWS's diagnosis reads, from the views its page streams; undefined when there is no such LWS. */
export function diagnosisInput(views: DiagnosisViews, namespace: string, name: string): DiagnosisInput | undefined {
  const snapshot = views.snapshot({ namespace, lws: name });
  const lws = snapshot.lws[0];
  if (!lws) return undefined;
  const nodes = new Map(snapshot.node.map((n) => [`/${n.name}`, n]));
  const pods = snapshot.pod.filter((p) => p.lws === name);
  return { lws, pods, namespacePods: snapshot.pod, statefulSets: snapshot.statefulset, nodes, events: snapshot.event, claims: snapshot.pvc };
}

/** One LWS's diagnosis from the hub's views, as its page computes it; undefined when there is no such LWS. */
export function diagnoseFromViews(views: DiagnosisViews, namespace: string, name: string): LwsDiagnosis | undefined {
  const input = diagnosisInput(views, namespace, name);
  return input && diagnoseLws(input);
}
