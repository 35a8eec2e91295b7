import type { KubeObject } from "@/lib/k8s/types";
import { isRecord } from "@/lib/k8s/types";
import { rfc3339 } from "@/lib/k8s/time";
import { PODS } from "@/lib/k8s/resources";
import { badRequest, conflict } from "@/lib/k8s/api-errors";
import type { ObjectRegistry } from "../registry/object-registry";
import type { DeleteOptions } from "../registry/delete-options";
import { extend } from "@/lib/k8s/extend";


/** Where `kubectl logs` text comes from: the simulated kubelets on the embedded cluster. */
export interface PodLogSource {
  /** the container's output so far; throws an ApiError when the container has none to give */
  read(pod: KubeObject, container: string, options: { tailLines?: number; previous?: boolean; timestamps?: boolean }): string;
  /** calls `onLine` for each new line until the returned function is called */
  follow?(pod: KubeObject, container: string, onLine: (line: string) => void): () => void;
}

/**
 * POST pods/<name>/binding: the scheduler's way to assign a node. Like upstream's BindingREST it
 * bypasses pod-spec immutability but refuses a pod that is already bound or being deleted.
 */
export async function bindPod(registry: ObjectRegistry, namespace: string, name: string, binding: unknown): Promise<KubeObject> {
  const target = isRecord(binding) && isRecord(binding.target) ? binding.target : undefined;
  const nodeName = typeof target?.name === "string" ? target.name : "";
  if (!nodeName) throw badRequest("binding.target.name is required");
  const pod = registry.get(PODS, namespace, name);
  const spec = (pod.spec ?? {}) as Record<string, unknown>;
  const target404 = { resource: "pods", group: "", name };
  if (pod.metadata.deletionTimestamp) throw conflict(target404, "pod is being deleted, cannot be assigned to a host");
  if (spec.nodeName) throw conflict(target404, `pod ${name} is already assigned to node "${String(spec.nodeName)}"`);
  const status = (pod.status ?? {}) as Record<string, unknown>;
  const conditions = (Array.isArray(status.conditions) ? status.conditions : []).filter((c) => !(isRecord(c) && c.type === "PodScheduled"));
  const now = rfc3339(new Date());
  const bound: KubeObject = {
    ...pod,
    spec: extend(spec, { nodeName }),
    status: extend(status, { conditions: [...conditions, { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: now }] }),
  };
  return registry.persist(PODS, "put", bound);
}

/** POST pods/<name>/eviction: a graceful delete (no PodDisruptionBudgets are served to block it). */
export async function evictPod(registry: ObjectRegistry, namespace: string, name: string, eviction: unknown): Promise<void> {
  const options = isRecord(eviction) && isRecord(eviction.deleteOptions) ? (eviction.deleteOptions as DeleteOptions) : {};
  await registry.delete(PODS, namespace, name, options);
}
