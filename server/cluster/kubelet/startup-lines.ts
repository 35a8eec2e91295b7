/** What a simulated container prints when it starts: enough to see which pod of which group it is. */
import type { KubeObject } from "@/lib/k8s/types";
import { arrayAt, recordAt, stringAt } from "../scheduler/narrow";

/** metadata.labels['x'] → the label's value; the downward API fields LWS pods use. */
function fieldValue(pod: KubeObject, fieldPath: string): string | undefined {
  const match = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(fieldPath);
  if (match) return (match[1] === "labels" ? pod.metadata.labels : pod.metadata.annotations)?.[match[2]];
  const status = recordAt(pod.status);
  const fields: Record<string, unknown> = {
    "metadata.name": pod.metadata.name,
    "metadata.namespace": pod.metadata.namespace,
    "metadata.uid": pod.metadata.uid,
    "spec.nodeName": recordAt(pod.spec).nodeName,
    "status.podIP": status.podIP,
    "status.hostIP": status.hostIP,
  };
  return stringAt(fields[fieldPath]);
}

function envValue(pod: KubeObject, env: Record<string, unknown>): string {
  const value = stringAt(env.value);
  if (value !== undefined) return value;
  const fieldPath = stringAt(recordAt(recordAt(env.valueFrom).fieldRef).fieldPath);
  return (fieldPath && fieldValue(pod, fieldPath)) ?? "<set from a reference>";
}

function ports(container: Record<string, unknown>): number[] {
  const declared = arrayAt(container.ports).map((p) => recordAt(p).containerPort).filter((p): p is number => typeof p === "number");
  return declared.length ? declared : [8080];
}

/** The start-up output of `container` in `pod` (its spec read as the kubelet would). */
export function startupLines(pod: KubeObject, containerName: string): string[] {
  const spec = recordAt(pod.spec);
  const container = arrayAt(spec.containers).map(recordAt).find((c) => c.name === containerName) ?? {};
  const image = stringAt(container.image) ?? "";
  const status = recordAt(pod.status);
  const lws = arrayAt(container.env).map(recordAt).filter((e) => stringAt(e.name)?.startsWith("LWS_"));
  return [
    `starting ${containerName} from image ${image} in pod ${pod.metadata.namespace}/${pod.metadata.name}`,
    `node ${stringAt(spec.nodeName) ?? "?"}, pod IP ${stringAt(status.podIP) ?? "?"}`,
    ...lws.map((e) => `env ${stringAt(e.name)}=${envValue(pod, e)}`),
    ...ports(container).map((port) => `listening on 0.0.0.0:${port}`),
    "ready to serve requests",
  ];
}
