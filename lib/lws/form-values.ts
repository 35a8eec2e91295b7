/** What the LWS form shows, read from a parsed manifest of any shape. */
import { integer, text, texts } from "@/lib/k8s/object-fields";
import { isRecord } from "@/lib/k8s/types";
import {
  CLAIM_KEYS,
  CLAIMS_PATH,
  claimField,
  POD_KEYS,
  podField,
  SCALAR_FIELDS,
  SUBGROUP_POLICY_PATH,
  TEMPLATE_PATHS,
  type ClaimKey,
  type FormField,
  type FormFieldValues,
  type Path,
  type PathField,
  type PodKey,
  type PodValues,
  type ScalarValues,
  type TemplateRole,
  type VolumeClaimValues,
} from "./form-fields";

export interface LwsFormValues extends ScalarValues {
  /** a leaderTemplate object is present */
  leaderTemplate: boolean;
  /** a subGroupPolicy object is present */
  subGroups: boolean;
  /** empty strings while leaderTemplate is off */
  leader: PodValues;
  worker: PodValues;
  volumeClaims: VolumeClaimValues[];
}

/** The value at a path, or undefined as soon as a step is missing or of the wrong shape. */
export function valueAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === "number") current = Array.isArray(current) ? current[key] : undefined;
    else current = isRecord(current) ? current[key] : undefined;
  }
  return current;
}

/** A field as the form shows it: numbers in text fields (`cpu: 2`) as text, odd shapes as empty. */
export function readPath(object: unknown, field: PathField): string | number | undefined | string[] {
  const raw = field.paths.map((path) => valueAt(object, path)).find((value) => value !== undefined);
  if (field.kind === "count") return integer(raw);
  if (field.kind === "list") return texts(raw);
  return typeof raw === "number" && Number.isFinite(raw) ? String(raw) : text(raw);
}

function readRecord<K extends string>(keys: readonly K[], fieldOf: (key: K) => PathField, object: unknown): Record<K, unknown> {
  return Object.fromEntries(keys.map((key) => [key, readPath(object, fieldOf(key))])) as Record<K, unknown>;
}

function readPod(object: unknown, role: TemplateRole): PodValues {
  return readRecord(POD_KEYS, (key) => podField(role, key), object) as PodValues;
}

function readClaims(object: unknown): VolumeClaimValues[] {
  const claims = valueAt(object, CLAIMS_PATH);
  if (!Array.isArray(claims)) return [];
  return claims.map((_, index) => readRecord(CLAIM_KEYS, (key) => claimField(index, key), object) as unknown as VolumeClaimValues);
}

/** The form's values from a parsed manifest; missing or malformed fields read as empty, never throw. */
export function readForm(object: unknown): LwsFormValues {
  const scalars = readRecord(Object.keys(SCALAR_FIELDS) as Array<keyof ScalarValues>, (key) => SCALAR_FIELDS[key], object) as unknown as ScalarValues;
  return {
    ...scalars,
    leaderTemplate: isRecord(valueAt(object, TEMPLATE_PATHS.leader)),
    subGroups: isRecord(valueAt(object, SUBGROUP_POLICY_PATH)),
    leader: readPod(object, "leader"),
    worker: readPod(object, "worker"),
    volumeClaims: readClaims(object),
  };
}

function lookup(values: LwsFormValues, field: FormField): unknown {
  const [head, second, third] = field.split(".");
  if (third !== undefined) return values.volumeClaims[Number(second)]?.[third as ClaimKey] ?? (third === "accessModes" ? [] : "");
  if (second === undefined) return values[field as keyof LwsFormValues];
  return head === "volumeClaims" ? values.volumeClaims[Number(second)] : values[head as TemplateRole][second as PodKey];
}

/** One field's value out of the form's values; a part of a claim that does not exist reads as empty. */
export function formValue<F extends FormField>(values: LwsFormValues, field: F): FormFieldValues[F] {
  return lookup(values, field) as FormFieldValues[F];
}

/** A claim to add: a name no other claim has, one ReadWriteOnce volume of 10Gi of the cluster's default class. */
export function newVolumeClaim(existing: VolumeClaimValues[]): VolumeClaimValues {
  const names = new Set(existing.map((claim) => claim.name));
  const nameOf = (n: number) => (n === 1 ? "data" : `data-${n}`);
  let n = 1;
  while (names.has(nameOf(n))) n++;
  return { name: nameOf(n), storageClassName: "", accessModes: ["ReadWriteOnce"], storage: "10Gi" };
}
