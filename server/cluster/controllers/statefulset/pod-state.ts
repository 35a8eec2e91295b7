import { isRecord, type KubeObject } from "@/lib/k8s/types";

/** The pod label naming the ControllerRevision (`<sts>-<hash>`) the pod was made from. */
export const POD_REVISION_LABEL = "controller-revision-hash";

type Json = Record<string, unknown>;

const status = (pod: KubeObject): Json => (isRecord(pod.status) ? pod.status : {});

function readyCondition(pod: KubeObject): Json | undefined {
  const conditions = status(pod).conditions;
  return (Array.isArray(conditions) ? conditions : []).filter(isRecord).find((c) => c.type === "Ready");
}

export const phaseOf = (pod: KubeObject): unknown => status(pod).phase;
export const isFailed = (pod: KubeObject): boolean => phaseOf(pod) === "Failed";
export const isSucceeded = (pod: KubeObject): boolean => phaseOf(pod) === "Succeeded";
export const isPending = (pod: KubeObject): boolean => phaseOf(pod) === "Pending";
export const isTerminating = (pod: KubeObject): boolean => !!pod.metadata.deletionTimestamp;
export const podRevision = (pod: KubeObject): string | undefined => pod.metadata.labels?.[POD_REVISION_LABEL];

export function isRunningAndReady(pod: KubeObject): boolean {
  return phaseOf(pod) === "Running" && readyCondition(pod)?.status === "True";
}

/**
 * When a Running and Ready pod counts as available (Ready for minReadySeconds), in ms since the
 * epoch; undefined when it is not Running and Ready.
 */
export function availableAt(pod: KubeObject, minReadySeconds: number): number | undefined {
  if (!isRunningAndReady(pod)) return undefined;
  if (minReadySeconds <= 0) return 0;
  const since = Date.parse(String(readyCondition(pod)?.lastTransitionTime ?? ""));
  // A Ready condition without a transition time has been Ready for as long as anyone knows.
  return Number.isNaN(since) ? 0 : since + minReadySeconds * 1000;
}

export function isRunningAndAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  const at = availableAt(pod, minReadySeconds);
  return at !== undefined && at <= now;
}

/** Counts toward progress: Running, Ready and not on its way out. */
export function isHealthy(pod: KubeObject): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}
