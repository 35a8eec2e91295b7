/**
 * The LWS form's fields: their names, their values' types and where each lives in a
 * LeaderWorkerSet manifest. The one table that reading, writing and error mapping share.
 */
import { GPU } from "@/lib/k8s/pod-requests";
import { ANNOTATIONS } from "./constants";

export type Path = Array<string | number>;

export type TemplateRole = "leader" | "worker";
/** Per pod template: the first container's image and resources. */
export const POD_KEYS = ["image", "cpuRequest", "cpuLimit", "memoryRequest", "memoryLimit", "gpus"] as const;
export type PodKey = (typeof POD_KEYS)[number];
/** Per volume claim template, in the order a new claim's keys are written. */
export const CLAIM_KEYS = ["name", "storageClassName", "accessModes", "storage"] as const;
export type ClaimKey = (typeof CLAIM_KEYS)[number];

/** PersistentVolumeClaim access modes (core/v1). */
export const ACCESS_MODES = ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"] as const;


/** Empty strings and undefined stand for "not set": writing them deletes the key. */
export interface ScalarValues {
  name: string;
  namespace: string;
  replicas: number | undefined;
  size: number | undefined;
  startupPolicy: string;
  restartPolicy: string;
  subGroupSize: number | undefined;
  subGroupPolicyType: string;
  /** the node label key of the exclusive-topology annotation */
  exclusiveTopology: string;
  /** the node label key of the subgroup-exclusive-topology annotation */
  subGroupExclusiveTopology: string;
  /** "1" or "25%", as typed */
  maxUnavailable: string;
  maxSurge: string;
  partition: number | undefined;
  subdomainPolicy: string;
}
export type ScalarField = keyof ScalarValues;

export type PodValues = Record<PodKey, string>;

export interface VolumeClaimValues {
  name: string;
  storageClassName: string;
  accessModes: string[];
  /** the claim's spec.resources.requests.storage, e.g. "100Gi" */
  storage: string;
}

export type ToggleField = "leaderTemplate" | "subGroups";
export type PodField = `${TemplateRole}.${PodKey}`;
/** A whole claim: a value appends (at the next index) or rewrites it, undefined removes it. */
export type ClaimField = `volumeClaims.${number}`;
export type ClaimPartField = `volumeClaims.${number}.${ClaimKey}`;
export type FormField = ScalarField | ToggleField | PodField | ClaimField | ClaimPartField;

/** The value type of each form field. */
export type FormFieldValues = ScalarValues &
  Record<ToggleField, boolean> &
  { [F in PodField]: string } &
  { [F in ClaimField]: VolumeClaimValues | undefined } &
  { [F in `volumeClaims.${number}.${Exclude<ClaimKey, "accessModes">}`]: string } &
  { [F in `volumeClaims.${number}.accessModes`]: string[] };

/** text: "" deletes; count: an integer, undefined deletes; intOrPercent: "3" is written as 3, "25%" as is; list: [] deletes. */
export type ValueKind = "text" | "count" | "intOrPercent" | "list";

export interface PathField {
  kind: ValueKind;
  /** the first is where the value goes; the others, when present, are kept equal to it (GPU requests follow limits) */
  paths: Path[];
  /** written only inside this existing object: the leader template, a claim */
  within?: Path;
  /** set first when missing: the container a pod field belongs to, rolloutStrategy.type that the CRD requires */
  ensure?: { path: Path; value: unknown };
}

const LWT = ["spec", "leaderWorkerTemplate"];
const ROLLING = ["spec", "rolloutStrategy", "rollingUpdateConfiguration"];
const ROLLOUT_TYPE = { path: ["spec", "rolloutStrategy", "type"], value: "RollingUpdate" };

export const TEMPLATE_PATHS: Record<TemplateRole, Path> = { leader: [...LWT, "leaderTemplate"], worker: [...LWT, "workerTemplate"] };
export const SUBGROUP_POLICY_PATH: Path = [...LWT, "subGroupPolicy"];
export const CLAIMS_PATH: Path = [...LWT, "volumeClaimTemplates"];
export const annotationPath = (key: string): Path => ["metadata", "annotations", key];

const at = (kind: ValueKind, path: Path, ensure?: PathField["ensure"]): PathField => ({ kind, paths: [path], ensure });

export const SCALAR_FIELDS: Record<ScalarField, PathField> = {
  name: at("text", ["metadata", "name"]),
  namespace: at("text", ["metadata", "namespace"]),
  replicas: at("count", ["spec", "replicas"]),
  size: at("count", [...LWT, "size"]),
  startupPolicy: at("text", ["spec", "startupPolicy"]),
  restartPolicy: at("text", [...LWT, "restartPolicy"]),
  subGroupSize: at("count", [...SUBGROUP_POLICY_PATH, "subGroupSize"]),
  subGroupPolicyType: at("text", [...SUBGROUP_POLICY_PATH, "subGroupPolicyType"]),
  exclusiveTopology: at("text", annotationPath(ANNOTATIONS.exclusiveTopology)),
  subGroupExclusiveTopology: at("text", annotationPath(ANNOTATIONS.subGroupExclusiveTopology)),
  maxUnavailable: at("intOrPercent", [...ROLLING, "maxUnavailable"], ROLLOUT_TYPE),
  maxSurge: at("intOrPercent", [...ROLLING, "maxSurge"], ROLLOUT_TYPE),
  partition: at("count", [...ROLLING, "partition"], ROLLOUT_TYPE),
  subdomainPolicy: at("text", ["spec", "networkConfig", "subdomainPolicy"]),
};

const RESOURCE_KEYS: Record<Exclude<PodKey, "image" | "gpus">, [string, string]> = {
  cpuRequest: ["requests", "cpu"],
  cpuLimit: ["limits", "cpu"],
  memoryRequest: ["requests", "memory"],
  memoryLimit: ["limits", "memory"],
};

/** The form edits a template's first container; GPUs go in limits, as the concepts page writes them, and requests follow when set. */
export function podField(role: TemplateRole, key: PodKey): PathField {
  const container = [...TEMPLATE_PATHS[role], "spec", "containers", 0];
  const paths = key === "image" ? [[...container, "image"]]
    : key === "gpus" ? [[...container, "resources", "limits", GPU], [...container, "resources", "requests", GPU]]
    : [[...container, "resources", ...RESOURCE_KEYS[key]]];
  return { kind: "text", paths, within: role === "leader" ? TEMPLATE_PATHS.leader : undefined, ensure: { path: container, value: { name: role } } };
}

const CLAIM_PATHS: Record<ClaimKey, Path> = {
  name: ["metadata", "name"],
  storageClassName: ["spec", "storageClassName"],
  accessModes: ["spec", "accessModes"],
  storage: ["spec", "resources", "requests", "storage"],
};

export function claimField(index: number, key: ClaimKey): PathField {
  const claim = [...CLAIMS_PATH, index];
  return { kind: key === "accessModes" ? "list" : "text", paths: [[...claim, ...CLAIM_PATHS[key]]], within: claim };
}

/** What a form field names: a value at a path, a toggle, or a whole volume claim. */
export type FieldRef =
  | { type: "path"; field: PathField }
  | { type: "toggle"; toggle: ToggleField }
  | { type: "claim"; index: number };

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** Resolves a field name; undefined for names outside FormField (which the types already rule out). */
export function resolveField(field: FormField): FieldRef | undefined {
  if (field === "leaderTemplate" || field === "subGroups") return { type: "toggle", toggle: field };
  if (Object.hasOwn(SCALAR_FIELDS, field)) return { type: "path", field: SCALAR_FIELDS[field as ScalarField] };
  const [head, second, third] = field.split(".");
  if ((head === "leader" || head === "worker") && isOneOf(POD_KEYS, second) && third === undefined) return { type: "path", field: podField(head, second) };
  const index = Number(second);
  if (head !== "volumeClaims" || !Number.isInteger(index) || index < 0) return undefined;
  if (third === undefined) return { type: "claim", index };
  return isOneOf(CLAIM_KEYS, third) ? { type: "path", field: claimField(index, third) } : undefined;
}
