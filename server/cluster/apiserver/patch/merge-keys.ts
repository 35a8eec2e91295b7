/**
 * Which lists merge, and on what key, for the kinds the embedded API server serves: the
 * Go struct tags `patchStrategy`/`patchMergeKey` (strategic merge patch) and the
 * `+listType`/`+listMapKey` markers (server-side apply) of upstream's types, as data.
 *
 * Where the two disagree, SMP's tags win because SMP is what kubectl sends for built-in
 * kinds; e.g. container `ports` is keyed by `containerPort` alone although SSA keys it on
 * `containerPort` and `protocol`, and `env` merges by `name` in both.
 */

export type ListStrategy = { type: "merge"; key: string } | { type: "set" } | { type: "atomic" };

/** A field's patch metadata: how it merges if it is a list, and the fields of its value (or of its items). */
interface FieldSchema {
  list?: ListStrategy;
  fields?: Fields;
}

type Fields = Readonly<Record<string, FieldSchema>>;

function mergeOn(key: string, fields?: Fields): FieldSchema {
  return { list: { type: "merge", key }, fields };
}

const SET: FieldSchema = { list: { type: "set" } };

function object(fields: Fields): FieldSchema {
  return { fields };
}

const objectMeta: Fields = {
  finalizers: SET,
  ownerReferences: mergeOn("uid"),
};

const conditionsByType = mergeOn("type");

const container: Fields = {
  ports: mergeOn("containerPort"),
  env: mergeOn("name"),
  volumeMounts: mergeOn("mountPath"),
  volumeDevices: mergeOn("devicePath"),
};

const podSpec: Fields = {
  containers: mergeOn("name", container),
  initContainers: mergeOn("name", container),
  ephemeralContainers: mergeOn("name", container),
  volumes: mergeOn("name"),
  imagePullSecrets: mergeOn("name"),
  hostAliases: mergeOn("ip"),
  topologySpreadConstraints: mergeOn("topologyKey"),
  schedulingGates: mergeOn("name"),
  resourceClaims: mergeOn("name"),
};

// containerStatuses, initContainerStatuses and ephemeralContainerStatuses carry no patch tags: atomic.
const podStatus: Fields = {
  conditions: conditionsByType,
  podIPs: mergeOn("ip"),
  hostIPs: mergeOn("ip"),
  resourceClaimStatuses: mergeOn("name"),
};

const podTemplateSpec: Fields = {
  metadata: object(objectMeta),
  spec: object(podSpec),
};

const withStatusConditions = object({ conditions: conditionsByType });

/** Top-level fields per kind, ObjectMeta aside. Lists not named here (taints, tolerations, subsets, ...) are atomic. */
const KINDS: Readonly<Record<string, Fields>> = {
  Pod: { spec: object(podSpec), status: object(podStatus) },
  StatefulSet: { spec: object({ template: object(podTemplateSpec) }), status: withStatusConditions },
  Service: { spec: object({ ports: mergeOn("port") }), status: withStatusConditions },
  Node: {
    spec: object({ podCIDRs: SET }),
    status: object({ conditions: conditionsByType, addresses: mergeOn("type") }),
  },
  PersistentVolumeClaim: { status: withStatusConditions },
  Namespace: { status: withStatusConditions },
  LeaderWorkerSet: {
    spec: object({
      leaderWorkerTemplate: object({ leaderTemplate: object(podTemplateSpec), workerTemplate: object(podTemplateSpec) }),
    }),
    status: withStatusConditions,
  },
};

// Every list of every write asks: one schema per kind, made once.
const SCHEMAS = new Map<string, Fields>();

function fieldsOf(kind: string): Fields {
  let fields = SCHEMAS.get(kind);
  if (!fields) SCHEMAS.set(kind, (fields = { ...(Object.hasOwn(KINDS, kind) ? KINDS[kind] : {}), metadata: object(objectMeta) }));
  return fields;
}

/** How a list at `path` (field names only, no indices, e.g. ["spec","template","spec","containers"]) of object `kind` ("Pod", "StatefulSet", ...) merges under strategic merge patch / server-side apply. Unknown paths are atomic. */
export function listStrategyAt(kind: string, path: readonly string[]): ListStrategy {
  let fields: Fields | undefined = fieldsOf(kind);
  let schema: FieldSchema | undefined;
  for (const name of path) {
    schema = fields && Object.hasOwn(fields, name) ? fields[name] : undefined;
    fields = schema?.fields;
  }
  return schema?.list ?? { type: "atomic" };
}
