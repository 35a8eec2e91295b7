import { randomUUID, randomInt } from "node:crypto";
import type { KubeObject, ObjectMeta } from "@/lib/k8s/types";
import { deepEqual } from "@/lib/k8s/deep-equal";
import { rfc3339 } from "@/lib/k8s/time";
import { extend } from "@/lib/k8s/extend";

// The alphabet kube-apiserver draws generateName suffixes from: no vowels, no look-alike digits.
const SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

export function generateNameSuffix(): string {
  let suffix = "";
  for (let i = 0; i < 5; i++) suffix += SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)];
  return suffix;
}

/** Server-owned metadata of a new object; the client's values for these are ignored. */
export function initialMetadata(meta: ObjectMeta, namespace: string | undefined, now: Date): ObjectMeta {
  const next: ObjectMeta = extend(meta, { uid: randomUUID(), creationTimestamp: rfc3339(now), generation: 1 });
  if (!next.name && next.generateName) next.name = next.generateName + generateNameSuffix();
  if (namespace !== undefined) next.namespace = namespace;
  else delete next.namespace;
  delete next.resourceVersion;
  delete next.deletionTimestamp;
  delete next.deletionGracePeriodSeconds;
  return next;
}

/** Carries the fields a client may not change on update over from the stored object. */
export function preserveServerMetadata(next: ObjectMeta, old: ObjectMeta): ObjectMeta {
  return extend(next, {
    name: old.name,
    namespace: old.namespace,
    uid: old.uid,
    creationTimestamp: old.creationTimestamp,
    generation: old.generation,
    deletionTimestamp: old.deletionTimestamp,
    deletionGracePeriodSeconds: old.deletionGracePeriodSeconds,
    resourceVersion: old.resourceVersion,
  });
}

const NON_SPEC_FIELDS = new Set(["apiVersion", "kind", "metadata", "status"]);

/** metadata.generation moves when the desired state (anything but metadata and status) changes. */
export function nextGeneration(next: KubeObject, old: KubeObject): number {
  const current = old.metadata.generation ?? 1;
  const keys = new Set([...Object.keys(next), ...Object.keys(old)]);
  for (const key of keys) {
    if (!NON_SPEC_FIELDS.has(key) && !deepEqual(next[key], old[key])) return current + 1;
  }
  return current;
}

/** True when an update would change nothing a client could observe (so no write happens). */
export function isNoop(next: KubeObject, old: KubeObject): boolean {
  const strip = (o: KubeObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined, managedFields: undefined } });
  return deepEqual(strip(next), strip(old));
}
