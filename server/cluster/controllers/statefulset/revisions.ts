import { isAlreadyExists, isConflict, isNotFound } from "@/lib/k8s/api-errors";
import { clone, deepEqual } from "@/lib/k8s/deep-equal";
import { CONTROLLER_REVISIONS } from "@/lib/k8s/resources";
import { isRecord, type KubeObject } from "@/lib/k8s/types";
import type { Client } from "@/server/runtime/client";
import type { Informer } from "@/server/runtime/informer";
import { retryOnConflict } from "../../retry-on-conflict";
import { hashRevision, revisionName } from "./revision-hash";
import { controllerRef, isControlledBy, readStatus, type PodTemplate, type StatefulSetSpec } from "./statefulset-spec";
import { KUBE_CONTROLLER_MANAGER } from "@/server/cluster/field-managers";

/** The label a ControllerRevision carries its own hash in (history.ControllerRevisionHashLabel). */
export const REVISION_HASH_LABEL = "controller.kubernetes.io/hash";

export interface ControllerRevision extends KubeObject {
  data?: unknown;
  revision?: number;
}

export interface ResolvedRevisions {
  current: ControllerRevision;
  update: ControllerRevision;
  collisionCount: number;
}

/**
 * What a revision stores: upstream's patch form, `{spec: {template: {...template, $patch: "replace"}}}`,
 * which applied to the StatefulSet gives back the pod template of that revision.
 */
export function revisionData(spec: StatefulSetSpec): Record<string, unknown> {
  return { spec: { template: { ...clone(spec.template), $patch: "replace" } } };
}

/** The pod template a revision holds (ApplyRevision). */
export function templateOf(revision: ControllerRevision): PodTemplate {
  const spec = isRecord(revision.data) && isRecord(revision.data.spec) ? revision.data.spec : {};
  const template: Record<string, unknown> = isRecord(spec.template) ? { ...spec.template } : {};
  delete template.$patch;
  return template as PodTemplate;
}

function compareRevisions(a: ControllerRevision, b: ControllerRevision): number {
  const byNumber = (a.revision ?? 0) - (b.revision ?? 0);
  if (byNumber !== 0) return byNumber;
  const at = (r: ControllerRevision) => r.metadata.creationTimestamp ?? "";
  if (at(a) !== at(b)) return at(a) < at(b) ? -1 : 1;
  return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1;
}

export function newRevision(set: KubeObject, spec: StatefulSetSpec, revision: number, collisionCount: number): ControllerRevision {
  const data = revisionData(spec);
  const hash = hashRevision(data, collisionCount);
  const annotations = set.metadata.annotations;
  return {
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata: {
      name: revisionName(set.metadata.name ?? "", hash),
      namespace: set.metadata.namespace,
      labels: { ...spec.template.metadata?.labels, [REVISION_HASH_LABEL]: hash },
      ...(annotations ? { annotations: { ...annotations } } : {}),
      ownerReferences: [controllerRef(set)],
    },
    data,
    revision,
  };
}

/** The StatefulSet's revision history (history.ControllerHistory), read from the shared informer. */
export class RevisionHistory {
  constructor(
    private readonly client: Client,
    private readonly revisions: Informer<ControllerRevision>,
  ) {}

  /** The StatefulSet's revisions, oldest first. */
  list(set: KubeObject): ControllerRevision[] {
    return this.revisions.byOwner(set.metadata.uid ?? "").filter((r) => isControlledBy(r, set)).sort(compareRevisions);
  }

  /**
   * getStatefulSetRevisions: the update revision is the template as it is now (reusing an equal
   * revision, renumbered when it is a rollback, or created); the current one is status.currentRevision,
   * or the update revision for a StatefulSet that has none yet.
   */
  async resolve(set: KubeObject, spec: StatefulSetSpec, revisions: ControllerRevision[]): Promise<ResolvedRevisions> {
    const status = readStatus(set);
    const next = (revisions.at(-1)?.revision ?? 0) + 1;
    const wanted = revisionData(spec);
    const equal = revisions.filter((r) => deepEqual(r.data, wanted)).at(-1);
    let collisionCount = status.collisionCount ?? 0;
    let update: ControllerRevision;
    if (equal && equal === revisions.at(-1)) update = equal;
    else if (equal) update = await this.renumber(equal, next);
    else ({ revision: update, collisionCount } = await this.create(set, spec, next, collisionCount));
    const current = revisions.find((r) => r.metadata.name === status.currentRevision) ?? update;
    return { current, update, collisionCount };
  }

  /** Deletes the oldest revisions no pod and neither status revision uses, down to revisionHistoryLimit. */
  async truncate(revisions: ControllerRevision[], live: ReadonlySet<string>, limit: number): Promise<void> {
    const history = revisions.filter((r) => !live.has(r.metadata.name ?? ""));
    for (const revision of history.slice(0, Math.max(0, history.length - limit))) {
      try {
        await this.client.delete(CONTROLLER_REVISIONS, revision.metadata.namespace ?? "", revision.metadata.name ?? "", { preconditions: { uid: revision.metadata.uid } });
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
  }

  /** Creates the revision, probing past name collisions with a different template (collisionCount). */
  private async create(set: KubeObject, spec: StatefulSetSpec, number: number, collisionCount: number): Promise<{ revision: ControllerRevision; collisionCount: number }> {
    for (let count = collisionCount; ; count++) {
      const revision = newRevision(set, spec, number, count);
      try {
        return { revision: await this.client.create(CONTROLLER_REVISIONS, revision, { fieldManager: KUBE_CONTROLLER_MANAGER }), collisionCount: count };
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
        const existing = await this.client.get<ControllerRevision>(CONTROLLER_REVISIONS, set.metadata.namespace ?? "", revision.metadata.name ?? "");
        if (deepEqual(existing.data, revision.data)) return { revision: await this.adopt(set, existing), collisionCount: count };
      }
    }
  }

  /** An equal revision left without a controller (its StatefulSet was deleted with orphan) is taken over. */
  private async adopt(set: KubeObject, revision: ControllerRevision): Promise<ControllerRevision> {
    if (revision.metadata.ownerReferences?.some((ref) => ref.controller)) return revision;
    const patch = [
      { op: "test", path: "/metadata/uid", value: revision.metadata.uid },
      { op: "add", path: "/metadata/ownerReferences", value: [...(revision.metadata.ownerReferences ?? []), controllerRef(set)] },
    ];
    return this.client.patch(CONTROLLER_REVISIONS, revision.metadata.namespace ?? "", revision.metadata.name ?? "", { type: "json", body: patch }, { fieldManager: KUBE_CONTROLLER_MANAGER });
  }

  /** A rollback: the old revision becomes the newest by taking the next number. */
  private renumber(revision: ControllerRevision, number: number): Promise<ControllerRevision> {
    let latest = revision;
    return retryOnConflict(async () => {
      try {
        return await this.client.update<ControllerRevision>(CONTROLLER_REVISIONS, { ...clone(latest), revision: number });
      } catch (err) {
        if (isConflict(err)) latest = await this.client.get(CONTROLLER_REVISIONS, revision.metadata.namespace ?? "", revision.metadata.name ?? "");
        throw err;
      }
    });
  }
}
