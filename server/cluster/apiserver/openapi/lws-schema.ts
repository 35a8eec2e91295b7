/**
 * The LeaderWorkerSet schema as the upstream CRD's openAPIV3Schema has it (types, enums, bounds,
 * defaults), served in the OpenAPI document for `kubectl explain` and used as data by admission:
 * `withStructuralDefaults` fills in the CRD defaults exactly as the API server does for a CRD.
 * Pod templates and claims refer to the built-in schemas instead of inlining them as the CRD does.
 */
import { isRecord, type KubeObject } from "@/lib/k8s/types";
import {
  CONDITION,
  CORE_SCHEMAS,
  PERSISTENT_VOLUME_CLAIM,
  POD_TEMPLATE_SPEC,
  PVC_RETENTION_POLICY,
  SCHEMA_REF_PREFIX,
  int32,
  int64,
  intOrString,
  kindSchema,
  listOf,
  oneOf,
  ref,
  str,
  type GroupVersionKind,
  type OpenApiSchema,
} from "./core-schemas";

export const LWS_GVK: GroupVersionKind = { group: "leaderworkerset.x-k8s.io", version: "v1", kind: "LeaderWorkerSet" };

/** Definition name under which the API server publishes a CRD's schema: the reversed group, version, kind. */
export const LWS_SCHEMA_NAME = "io.x-k8s.leaderworkerset.v1.LeaderWorkerSet";

const withDefault = (schema: OpenApiSchema, value: unknown): OpenApiSchema => ({ ...schema, default: value });

const leaderWorkerTemplate: OpenApiSchema = {
  description: "The pod templates of a group (one leader plus workers) and how a group is sized, restarted and split into sub-groups.",
  type: "object",
  required: ["workerTemplate"],
  properties: {
    leaderTemplate: ref(POD_TEMPLATE_SPEC, "Pod template of the leader pod (worker index 0) of every group. When omitted the leader is created from workerTemplate."),
    workerTemplate: ref(POD_TEMPLATE_SPEC, "Pod template of the worker pods (worker index 1 to size-1) of every group."),
    size: withDefault(
      int32("Number of pods in each group, the leader included; at least 1. With size 1 a group is just its leader and no worker StatefulSet is created. Changing it rolls every group. Defaults to 1."),
      1,
    ),
    restartPolicy: withDefault(
      oneOf(
        ["Default", "RecreateGroupOnPodRestart", "RecreateGroupAfterStart", "None"],
        "What happens to a group when one of its pods fails. RecreateGroupOnPodRestart: any container restart or pod deletion in the group recreates the whole group. RecreateGroupAfterStart: the same, but only once every pod of the group has started. None: pods restart on their own, as in a StatefulSet. Default is a deprecated name for None.",
      ),
      "RecreateGroupOnPodRestart",
    ),
    subGroupPolicy: {
      description: "Splits every group into sub-groups of subGroupSize pods, e.g. to map a group onto several accelerator slices.",
      type: "object",
      properties: {
        subGroupPolicyType: withDefault(
          oneOf(["LeaderWorker", "LeaderExcluded"], "LeaderWorker puts the leader into the first sub-group; LeaderExcluded keeps the leader out of every sub-group and splits only the workers. Defaults to LeaderWorker."),
          "LeaderWorker",
        ),
        subGroupSize: int32("Number of pods in each sub-group; at most size, and size or size-1 must be a multiple of it. Immutable."),
      },
    },
    volumeClaimTemplates: listOf(PERSISTENT_VOLUME_CLAIM, "Claims every pod of a group gets, as in a StatefulSet; each must be mounted by name in a container of the template and takes precedence over a template volume of the same name."),
    persistentVolumeClaimRetentionPolicy: ref(PVC_RETENTION_POLICY, "What happens to the claims created from volumeClaimTemplates when the LeaderWorkerSet is deleted or scaled down."),
  },
};

const rollingUpdateConfiguration: OpenApiSchema = {
  description: "Parameters of a RollingUpdate, counted in groups.",
  type: "object",
  properties: {
    partition: withDefault(
      int32("Groups with an index lower than partition keep their current revision; only groups from partition to replicas-1 are updated, which allows canary rollouts. Defaults to 0."),
      0,
    ),
    maxUnavailable: withDefault(
      intOrString("Most groups that may be unavailable during the update: a number, or a percentage of replicas rounded down. Cannot be 0 when maxSurge is 0. Defaults to 1."),
      1,
    ),
    maxSurge: withDefault(
      intOrString("Most extra groups that may be created above replicas during the update: a number, or a percentage of replicas rounded up. The extra groups are removed when the update completes. Defaults to 0."),
      0,
    ),
  },
};

const spec: OpenApiSchema = {
  description: "Desired state of a LeaderWorkerSet: replicas groups, each of one leader pod and size-1 worker pods. Group i's leader is named <name>-i and its workers <name>-i-j.",
  type: "object",
  required: ["leaderWorkerTemplate"],
  properties: {
    replicas: withDefault(
      { ...int32("Number of groups. Scaling down deletes the highest-indexed groups. This is the target of the scale subresource; autoscalers select the leader pods. Defaults to 1."), minimum: 0, maximum: 1000000 },
      1,
    ),
    leaderWorkerTemplate,
    rolloutStrategy: {
      description: "How groups are replaced when the leaderWorkerTemplate (or networkConfig) changes.",
      type: "object",
      required: ["type"],
      properties: {
        type: withDefault(oneOf(["RollingUpdate"], "The rollout strategy; RollingUpdate is the only one, and replaces groups from the highest index down."), "RollingUpdate"),
        rollingUpdateConfiguration,
      },
    },
    startupPolicy: withDefault(
      oneOf(["LeaderCreated", "LeaderReady"], "When the worker pods of a group are created: as soon as the leader pod exists (LeaderCreated), or only once it is ready (LeaderReady). Defaults to LeaderCreated."),
      "LeaderCreated",
    ),
    networkConfig: {
      description: "How the pods of the groups are addressed over DNS.",
      type: "object",
      required: ["subdomainPolicy"],
      properties: {
        subdomainPolicy: oneOf(
          ["Shared", "UniquePerReplica"],
          "Shared: one headless Service named after the LeaderWorkerSet serves every group. UniquePerReplica: each group gets its own headless Service named after its leader pod.",
        ),
      },
    },
  },
};

const status: OpenApiSchema = {
  description: "Observed state of a LeaderWorkerSet, maintained by its controller. Read-only.",
  type: "object",
  properties: {
    conditions: {
      ...listOf(CONDITION, "Latest observations of the LeaderWorkerSet: Available, Progressing and UpdateInProgress."),
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["type"],
    },
    readyReplicas: int32("Number of groups, surge groups included, whose leader pod and workers are all ready, whatever their revision."),
    updatedReplicas: int32("Number of groups, surge groups included, whose pods run the current revision, ready or not."),
    replicas: int32("Number of groups that exist, surge groups included, whatever their revision or readiness."),
    hpaPodSelector: str("Label selector, in string form, of the leader pods; the scale subresource reports it so autoscalers can find the pods."),
    observedGeneration: { ...int64("The metadata.generation the controller last acted on."), minimum: 0 },
  },
};

export const LWS_SCHEMA: OpenApiSchema = kindSchema(
  LWS_GVK,
  "A LeaderWorkerSet runs replicated groups of pods where each group is one leader and several workers that start, scale, update and fail together, e.g. for multi-host inference.",
  { spec, status },
);

/**
 * Returns a copy of `object` with every absent field that has a schema default filled in, and null
 * fields without a default dropped: what the API server does to a custom resource before admission.
 * Objects the schema does not describe are shared with the input, not copied.
 */
export function withStructuralDefaults(object: KubeObject, schema: OpenApiSchema = LWS_SCHEMA): KubeObject {
  return defaulted(object, schema) as KubeObject;
}

function defaulted(value: unknown, schema: OpenApiSchema): unknown {
  const target = resolved(schema);
  if (Array.isArray(value)) return target.items ? value.map((item) => defaulted(item, target.items as OpenApiSchema)) : value;
  if (!isRecord(value) || !target.properties) return value;
  const result: Record<string, unknown> = { ...value };
  for (const [field, fieldSchema] of Object.entries(target.properties)) {
    if (result[field] === undefined || result[field] === null) {
      if (fieldSchema.default !== undefined) result[field] = structuredClone(fieldSchema.default);
      else delete result[field];
    }
    if (result[field] !== undefined) result[field] = defaulted(result[field], fieldSchema);
  }
  return result;
}

/** Follows `$ref`s, and the single-entry `allOf` a field uses to wrap one, to the schema that describes the value. */
function resolved(schema: OpenApiSchema): OpenApiSchema {
  if (schema.$ref) return resolved(CORE_SCHEMAS[schema.$ref.slice(SCHEMA_REF_PREFIX.length)] ?? {});
  if (schema.allOf?.length === 1 && !schema.properties) return resolved(schema.allOf[0]);
  return schema;
}
