import { z } from "zod";
import { conflict } from "@/lib/k8s/api-errors";
import { clone } from "@/lib/k8s/deep-equal";
import { record, records } from "@/lib/k8s/object-fields";
import { LEADER_WORKER_SETS, PODS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";

const FIELD_MANAGER = "lws-console";

/**
 * The detail page's quick actions. `expected` is the value the user was looking at: if someone
 * changed it meanwhile the action is refused (status churn during a rollout does not count).
 */
export const LwsAction = z.discriminatedUnion("action", [
  z.object({ action: z.literal("scale"), replicas: z.number().int().min(0).max(1_000_000), expected: z.number().int().min(0) }),
  z.object({ action: z.literal("setImage"), image: z.string().min(1).max(512), container: z.string().min(1).max(63).optional(), expected: z.string() }),
  z.object({ action: z.literal("restartGroup"), group: z.number().int().min(0) }),
  z.object({ action: z.literal("delete") }),
]);
export type LwsAction = z.infer<typeof LwsAction>;

/** Sets the image of the named (or every) container in both pod templates: a rolling update. */
function firstImage(lws: KubeObject): string {
  const template = record(record(lws.spec).leaderWorkerTemplate);
  return String(records(record(record(template.workerTemplate).spec).containers)[0]?.image ?? "");
}

function withImage(lws: KubeObject, image: string, container?: string): KubeObject {
  const next = clone(lws);
  const template = record(record(next.spec).leaderWorkerTemplate);
  for (const key of ["leaderTemplate", "workerTemplate"]) {
    for (const c of records(record(record(template[key]).spec).containers)) if (!container || c.name === container) c.image = image;
  }
  return next;
}

function changedMeanwhile(name: string, what: string) {
  return conflict({ resource: "leaderworkersets", group: "leaderworkerset.x-k8s.io", name }, `${what} was changed by someone else since you loaded the page; review the new value and try again`);
}

/**
 * Runs a quick action with optimistic concurrency: if the LWS changed since the user saw it,
 * the answer is a 409 Conflict, never a silent overwrite.
 */
export async function runLwsAction(client: Client, namespace: string, name: string, action: LwsAction): Promise<KubeObject | undefined> {
  switch (action.action) {
    case "scale": {
      const live = await client.get(LEADER_WORKER_SETS, namespace, name);
      if ((record(live.spec).replicas ?? 1) !== action.expected) throw changedMeanwhile(name, "spec.replicas");
      // The update carries the resourceVersion just read: a write racing this one is a 409 too.
      return client.update(LEADER_WORKER_SETS, { ...live, spec: { ...record(live.spec), replicas: action.replicas } }, { fieldManager: FIELD_MANAGER });
    }
    case "setImage": {
      const live = await client.get(LEADER_WORKER_SETS, namespace, name);
      if (firstImage(live) !== action.expected) throw changedMeanwhile(name, "the image");
      return client.update(LEADER_WORKER_SETS, withImage(live, action.image, action.container), { fieldManager: FIELD_MANAGER });
    }
    case "restartGroup":
      // What RecreateGroupOnPodRestart does: the leader goes in the foreground, taking its group with it.
      await client.delete(PODS, namespace, `${name}-${action.group}`, { propagationPolicy: "Foreground" });
      return undefined;
    case "delete":
      await client.delete(LEADER_WORKER_SETS, namespace, name, { propagationPolicy: "Background" });
      return undefined;
  }
}
