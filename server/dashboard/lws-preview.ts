import { checkCapacity, type CapacityResult } from "@/lib/dashboard/capacity";
import type { Snapshot } from "@/lib/dashboard/view-models";
import { isNotFound } from "@/lib/k8s/api-errors";
import { LEADER_WORKER_SETS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { planChange, type ChangePlan } from "@/lib/lws/change-plan";
import type { Client } from "@/server/runtime/client";
import type { StreamFilter } from "@/lib/dashboard/stream-filter";

export interface LwsPreview {
  /** the object as stored now, without managedFields; absent when applying creates it */
  live?: KubeObject;
  plan: ChangePlan;
  capacity: CapacityResult;
}

/** Where the preview reads nodes and pods: the stream hub's views, which the dashboard shows too. */
export interface ViewSource {
  snapshot(filter: StreamFilter): Pick<Snapshot, "node" | "pod">;
}

async function readLive(client: Client, namespace: string, name: string): Promise<KubeObject | undefined> {
  try {
    const live = await client.get(LEADER_WORKER_SETS, namespace, name);
    const { managedFields: _managedFields, ...metadata } = live.metadata;
    return { ...live, metadata };
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/**
 * "Preview before apply": what applying `manifest` would do to its LWS (plan) and whether its
 * groups fit on the nodes now (capacity). Pods of every namespace take room (the nodes' requested
 * totals); those of its own namespace also hold the domains its exclusive placement avoids.
 */
export async function previewLws(client: Client, views: ViewSource, manifest: KubeObject): Promise<LwsPreview> {
  const namespace = manifest.metadata.namespace ?? "default";
  const next = { ...manifest, metadata: { ...manifest.metadata, namespace } };
  const live = await readLive(client, namespace, next.metadata.name ?? "");
  const { node, pod } = views.snapshot({ namespace });
  return { ...(live ? { live } : {}), plan: planChange(live, next), capacity: checkCapacity(next, node, pod) };
}
