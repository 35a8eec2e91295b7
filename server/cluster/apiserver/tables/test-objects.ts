/** Shared by the printer tests: a fixed clock and a builder for realistic objects. */
import type { KubeObject, ObjectMeta } from "@/lib/k8s/types";

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A fixed "now", so the ages in expected cells are exact. */
export const NOW = Date.parse("2025-06-01T12:00:00Z");

/** The RFC 3339 timestamp `ms` before NOW, at the second precision the API server writes. */
export function ago(ms: number): string {
  return new Date(NOW - ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** An object created 6m10s before NOW in namespace default, unless `metadata` says otherwise. */
export function kubeObject(apiVersion: string, kind: string, metadata: ObjectMeta, fields: Record<string, unknown> = {}): KubeObject {
  const defaults: ObjectMeta = { namespace: "default", uid: `uid-${metadata.name}`, resourceVersion: "42", creationTimestamp: ago(6 * MINUTE + 10 * SECOND) };
  return { apiVersion, kind, metadata: { ...defaults, ...metadata }, ...fields };
}
