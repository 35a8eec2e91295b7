import { describe, expect, it } from "vitest";
import type { KubeObject, OwnerReference } from "@/lib/k8s/types";
import { claimsFor, desiredClaimOwners, hasStaleOwnerRef } from "./claims";
import { readSpec, type RetentionPolicyType } from "./statefulset-spec";

const set: KubeObject = {
  apiVersion: "apps/v1",
  kind: "StatefulSet",
  metadata: { name: "db", namespace: "ns", uid: "set-uid" },
  spec: {
    selector: { matchLabels: { app: "db" } },
    volumeClaimTemplates: [{ metadata: { name: "data", labels: { tier: "x" } }, spec: { accessModes: ["ReadWriteOnce"] }, status: { phase: "Pending" } }],
  },
};
const pod: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "db-2", uid: "pod-uid" } };
const other: OwnerReference = { apiVersion: "v1", kind: "ConfigMap", name: "keep", uid: "other" };

function withPolicy(whenDeleted: RetentionPolicyType, whenScaled: RetentionPolicyType) {
  return readSpec({ ...set, spec: { ...(set.spec as object), persistentVolumeClaimRetentionPolicy: { whenDeleted, whenScaled } } });
}

describe("claims", () => {
  it("makes <template>-<sts>-<ordinal> claims with the selector's labels and no status", () => {
    const [claim] = claimsFor(set, readSpec(set), 2);
    expect(claim).toEqual({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data-db-2", namespace: "ns", labels: { tier: "x", app: "db" } }, spec: { accessModes: ["ReadWriteOnce"] } });
  });

  it.each([
    { whenDeleted: "Retain", whenScaled: "Retain", scaledDown: false, owners: [] },
    { whenDeleted: "Retain", whenScaled: "Retain", scaledDown: true, owners: [] },
    { whenDeleted: "Delete", whenScaled: "Retain", scaledDown: false, owners: ["set-uid"] },
    { whenDeleted: "Delete", whenScaled: "Retain", scaledDown: true, owners: ["set-uid"] },
    { whenDeleted: "Retain", whenScaled: "Delete", scaledDown: false, owners: [] },
    { whenDeleted: "Retain", whenScaled: "Delete", scaledDown: true, owners: ["pod-uid"] },
    { whenDeleted: "Delete", whenScaled: "Delete", scaledDown: false, owners: ["set-uid"] },
    { whenDeleted: "Delete", whenScaled: "Delete", scaledDown: true, owners: ["pod-uid"] },
  ] as const)("whenDeleted $whenDeleted, whenScaled $whenScaled, scaled down $scaledDown: owners $owners", ({ whenDeleted, whenScaled, scaledDown, owners }) => {
    const spec = withPolicy(whenDeleted, whenScaled);
    // Start from the opposite ownership so both adding and removing are exercised.
    const start = [other, { apiVersion: "apps/v1", kind: "StatefulSet", name: "db", uid: "set-uid" }, { apiVersion: "v1", kind: "Pod", name: "db-2", uid: "pod-uid" }].filter((r) => r.uid === "other" || !(owners as readonly string[]).includes(r.uid));
    const claim = { ...claimsFor(set, spec, 2)[0], metadata: { ...claimsFor(set, spec, 2)[0].metadata, ownerReferences: start } };
    const refs = desiredClaimOwners(claim, set, pod, spec, scaledDown);
    expect(refs.map((r) => r.uid).sort()).toEqual(["other", ...owners].sort());
    expect(refs.every((r) => !r.controller)).toBe(true);
  });

  it("sees a claim owned by an earlier pod of the same name as stale", () => {
    const claim: KubeObject = { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data-db-2", ownerReferences: [{ apiVersion: "v1", kind: "Pod", name: "db-2", uid: "old" }] } };
    expect(hasStaleOwnerRef(claim, "db-2", undefined)).toBe(true);
    expect(hasStaleOwnerRef(claim, "db-2", "old")).toBe(false);
    expect(hasStaleOwnerRef(claim, "db-3", undefined)).toBe(false);
  });
});
