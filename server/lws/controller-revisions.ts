import { isAlreadyExists } from "@/lib/k8s/api-errors";
import { CONTROLLER_REVISIONS } from "@/lib/k8s/resources";
import type { KubeObject } from "@/lib/k8s/types";
import { EVENT_REASONS, LABELS, LWS_CONTROLLER_NAME } from "@/lib/lws/constants";
import { applyRevision, goJson, revisionData, revisionKey } from "@/lib/lws/revision";
import type { Client } from "@/server/runtime/client";
import type { EventRecorder } from "@/server/runtime/event-recorder";
import type { Informer } from "@/server/runtime/informer";
import { controllerRef } from "./owner-references";

export interface CurrentRevision {
  key: string;
  /** a template change was detected in this reconcile: a rolling update starts */
  newRevision: boolean;
}

function revisionNumber(revision: KubeObject): number {
  return typeof revision.revision === "number" ? revision.revision : 0;
}

const LWS_REVISIONS_INDEX = "lws-revisions";

/**
 * Revisions that may be an LWS's, by "<namespace>/<lws name>": owned by an LWS, or unowned with
 * the name label. The worker StatefulSets' own revisions carry the name label too (their pod
 * template's): 1,000 groups would otherwise mean scanning 1,000 of them per lookup.
 */
function lwsRevisionsIndex(revision: KubeObject): string[] {
  const owners = revision.metadata.ownerReferences ?? [];
  const name = revision.metadata.labels?.[LABELS.name];
  if (!name || (owners.length > 0 && !owners.some((o) => o.kind === "LeaderWorkerSet"))) return [];
  return [`${revision.metadata.namespace ?? ""}/${name}`];
}

/** The ControllerRevisions of LWS objects (§8.1): lookup by key, creation, truncation. */
export class LwsRevisions {
  constructor(
    private readonly client: Client,
    private readonly informer: Informer,
    private readonly recorder: EventRecorder,
  ) {
    informer.addIndex(LWS_REVISIONS_INDEX, lwsRevisionsIndex);
  }

  /** This LWS's revisions (owned by it, or unowned ones with its name label). */
  of(lws: KubeObject): KubeObject[] {
    return this.informer
      .byIndex(LWS_REVISIONS_INDEX, `${lws.metadata.namespace ?? ""}/${lws.metadata.name ?? ""}`)
      .filter((r) => !r.metadata.ownerReferences?.length || r.metadata.ownerReferences.some((o) => o.uid === lws.metadata.uid));
  }

  find(lws: KubeObject, key: string): KubeObject | undefined {
    return this.of(lws)
      .filter((r) => r.metadata.labels?.[LABELS.templateRevisionHash] === key)
      .sort((a, b) => revisionNumber(b) - revisionNumber(a))[0];
  }

  /** The revision the LWS is at, creating it (and detecting a template change) as needed. */
  async current(lws: KubeObject, leaderSts: KubeObject | undefined): Promise<CurrentRevision> {
    const data = revisionData(lws);
    const key = revisionKey(data);
    if (!leaderSts) {
      if (!this.find(lws, key)) await this.create(lws, key, data, `Creating revision with key ${key} for a newly created LeaderWorkerSet`);
      return { key, newRevision: false };
    }
    const stsKey = leaderSts.metadata.labels?.[LABELS.templateRevisionHash] ?? key;
    const stored = this.find(lws, stsKey);
    if (!stored) {
      // Adopting a leader StatefulSet whose revision is missing: record the live spec under its key, no rollout.
      await this.create(lws, stsKey, data, `Creating missing revision with key ${stsKey} for existing LeaderWorkerSet`);
      return { key: stsKey, newRevision: false };
    }
    if (goJson(stored.data) === data || revisionData(applyRevision(lws, stored.data)) === data) return { key: stsKey, newRevision: false };
    if (!this.find(lws, key)) await this.create(lws, key, data, `Creating revision with key ${key} for updated LWS`);
    return { key, newRevision: true };
  }

  /** The LWS as it was at a revision, for rebuilding an old group's workers. */
  rebuild(lws: KubeObject, key: string): KubeObject | undefined {
    const stored = this.find(lws, key);
    return stored ? applyRevision(lws, stored.data) : undefined;
  }

  /** Deletes every revision but the current one, once a rollout is done. */
  async truncate(lws: KubeObject, key: string): Promise<void> {
    for (const revision of this.of(lws)) {
      if (revision.metadata.labels?.[LABELS.templateRevisionHash] === key) continue;
      await this.client.delete(CONTROLLER_REVISIONS, revision.metadata.namespace ?? "", revision.metadata.name ?? "").catch(() => undefined);
    }
  }

  private async create(lws: KubeObject, key: string, data: string, note: string): Promise<void> {
    const next = Math.max(0, ...this.of(lws).map(revisionNumber)) + 1;
    const name = `${(lws.metadata.name ?? "").slice(0, 220)}-${key}-${next}`;
    const revision: KubeObject = {
      apiVersion: "apps/v1",
      kind: "ControllerRevision",
      metadata: { name, namespace: lws.metadata.namespace, labels: { [LABELS.name]: lws.metadata.name ?? "", [LABELS.templateRevisionHash]: key }, ownerReferences: [controllerRef(lws)] },
      data: JSON.parse(data) as unknown,
      revision: next,
    };
    try {
      await this.client.create(CONTROLLER_REVISIONS, revision, { fieldManager: LWS_CONTROLLER_NAME });
      this.recorder.event(lws, "Normal", EVENT_REASONS.creatingRevision, note);
    } catch (err) {
      // The informer had not seen our own earlier create yet: the revision is there.
      if (!isAlreadyExists(err)) throw err;
    }
  }
}
