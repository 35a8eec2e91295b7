/** Small helpers for the maps of counts the scheduler's indexes are made of. */

/** Adds `delta` to a count, dropping it at zero so the map only holds live keys. */
export function addCount<K>(counts: Map<K, number>, key: K, delta: number): void {
  const n = (counts.get(key) ?? 0) + delta;
  if (n === 0) counts.delete(key);
  else counts.set(key, n);
}

/** The entry under `key`, created on first use. */
export function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}
