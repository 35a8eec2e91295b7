/** The conditions a kubelet reports on its Node, with upstream's reasons and messages. */
import { isRecord, type KubeObject } from "@/lib/k8s/types";

export interface NodeCondition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason: string;
  message: string;
  lastHeartbeatTime: string;
  lastTransitionTime: string;
}

type Reported = Pick<NodeCondition, "type" | "status" | "reason" | "message">;

const PRESSURE_FREE: Reported[] = [
  { type: "MemoryPressure", status: "False", reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available" },
  { type: "DiskPressure", status: "False", reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure" },
  { type: "PIDPressure", status: "False", reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available" },
  { type: "NetworkUnavailable", status: "False", reason: "RouteCreated", message: "RouteController created a route" },
];

const READY: Reported = { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" };
const NOT_READY: Reported = { type: "Ready", status: "False", reason: "KubeletNotReady", message: "container runtime is down (fault injected)" };

export function nodeConditionsOf(node: KubeObject): NodeCondition[] {
  const status = isRecord(node.status) ? node.status : {};
  return (Array.isArray(status.conditions) ? status.conditions : []).filter(isRecord) as unknown as NodeCondition[];
}

/** "True", "False", "Unknown", or undefined for a node that never reported. */
export function nodeReadyStatus(node: KubeObject): NodeCondition["status"] | undefined {
  return nodeConditionsOf(node).find((c) => c.type === "Ready")?.status;
}

function stamped(reported: Reported, previous: NodeCondition | undefined, now: string): NodeCondition {
  const transitioned = previous?.status !== reported.status;
  return { ...reported, lastHeartbeatTime: now, lastTransitionTime: transitioned ? now : previous.lastTransitionTime };
}

/**
 * The kubelet's conditions as of `now`: `ready` decides Ready (undefined keeps the Ready the
 * node reports, or True for a node that never reported); every heartbeat time moves to `now`.
 */
export function reportedNodeConditions(current: readonly NodeCondition[], now: string, ready?: boolean): NodeCondition[] {
  const previous = (type: string) => current.find((c) => c.type === type);
  const readyReport = ready === undefined ? (previous("Ready") ?? READY) : ready ? READY : NOT_READY;
  const reported = [...PRESSURE_FREE, readyReport].map((r) => stamped({ type: r.type, status: r.status, reason: r.reason, message: r.message }, previous(r.type), now));
  return [...reported, ...current.filter((c) => !reported.some((r) => r.type === c.type))];
}
