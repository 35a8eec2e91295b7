/**
 * Printers read whatever the store holds. These helpers narrow one field at a time, so a
 * malformed or half-filled object prints blanks instead of throwing mid-list.
 */
import { isRecord } from "@/lib/k8s/types";

export function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** A whole number, truncated like Go's int64(float64); undefined when absent or not a number. */
export function integer(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? Math.trunc(value) : undefined;
}

export function stringMap(value: unknown): Record<string, string> {
  const entries = Object.entries(record(value)).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return Object.fromEntries(entries);
}

/** Epoch milliseconds of an RFC 3339 timestamp; undefined when absent or unparsable. */
export function timestamp(value: unknown): number | undefined {
  const time = typeof value === "string" ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : time;
}

/** The record at a field, or undefined when the field is absent: for Go's `x != nil` tests. */
export function optionalRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}
