import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { CORE_SCHEMAS, OBJECT_META, SCHEMA_REF_PREFIX, type OpenApiSchema } from "./core-schemas";
import { LWS_SCHEMA, withStructuralDefaults } from "./lws-schema";

/** Walks a dotted field path the way `kubectl explain` does: through properties, $refs and allOf wrappers. */
function field(path: string): OpenApiSchema | undefined {
  let schema: OpenApiSchema | undefined = LWS_SCHEMA;
  for (const name of path.split(".")) schema = schema && resolve(schema).properties?.[name];
  return schema;
}

function resolve(schema: OpenApiSchema): OpenApiSchema {
  if (schema.$ref) return resolve(CORE_SCHEMAS[schema.$ref.slice(SCHEMA_REF_PREFIX.length)]);
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
  return schema;
}

const lws = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: "leaderworkerset.x-k8s.io/v1",
  kind: "LeaderWorkerSet",
  metadata: { name: "vllm" },
  spec,
});

const workerTemplate = { spec: { containers: [{ name: "main", image: "vllm" }] } };

describe("LWS_SCHEMA", () => {
  it("carries its GVK as an array, as kubectl explain expects of components.schemas", () => {
    expect(LWS_SCHEMA["x-kubernetes-group-version-kind"]).toEqual([{ group: "leaderworkerset.x-k8s.io", version: "v1", kind: "LeaderWorkerSet" }]);
  });

  it("refers to ObjectMeta through allOf", () => {
    expect(LWS_SCHEMA.properties?.metadata?.allOf).toEqual([{ $ref: SCHEMA_REF_PREFIX + OBJECT_META }]);
  });

  // Every field of lws-upstream-spec.md sections 1.2 to 1.5, with its upstream type, enum and CRD default.
  const FIELDS: Array<[string, Partial<OpenApiSchema>]> = [
    ["spec.replicas", { type: "integer", format: "int32", minimum: 0, maximum: 1000000, default: 1 }],
    ["spec.leaderWorkerTemplate", { type: "object", required: ["workerTemplate"] }],
    ["spec.rolloutStrategy", { type: "object", required: ["type"] }],
    ["spec.startupPolicy", { type: "string", enum: ["LeaderCreated", "LeaderReady"], default: "LeaderCreated" }],
    ["spec.networkConfig", { type: "object", required: ["subdomainPolicy"] }],
    ["spec.networkConfig.subdomainPolicy", { type: "string", enum: ["Shared", "UniquePerReplica"] }],
    ["spec.leaderWorkerTemplate.leaderTemplate", {}],
    ["spec.leaderWorkerTemplate.workerTemplate", {}],
    ["spec.leaderWorkerTemplate.size", { type: "integer", format: "int32", default: 1 }],
    ["spec.leaderWorkerTemplate.restartPolicy", { type: "string", enum: ["Default", "RecreateGroupOnPodRestart", "RecreateGroupAfterStart", "None"], default: "RecreateGroupOnPodRestart" }],
    ["spec.leaderWorkerTemplate.subGroupPolicy", { type: "object" }],
    ["spec.leaderWorkerTemplate.subGroupPolicy.subGroupPolicyType", { type: "string", enum: ["LeaderWorker", "LeaderExcluded"], default: "LeaderWorker" }],
    ["spec.leaderWorkerTemplate.subGroupPolicy.subGroupSize", { type: "integer", format: "int32" }],
    ["spec.leaderWorkerTemplate.volumeClaimTemplates", { type: "array" }],
    ["spec.leaderWorkerTemplate.persistentVolumeClaimRetentionPolicy", {}],
    ["spec.leaderWorkerTemplate.persistentVolumeClaimRetentionPolicy.whenDeleted", { type: "string" }],
    ["spec.leaderWorkerTemplate.persistentVolumeClaimRetentionPolicy.whenScaled", { type: "string" }],
    ["spec.rolloutStrategy.type", { type: "string", enum: ["RollingUpdate"], default: "RollingUpdate" }],
    ["spec.rolloutStrategy.rollingUpdateConfiguration", { type: "object" }],
    ["spec.rolloutStrategy.rollingUpdateConfiguration.partition", { type: "integer", format: "int32", default: 0 }],
    ["spec.rolloutStrategy.rollingUpdateConfiguration.maxUnavailable", { "x-kubernetes-int-or-string": true, default: 1 }],
    ["spec.rolloutStrategy.rollingUpdateConfiguration.maxSurge", { "x-kubernetes-int-or-string": true, default: 0 }],
    ["status.conditions", { type: "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["type"] }],
    ["status.readyReplicas", { type: "integer", format: "int32" }],
    ["status.updatedReplicas", { type: "integer", format: "int32" }],
    ["status.replicas", { type: "integer", format: "int32" }],
    ["status.hpaPodSelector", { type: "string" }],
    ["status.observedGeneration", { type: "integer", format: "int64", minimum: 0 }],
  ];

  it.each(FIELDS)("describes %s", (path, expected) => {
    const schema = field(path);
    expect(schema).toMatchObject(expected);
    expect(schema?.description).toMatch(/\w{3,}/);
  });

  it.each([
    ["spec.leaderWorkerTemplate.leaderTemplate", "PodTemplateSpec"],
    ["spec.leaderWorkerTemplate.workerTemplate", "PodTemplateSpec"],
  ])("refers %s to the built-in %s schema rather than inlining it", (path, kind) => {
    expect(field(path)?.allOf?.[0].$ref).toBe(`${SCHEMA_REF_PREFIX}io.k8s.api.core.v1.${kind}`);
    expect(field(`${path}.spec.containers`)).toBeDefined();
  });

  it("marks int-or-string fields the way the CRD does", () => {
    expect(field("spec.rolloutStrategy.rollingUpdateConfiguration.maxSurge")?.anyOf).toEqual([{ type: "integer" }, { type: "string" }]);
  });
});

describe("withStructuralDefaults", () => {
  it("fills every CRD default of a minimal LWS and leaves webhook defaults alone", () => {
    const spec = withStructuralDefaults(lws({ leaderWorkerTemplate: { workerTemplate } })).spec;
    expect(spec).toEqual({
      replicas: 1,
      startupPolicy: "LeaderCreated",
      leaderWorkerTemplate: { workerTemplate, size: 1, restartPolicy: "RecreateGroupOnPodRestart" },
    });
  });

  const CASES: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ["keeps values that are set", { replicas: 0, startupPolicy: "LeaderReady" }, { replicas: 0, startupPolicy: "LeaderReady" }],
    ["defaults a null field that has a default", { startupPolicy: null }, { startupPolicy: "LeaderCreated" }],
    [
      "defaults inside a present rollingUpdateConfiguration",
      { rolloutStrategy: { rollingUpdateConfiguration: { maxSurge: "50%" } } },
      { rolloutStrategy: { type: "RollingUpdate", rollingUpdateConfiguration: { partition: 0, maxUnavailable: 1, maxSurge: "50%" } } },
    ],
    ["defaults the sub-group type", { leaderWorkerTemplate: { workerTemplate, subGroupPolicy: { subGroupSize: 2 } } }, { leaderWorkerTemplate: expect.objectContaining({ subGroupPolicy: { subGroupPolicyType: "LeaderWorker", subGroupSize: 2 } }) }],
  ];

  it.each(CASES)("%s", (_name, spec, expected) => {
    const defaulted = withStructuralDefaults(lws({ leaderWorkerTemplate: { workerTemplate }, ...spec })).spec;
    expect(defaulted).toMatchObject(expected);
  });

  it("drops a null field that has no default, as the API server prunes it", () => {
    const defaulted = withStructuralDefaults(lws({ leaderWorkerTemplate: { workerTemplate, leaderTemplate: null }, networkConfig: null })).spec;
    expect(defaulted).not.toHaveProperty("networkConfig");
    expect(defaulted).not.toHaveProperty("leaderWorkerTemplate.leaderTemplate");
  });

  it("follows the pod template reference to default container port protocols, as the inlined CRD schema does", () => {
    const template = { spec: { containers: [{ name: "main", ports: [{ containerPort: 8080 }, { containerPort: 53, protocol: "UDP" }] }] } };
    const spec = withStructuralDefaults(lws({ leaderWorkerTemplate: { workerTemplate: template } })).spec as { leaderWorkerTemplate: { workerTemplate: typeof template } };
    expect(spec.leaderWorkerTemplate.workerTemplate.spec.containers[0].ports).toEqual([
      { containerPort: 8080, protocol: "TCP" },
      { containerPort: 53, protocol: "UDP" },
    ]);
  });

  it("does not modify its input", () => {
    const input = lws({ leaderWorkerTemplate: { workerTemplate }, rolloutStrategy: { rollingUpdateConfiguration: {} }, networkConfig: null });
    const before = structuredClone(input);
    withStructuralDefaults(input);
    expect(input).toEqual(before);
  });
});
