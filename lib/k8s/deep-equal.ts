/** Structural equality of JSON values (key order ignored), as Kubernetes compares objects for no-op writes. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra).filter((k) => ra[k] !== undefined);
  if (keys.length !== Object.keys(rb).filter((k) => rb[k] !== undefined).length) return false;
  return keys.every((k) => deepEqual(ra[k], rb[k]));
}

/**
 * A mutable deep copy of a JSON value (store objects are frozen). Hand-written because
 * structuredClone's serializer costs several times more on the small objects every write copies.
 */
export function clone<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) copy[key] = clone(source[key]);
  return copy as T;
}

/**
 * Whether every field `partial` sets has the same value in `whole`: maps field by field, lists
 * item by item (same length, same order), so fields the server defaulted into list items (a
 * container's imagePullPolicy) do not count. What a server-side apply of `partial` would find
 * already there.
 */
export function containsFields(whole: unknown, partial: unknown): boolean {
  if (Array.isArray(partial)) return Array.isArray(whole) && whole.length === partial.length && partial.every((item, i) => containsFields(whole[i], item));
  if (typeof partial !== "object" || partial === null) return deepEqual(whole, partial);
  if (typeof whole !== "object" || whole === null || Array.isArray(whole)) return false;
  const w = whole as Record<string, unknown>;
  return Object.entries(partial as Record<string, unknown>).every(([key, value]) => value === undefined || containsFields(w[key], value));
}
