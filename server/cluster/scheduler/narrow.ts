/**
 * Narrowing of untyped object fields: the scheduler reads Pods and Nodes as `unknown` JSON
 * once, at its edge, and trusts the typed models inside.
 */
import { isRecord } from "@/lib/k8s/types";

export function recordAt(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function arrayAt(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function stringAt(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function numberAt(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function stringsAt(value: unknown): string[] {
  return arrayAt(value).filter((v): v is string => typeof v === "string");
}

/** A map of strings (labels, nodeSelector); non-string values are dropped. */
export function stringMapAt(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(recordAt(value))) if (typeof v === "string") out[k] = v;
  return out;
}
