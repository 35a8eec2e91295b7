import { LABELS } from "@/lib/lws/constants";
import type { GroupView } from "../groups";
import type { EventView, LwsView, PvcView } from "../view-models";
import { podsOf } from "./group-pods";
import type { Cause } from "./types";

/** The LWS's claims that are not Bound, by the pod they were made for, with their events. */
export interface UnboundClaims {
  byPod: Map<string, PvcView[]>;
  events: Map<string, EventView[]>;
}

export function unboundClaims(lws: LwsView, claims: PvcView[], events: EventView[]): UnboundClaims {
  const byPod = new Map<string, PvcView[]>();
  const namespace = lws.metadata.namespace;
  for (const claim of claims) {
    if (claim.phase === "Bound" || !claim.pod || claim.namespace !== namespace || claim.labels[LABELS.name] !== lws.metadata.name) continue;
    byPod.set(claim.pod, [...(byPod.get(claim.pod) ?? []), claim]);
  }
  const names = new Set([...byPod.values()].flat().map((c) => c.name));
  const byClaim = new Map<string, EventView[]>();
  for (const event of events) {
    if (event.involved.kind !== "PersistentVolumeClaim" || event.namespace !== namespace || !names.has(event.involved.name)) continue;
    byClaim.set(event.involved.name, [...(byClaim.get(event.involved.name) ?? []), event]);
  }
  return { byPod, events: byClaim };
}

function describeClaim(claim: PvcView): string {
  return `pvc/${claim.name}: ${claim.phase}, storageClassName ${claim.storageClassName ?? "(cluster default)"}${claim.storage ? `, requests ${claim.storage}` : ""}, for pod/${claim.pod}`;
}

function claimAdvice(claim: PvcView, reason: string | undefined): string {
  if (claim.storageClassName && reason && /storageclass.* not found/.test(reason)) {
    return `StorageClass "${claim.storageClassName}" does not exist: create it, or fix storageClassName in spec.leaderWorkerTemplate.volumeClaimTemplates and then delete the Pending claims (a claim's class cannot be changed, and StatefulSets reuse claims by name)`;
  }
  return "see the claim's events (kubectl describe pvc) and the storage provisioner of its class: the pods wait until their claims are Bound";
}

/**
 * Pods whose claims are not Bound cannot start (or, on clusters that check volumes when
 * scheduling, are Unschedulable): the claim is the root cause. Also returns those pods, so the
 * scheduling cause does not repeat them.
 */
export function pendingClaims(group: GroupView, unbound: UnboundClaims): { causes: Cause[]; pods: Set<string> } {
  const waiting = podsOf(group).filter((p) => unbound.byPod.has(p.name));
  if (waiting.length === 0) return { causes: [], pods: new Set() };
  const claims = waiting.flatMap((p) => unbound.byPod.get(p.name) ?? []);
  const events = claims.flatMap((c) => unbound.events.get(c.name) ?? []);
  const reason = events.find((e) => e.type === "Warning")?.message;
  const first = claims[0];
  const more = claims.length > 1 ? ` (and ${claims.length - 1} more)` : "";
  return {
    causes: [{
      summary: `PVC ${first.name} ${first.phase}${reason ? `: ${reason}` : ""}${more}`,
      evidence: [...claims.map(describeClaim), ...events.map((e) => `event ${e.reason} on pvc/${e.involved.name}: ${e.message}`)],
      suggestion: claimAdvice(first, reason),
    }],
    pods: new Set(waiting.map((p) => p.name)),
  };
}
