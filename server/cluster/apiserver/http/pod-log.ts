import { isRecord, type KubeObject } from "@/lib/k8s/types";
import { badRequest } from "@/lib/k8s/api-errors";
import type { ObjectRegistry } from "../registry/object-registry";
import { PODS } from "@/lib/k8s/resources";
import type { PodLogSource } from "./pod-subresources";

const encoder = new TextEncoder();

function containerNames(pod: KubeObject): string[] {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  return containers.map((c) => (isRecord(c) && typeof c.name === "string" ? c.name : "")).filter(Boolean);
}

export interface PodLogRequest {
  container?: string;
  tailLines?: number;
  previous?: boolean;
  timestamps?: boolean;
}

/** The pod and container a log request names, checked as kube-apiserver checks them. */
function logTarget(registry: ObjectRegistry, logs: PodLogSource | undefined, namespace: string, name: string, requested?: string): { pod: KubeObject; container: string; logs: PodLogSource } {
  const pod = registry.get(PODS, namespace, name);
  const names = containerNames(pod);
  const container = requested ?? (names.length === 1 ? names[0] : undefined);
  if (!container) throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(" ")}]`);
  if (!names.includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
  if (!logs) throw badRequest(`container "${container}" in pod "${name}" has no logs: no kubelet serves this cluster`);
  return { pod, container, logs };
}

/** No node has taken the pod: kube-apiserver has no kubelet to ask, and answers with an empty log. */
function unscheduled(pod: KubeObject): boolean {
  return !(isRecord(pod.spec) && typeof pod.spec.nodeName === "string" && pod.spec.nodeName);
}

function readTarget(target: ReturnType<typeof logTarget>, request: PodLogRequest): string {
  if (unscheduled(target.pod)) return "";
  return target.logs.read(target.pod, target.container, { tailLines: request.tailLines, previous: request.previous, timestamps: request.timestamps });
}

/** A container's output so far, for the embedded Client as for GET pods/<name>/log. */
export function readPodLog(registry: ObjectRegistry, source: PodLogSource | undefined, namespace: string, name: string, request: PodLogRequest): string {
  return readTarget(logTarget(registry, source, namespace, name, request.container), request);
}

/** GET pods/<name>/log: text/plain, streamed while `follow=true`. */
export function podLogResponse(registry: ObjectRegistry, source: PodLogSource | undefined, namespace: string, name: string, query: URLSearchParams): Response {
  const tail = query.get("tailLines");
  const target = logTarget(registry, source, namespace, name, query.get("container") ?? undefined);
  const text = readTarget(target, { tailLines: tail ? Number(tail) : undefined, previous: query.get("previous") === "true", timestamps: query.get("timestamps") === "true" });
  const { pod, container, logs } = target;
  if (query.get("follow") !== "true" || !logs.follow || unscheduled(pod)) return new Response(text, { headers: { "content-type": "text/plain" } });
  const follow = logs.follow.bind(logs);
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(text));
      stop = follow(pod, container, (line) => controller.enqueue(encoder.encode(line.endsWith("\n") ? line : `${line}\n`)));
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/plain" } });
}
