/**
 * Volcano's PodGroup (scheduling.volcano.sh/v1beta1) as its CRD describes the fields LWS gang
 * scheduling writes and volcano reports, for `kubectl explain podgroups`. Spec and status keep
 * unknown fields, so newer volcano fields are never dropped.
 */
import { int32, intOrString, kindSchema, str, type GroupVersionKind, type OpenApiSchema } from "./core-schemas";

export const POD_GROUP_GVK: GroupVersionKind = { group: "scheduling.volcano.sh", version: "v1beta1", kind: "PodGroup" };

/** The reversed group, version and kind, as the API server names a CRD's schema. */
export const POD_GROUP_SCHEMA_NAME = "sh.volcano.scheduling.v1beta1.PodGroup";

const spec: OpenApiSchema = {
  description: "What the group needs before volcano schedules any of its pods.",
  type: "object",
  properties: {
    minMember: int32("Least number of pods that must be schedulable together; until then none of them is bound."),
    minTaskMember: { description: "Least number of pods per task (pod role), by task name.", type: "object", additionalProperties: { type: "integer", format: "int32" } },
    queue: str("Queue the group is admitted through; the default queue when empty."),
    priorityClassName: str("Priority class of the group, for ordering and preemption between groups."),
    minResources: {
      description: "Resources that must be free for the whole group before any pod is scheduled, e.g. every pod's requests summed.",
      type: "object",
      additionalProperties: intOrString("A quantity such as 500m, 2Gi or 4."),
    },
  },
  "x-kubernetes-preserve-unknown-fields": true,
};

const status: OpenApiSchema = {
  description: "What volcano observed of the group.",
  type: "object",
  properties: {
    phase: str("Pending, Running, Unknown, Inqueue or Completed."),
    conditions: {
      description: "Latest observations of the group's state (type, status, reason, message, transitionID), e.g. Unschedulable.",
      type: "array",
      items: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
    },
    running: int32("Number of pods of the group running."),
    succeeded: int32("Number of pods of the group that succeeded."),
    failed: int32("Number of pods of the group that failed."),
  },
  "x-kubernetes-preserve-unknown-fields": true,
};

export const POD_GROUP_SCHEMA: OpenApiSchema = kindSchema(
  POD_GROUP_GVK,
  "A PodGroup is a set of pods volcano schedules all or none: none is bound until minMember of them (and minResources) fit. LWS creates one per group when gang scheduling is enabled.",
  { spec, status },
);
