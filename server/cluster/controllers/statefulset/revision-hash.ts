/** JSON with object keys sorted, as Go's encoding/json writes maps: the bytes a revision is hashed from. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** FNV-1 (not 1a), 32 bits: Go's hash/fnv New32. */
export function fnv32(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = (Math.imul(hash, 0x01000193) ^ byte) >>> 0;
  return hash;
}

// apimachinery's rand.SafeEncodeString alphabet: no vowels, no 0/1/3, so no words.
const ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

function safeEncode(text: string): string {
  return [...text].map((ch) => ALPHANUMS[ch.charCodeAt(0) % ALPHANUMS.length]).join("");
}

/**
 * history.HashControllerRevision: FNV-32 of the revision's data followed by the collision count
 * (which a StatefulSet always passes), safe-encoded.
 */
export function hashRevision(data: unknown, collisionCount: number): string {
  const text = canonicalJson(data) + String(collisionCount);
  return safeEncode(String(fnv32(new TextEncoder().encode(text))));
}

/** history.ControllerRevisionName: `<prefix>-<hash>`, the prefix cut to 223 characters. */
export function revisionName(prefix: string, hash: string): string {
  return `${prefix.slice(0, 223)}-${hash}`;
}
