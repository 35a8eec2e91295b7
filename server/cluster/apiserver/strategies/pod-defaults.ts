import { isRecord } from "@/lib/k8s/types";

type Json = Record<string, unknown>;

function imagePullPolicy(image: unknown): string {
  const ref = typeof image === "string" ? image : "";
  const lastSegment = ref.split("/").pop() ?? "";
  const tag = ref.includes("@") ? "digest" : lastSegment.includes(":") ? lastSegment.split(":").pop() : "latest";
  return tag === "latest" ? "Always" : "IfNotPresent";
}

function defaultContainer(container: unknown): void {
  if (!isRecord(container)) return;
  container.imagePullPolicy ??= imagePullPolicy(container.image);
  container.terminationMessagePath ??= "/dev/termination-log";
  container.terminationMessagePolicy ??= "File";
  container.resources ??= {};
  const resources = container.resources as Json;
  // A limit with no request means the request equals the limit, as the API server defaults it.
  if (isRecord(resources.limits)) resources.requests = { ...resources.limits, ...(isRecord(resources.requests) ? resources.requests : {}) };
  for (const port of Array.isArray(container.ports) ? container.ports : []) if (isRecord(port)) port.protocol ??= "TCP";
}

// DefaultTolerationSeconds admission: pods ride out a NotReady/unreachable node for 5 minutes.
const DEFAULT_TOLERATIONS = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"].map((key) => ({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }));

/** The defaults kube-apiserver fills into a PodSpec (also inside pod templates). */
export function defaultPodSpec(spec: Json, forPod: boolean): void {
  spec.restartPolicy ??= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= "ClusterFirst";
  spec.schedulerName ??= "default-scheduler";
  spec.securityContext ??= {};
  if (forPod) {
    spec.enableServiceLinks ??= true;
    spec.priority ??= 0;
    spec.preemptionPolicy ??= "PreemptLowerPriority";
    const tolerations = Array.isArray(spec.tolerations) ? spec.tolerations : [];
    const missing = DEFAULT_TOLERATIONS.filter((d) => !tolerations.some((t) => isRecord(t) && t.key === d.key && (t.effect ?? d.effect) === d.effect));
    spec.tolerations = [...tolerations, ...missing];
  }
  for (const list of ["initContainers", "containers"]) {
    for (const container of Array.isArray(spec[list]) ? spec[list] : []) defaultContainer(container);
  }
}

/** Pod QoS class from requests and limits, as the kubelet and API server compute it. */
export function qosClass(spec: Json): "Guaranteed" | "Burstable" | "BestEffort" {
  const containers = [...(Array.isArray(spec.containers) ? spec.containers : []), ...(Array.isArray(spec.initContainers) ? spec.initContainers : [])].filter(isRecord);
  let anySet = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const res = isRecord(c.resources) ? c.resources : {};
    const requests = isRecord(res.requests) ? res.requests : {};
    const limits = isRecord(res.limits) ? res.limits : {};
    if (Object.keys(requests).length || Object.keys(limits).length) anySet = true;
    for (const r of ["cpu", "memory"]) if (limits[r] === undefined || requests[r] !== limits[r]) guaranteed = false;
  }
  return !anySet ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
}
