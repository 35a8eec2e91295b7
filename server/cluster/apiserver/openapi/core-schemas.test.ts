import { describe, expect, it } from "vitest";
import { CORE_SCHEMAS, SCHEMA_REF_PREFIX, type OpenApiSchema } from "./core-schemas";

/** Every field schema in a schema, with its dotted path, descending through inline objects and arrays. */
function fields(schema: OpenApiSchema, path: string): Array<[string, OpenApiSchema]> {
  const own = Object.entries(schema.properties ?? {}).flatMap(([name, child]) => [[`${path}.${name}`, child] as [string, OpenApiSchema], ...fields(child, `${path}.${name}`)]);
  return schema.items ? [...own, ...fields(schema.items, `${path}[]`)] : own;
}

const ALL_FIELDS = Object.entries(CORE_SCHEMAS).flatMap(([name, schema]) => fields(schema, name));

describe("CORE_SCHEMAS", () => {
  it.each([
    ["Pod", ""],
    ["PersistentVolumeClaim", ""],
    ["StatefulSet", "apps"],
    ["Service", ""],
    ["Node", ""],
    ["Namespace", ""],
    ["Event", ""],
    ["Event", "events.k8s.io"],
    ["ConfigMap", ""],
    ["ControllerRevision", "apps"],
    ["Lease", "coordination.k8s.io"],
    ["Endpoints", ""],
  ])("has a described schema for %s in group '%s' carrying its GVK as an array", (kind, group) => {
    const matches = Object.values(CORE_SCHEMAS).filter((s) => s["x-kubernetes-group-version-kind"]?.some((g) => g.kind === kind && g.group === group && g.version === "v1"));
    expect(matches).toHaveLength(1);
    expect(matches[0].description).toBeTruthy();
    expect(Object.keys(matches[0].properties ?? {})).toEqual(expect.arrayContaining(["apiVersion", "kind", "metadata"]));
  });

  it("describes every field, so kubectl explain never prints <no description>", () => {
    const undescribed = ALL_FIELDS.filter(([, schema]) => !schema.description && !schema.$ref).map(([path]) => path);
    expect(undescribed).toEqual([]);
  });

  it("refers only to schemas it defines", () => {
    const refs = [...JSON.stringify(CORE_SCHEMAS).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(CORE_SCHEMAS).toHaveProperty([ref.replace(SCHEMA_REF_PREFIX, "")]);
  });

  it("gives every int-or-string field both alternatives, as the CRD form does", () => {
    const intOrString = ALL_FIELDS.filter(([, schema]) => schema["x-kubernetes-int-or-string"]);
    expect(intOrString.map(([path]) => path)).toEqual(
      expect.arrayContaining(["io.k8s.api.apps.v1.StatefulSetSpec.updateStrategy.rollingUpdate.maxUnavailable", "io.k8s.api.core.v1.ServicePort.targetPort"]),
    );
    for (const [, schema] of intOrString) expect(schema.anyOf).toEqual([{ type: "integer" }, { type: "string" }]);
  });

  it.each([
    ["io.k8s.api.core.v1.PodSpec", ["containers", "initContainers", "nodeSelector", "affinity", "tolerations", "nodeName", "restartPolicy", "subdomain", "hostname", "volumes", "terminationGracePeriodSeconds", "schedulerName"]],
    ["io.k8s.api.core.v1.Container", ["name", "image", "command", "args", "env", "ports", "resources", "volumeMounts"]],
    ["io.k8s.api.apps.v1.StatefulSetSpec", ["replicas", "selector", "serviceName", "template", "podManagementPolicy", "updateStrategy", "ordinals", "volumeClaimTemplates", "persistentVolumeClaimRetentionPolicy"]],
  ])("%s describes its main fields and lets the rest through", (name, expected) => {
    expect(Object.keys(CORE_SCHEMAS[name].properties ?? {})).toEqual(expect.arrayContaining(expected));
    expect(CORE_SCHEMAS[name]["x-kubernetes-preserve-unknown-fields"]).toBe(true);
  });
});
