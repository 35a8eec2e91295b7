import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EXAMPLES, SAMPLE_LWS } from "./examples";
import { CLAIM_KEYS, POD_KEYS, SCALAR_FIELDS, type ScalarField } from "./form-fields";
import { formFieldOf, formValue, readForm, writeForm, type FormField, type LwsFormValues } from "./form-model";
import { parseManifest } from "./manifest";

const read = (source: string): LwsFormValues => readForm(parseManifest(source).object);
const example = (id: string) => EXAMPLES.find((e) => e.id === id)!.yaml;

function fieldsOf(values: LwsFormValues): FormField[] {
  const fields: FormField[] = [...(Object.keys(SCALAR_FIELDS) as ScalarField[]), "leaderTemplate", "subGroups"];
  for (const role of ["leader", "worker"] as const) for (const key of POD_KEYS) fields.push(`${role}.${key}`);
  values.volumeClaims.forEach((_, i) => fields.push(`volumeClaims.${i}`, ...CLAIM_KEYS.map((key) => `volumeClaims.${i}.${key}` as const)));
  return fields;
}

/** A value different from `value`, of the same field's type. */
function another(value: unknown): unknown {
  if (typeof value === "number") return value + 1;
  if (typeof value === "boolean") return !value;
  return typeof value === "string" ? `${value}0` : undefined;
}

describe("the examples, read and written back", () => {
  it.each(EXAMPLES.map((e) => [e.id, e.yaml]))("%s: every read value written back leaves the text byte-identical", (_, yaml) => {
    const values = read(yaml);
    for (const field of fieldsOf(values)) expect({ field, yaml: writeForm(yaml, field, formValue(values, field)) }).toEqual({ field, yaml });
  });

  it.each(EXAMPLES.map((e) => [e.id, e.yaml]))("%s: each set field changed and changed back gives the same text", (_, yaml) => {
    const values = read(yaml);
    const set = fieldsOf(values).filter((f) => !f.startsWith("volumeClaims") && f !== "leaderTemplate" && f !== "subGroups");
    for (const field of set.filter((f) => formValue(values, f) !== "" && formValue(values, f) !== undefined)) {
      const original = formValue(values, field);
      const changed = writeForm(yaml, field, another(original) as never);
      expect({ field, changed: changed !== yaml, back: writeForm(changed, field, original) }).toEqual({ field, changed: true, back: yaml });
    }
  });

  it("reads the disaggregated pair as two matching halves", () => {
    const [prefill, decode] = [read(example("disaggregated-prefill")), read(example("disaggregated-decode"))];
    expect(prefill).toEqual({ ...decode, name: "llama-prefill" });
    expect(prefill).toMatchObject({ exclusiveTopology: "rack", replicas: 2, size: 2, worker: { gpus: "8", image: "lmsysorg/sglang:v0.4.6.post1" } });
    const labels = (id: string) => (parse(example(id)) as { metadata: { labels: Record<string, string> } }).metadata.labels;
    expect(labels("disaggregated-prefill")).toEqual({ ...labels("disaggregated-decode"), "app.kubernetes.io/component": "prefill" });
  });
});

/** [field, value written, what the YAML then holds at the path] */
const WRITES: Array<[FormField, unknown, string]> = [
  ["name", "renamed", "name: renamed"],
  ["namespace", "team-a", "namespace: team-a"],
  ["replicas", 5, "replicas: 5"],
  ["size", 8, "size: 8"],
  ["startupPolicy", "LeaderReady", "startupPolicy: LeaderReady"],
  ["restartPolicy", "None", "restartPolicy: None"],
  ["subGroupSize", 2, "subGroupSize: 2"],
  ["subGroupPolicyType", "LeaderExcluded", "subGroupPolicyType: LeaderExcluded"],
  ["exclusiveTopology", "rack", "leaderworkerset.sigs.k8s.io/exclusive-topology: rack"],
  ["subGroupExclusiveTopology", "topology.kubernetes.io/zone", "leaderworkerset.sigs.k8s.io/subgroup-exclusive-topology: topology.kubernetes.io/zone"],
  ["maxUnavailable", "2", "maxUnavailable: 2\n"],
  ["maxSurge", "25%", "maxSurge: 25%"],
  ["partition", 1, "partition: 1"],
  ["subdomainPolicy", "UniquePerReplica", "subdomainPolicy: UniquePerReplica"],
  ["worker.image", "nginx:1.28", "image: nginx:1.28"],
  ["worker.cpuRequest", "2", 'cpu: "2"'],
  ["worker.cpuLimit", "500m", 'cpu: "500m"'],
  ["worker.memoryRequest", "1Gi", "memory: 1Gi"],
  ["worker.memoryLimit", "2Gi", "memory: 2Gi"],
  ["worker.gpus", "4", 'nvidia.com/gpu: "4"'],
];

describe("writing one field", () => {
  it.each(WRITES)("%s = %j is read back and written as `%s`", (field, value, text) => {
    const written = writeForm(SAMPLE_LWS, field, value as never);
    expect(written).toContain(text);
    expect(formValue(read(written), field)).toEqual(value);
    expect(writeForm(written, field, value as never)).toBe(written);
  });

  it("keeps comments, key order and fields the form does not know", () => {
    const source = `# a comment on top\n${SAMPLE_LWS.replace("  replicas: 3", "  replicas: 3 # three groups\n  unknownField: {keep: me}")}`;
    let edited = source;
    for (const [field, value] of WRITES) edited = writeForm(edited, field, value as never);
    expect(edited).toMatch(/^# a comment on top\n/);
    expect(edited).toContain("replicas: 5 # three groups\n  unknownField: {keep: me}");
    const object = parseManifest(edited).object as unknown as { spec: { leaderWorkerTemplate: { workerTemplate: { spec: { containers: Array<Record<string, unknown>> } } } } };
    expect(object.spec.leaderWorkerTemplate.workerTemplate.spec.containers[0]).toMatchObject({ name: "nginx", ports: [{ containerPort: 8080 }] });
    expect(Object.keys(object.spec)).toEqual(["replicas", "unknownField", "leaderWorkerTemplate", "startupPolicy", "rolloutStrategy", "networkConfig"]);
  });

  it("deletes a cleared key, and the maps it leaves empty, instead of writing empty strings", () => {
    const annotated = example("exclusive-rack");
    expect(writeForm(annotated, "exclusiveTopology", "")).toBe(example("exclusive-rack").replace("  annotations:\n    leaderworkerset.sigs.k8s.io/exclusive-topology: rack\n", ""));
    const withCpu = writeForm(example("leader-ready"), "worker.cpuLimit", "1");
    expect(writeForm(withCpu, "worker.cpuLimit", "")).toBe(example("leader-ready"));
    expect(writeForm(SAMPLE_LWS, "replicas", undefined)).not.toContain("replicas:");
    expect(writeForm(SAMPLE_LWS, "worker.cpuRequest", "")).not.toContain("requests:");
  });

  it("adds rolloutStrategy.type, which the CRD requires, with a rolling update setting", () => {
    const written = writeForm(SAMPLE_LWS, "partition", 2);
    expect(written).toContain("  rolloutStrategy:\n    type: RollingUpdate\n    rollingUpdateConfiguration:\n      partition: 2\n");
    expect(parseManifest(written).problems).toEqual([]);
  });

  it("writes int-or-percent values as numbers or percent strings", () => {
    expect((parse(writeForm(SAMPLE_LWS, "maxSurge", "3")) as { spec: { rolloutStrategy: { rollingUpdateConfiguration: { maxSurge: unknown } } } }).spec.rolloutStrategy.rollingUpdateConfiguration.maxSurge).toBe(3);
    expect(writeForm(SAMPLE_LWS, "maxSurge", "50%")).toContain("maxSurge: 50%");
  });

  it("keeps GPU requests equal to limits when both are set, and clears both", () => {
    const both = example("leader-ready").replace('nvidia.com/gpu: "8"\n', 'nvidia.com/gpu: "8"\n            requests:\n              nvidia.com/gpu: "8"\n');
    const written = writeForm(both, "worker.gpus", "2");
    expect(written.match(/nvidia.com\/gpu: "2"/g)).toHaveLength(2);
    expect(writeForm(written, "worker.gpus", "")).not.toContain("nvidia.com/gpu");
  });

  it("creates a named container when the template has none", () => {
    const noContainers = SAMPLE_LWS.replace(/containers:[\s\S]*$/, "nodeSelector: {}\n");
    expect(writeForm(noContainers, "worker.image", "busybox")).toContain("        containers:\n          - name: worker\n            image: busybox\n");
    const emptyList = SAMPLE_LWS.replace(/containers:[\s\S]*$/, "containers: []\n");
    expect(writeForm(emptyList, "worker.image", "busybox")).toContain("containers: [{name: worker, image: busybox}]");
  });

  it("leaves leader fields alone while there is no leader template", () => {
    expect(writeForm(SAMPLE_LWS, "leader.image", "x")).toBe(SAMPLE_LWS);
  });

  it("keeps the file's own layout: indentation and list style", () => {
    const fourSpaces = "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata:\n    name: four\nspec:\n    leaderWorkerTemplate:\n        workerTemplate:\n            spec:\n                containers:\n                    - name: a\n                      image: b\n";
    expect(writeForm(fourSpaces, "replicas", 2)).toBe(fourSpaces.replace("spec:\n    leaderWorkerTemplate:\n        workerTemplate:\n            spec:\n                containers:\n                    - name: a\n                      image: b\n", "spec:\n    leaderWorkerTemplate:\n        workerTemplate:\n            spec:\n                containers:\n                    - name: a\n                      image: b\n    replicas: 2\n"));
    expect(writeForm(example("multi-template"), "replicas", 4)).toBe(example("multi-template").replace("replicas: 2", "replicas: 4"));
    expect(writeForm(example("volume-claims"), "replicas", 4)).toBe(example("volume-claims").replace("replicas: 2", "replicas: 4"));
  });

  it("leaves YAML it cannot edit as it is: syntax errors, alias bombs, paths through scalars", () => {
    const broken = "spec:\n  replicas: [1,\n";
    expect(writeForm(broken, "replicas", 2)).toBe(broken);
    const bomb = `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;
    expect(writeForm(bomb, "replicas", 2)).toBe(bomb);
    const scalarSpec = "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata:\n  name: x\nspec: oops\n";
    expect(writeForm(scalarSpec, "replicas", 2)).toBe(scalarSpec);
  });
});

describe("toggles and lists", () => {
  it("turns the leader template on as a copy of the worker template, placed before it, and off again", () => {
    const on = writeForm(SAMPLE_LWS, "leaderTemplate", true);
    const object = parse(on) as { spec: { leaderWorkerTemplate: Record<string, unknown> } };
    expect(Object.keys(object.spec.leaderWorkerTemplate)).toEqual(["size", "leaderTemplate", "workerTemplate"]);
    expect(object.spec.leaderWorkerTemplate.leaderTemplate).toEqual(object.spec.leaderWorkerTemplate.workerTemplate);
    expect(read(on).leader).toEqual(read(on).worker);
    expect(writeForm(on, "leaderTemplate", false)).toBe(SAMPLE_LWS);
    expect(read(writeForm(on, "leader.image", "leader:1")).leader.image).toBe("leader:1");
  });

  it("copies a worker template with anchors as plain data", () => {
    const anchored = SAMPLE_LWS.replace("- name: nginx", "- name: &n nginx\n          args: [*n]");
    const on = writeForm(anchored, "leaderTemplate", true);
    expect((parse(on) as { spec: { leaderWorkerTemplate: { leaderTemplate: { spec: { containers: Array<{ args: string[] }> } } } } }).spec.leaderWorkerTemplate.leaderTemplate.spec.containers[0].args).toEqual(["nginx"]);
    expect(parseManifest(on).problems).toEqual([]);
  });

  it("turns sub-groups on with a size every group size allows, and off with the annotation that needs them", () => {
    expect(read(writeForm(SAMPLE_LWS, "subGroups", true))).toMatchObject({ subGroups: true, subGroupSize: 2 });
    expect(parseManifest(writeForm(SAMPLE_LWS.replace("size: 4", "size: 5"), "subGroups", true)).problems).toEqual([]);
    expect(read(writeForm(SAMPLE_LWS.replace("size: 4", "size: 1"), "subGroups", true)).subGroupSize).toBe(1);
    const off = writeForm(example("subgroups"), "subGroups", false);
    expect(read(off)).toMatchObject({ subGroups: false, subGroupSize: undefined, subGroupExclusiveTopology: "" });
    expect(off).not.toContain("annotations");
    expect(parseManifest(off).problems).toEqual([]);
  });

  it("adds, edits and removes volume claims, keeping the fields of the ones that stay", () => {
    const claim = { name: "cache", storageClassName: "", accessModes: ["ReadWriteOnce"], storage: "10Gi" };
    const first = writeForm(SAMPLE_LWS, "volumeClaims.0", claim);
    expect(first).toContain("    volumeClaimTemplates:\n    - metadata:\n        name: cache\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources:\n          requests:\n            storage: 10Gi\n");
    expect(read(first).volumeClaims).toEqual([claim]);
    expect(writeForm(first, "volumeClaims.5", claim)).toBe(first);
    const withStorage = example("volume-claims");
    const two = writeForm(withStorage, "volumeClaims.1", claim);
    expect(read(two).volumeClaims.map((c) => c.name)).toEqual(["persistent-storage", "cache"]);
    const edited = writeForm(two, "volumeClaims.1", { ...claim, storage: "20Gi", storageClassName: "fast" });
    expect(read(edited).volumeClaims[1]).toEqual({ ...claim, storage: "20Gi", storageClassName: "fast" });
    expect(read(writeForm(edited, "volumeClaims.1.accessModes", ["ReadWriteMany"])).volumeClaims[1].accessModes).toEqual(["ReadWriteMany"]);
    expect(writeForm(writeForm(edited, "volumeClaims.0", undefined), "volumeClaims.0", undefined)).not.toContain("volumeClaimTemplates");
    expect(writeForm(two, "volumeClaims.1", undefined)).toBe(withStorage);
  });
});

describe("reading odd shapes", () => {
  it.each([null, 42, "text", [], { spec: "x" }, { spec: { replicas: "3", leaderWorkerTemplate: { workerTemplate: { spec: { containers: "x" } }, volumeClaimTemplates: [null, 3] } } }])("%j reads as empty values", (object) => {
    const values = readForm(object);
    expect(values).toMatchObject({ name: "", replicas: undefined, leaderTemplate: false, worker: { image: "", gpus: "" } });
    expect(values.volumeClaims.every((c) => c.name === "" && c.accessModes.length === 0)).toBe(true);
  });

  it("shows numeric quantities and int-or-percent values as text", () => {
    const values = read(SAMPLE_LWS.replace('cpu: "100m"', "cpu: 2").replace("replicas: 3", "replicas: 3\n  rolloutStrategy:\n    type: RollingUpdate\n    rollingUpdateConfiguration:\n      maxUnavailable: 2"));
    expect(values).toMatchObject({ maxUnavailable: "2", worker: { cpuLimit: "2" } });
  });
});

/** [error field path, form field] */
const ERROR_FIELDS: Array<[string, FormField | undefined]> = [
  ["metadata.name", "name"],
  ["metadata.namespace", "namespace"],
  ["spec.replicas", "replicas"],
  ["spec.leaderWorkerTemplate.size", "size"],
  ["spec.startupPolicy", "startupPolicy"],
  ["spec.leaderWorkerTemplate.restartPolicy", "restartPolicy"],
  ["spec.leaderWorkerTemplate.SubGroupPolicy.subGroupSize", "subGroupSize"],
  ["spec.leaderWorkerTemplate.subGroupPolicy.subGroupPolicyType", "subGroupPolicyType"],
  ["spec.leaderWorkerTemplate.subGroupPolicy", "subGroups"],
  ["metadata.annotations.leaderworkerset.sigs.k8s.io/subgroup-exclusive-topology", "subGroupExclusiveTopology"],
  ["metadata.annotations[leaderworkerset.sigs.k8s.io/subgroup-exclusive-topology]", "subGroupExclusiveTopology"],
  ["metadata.annotations[leaderworkerset.sigs.k8s.io/exclusive-topology]", "exclusiveTopology"],
  ["spec.rolloutStrategy.rollingUpdateConfiguration.maxUnavailable", "maxUnavailable"],
  ["spec.rolloutStrategy.rollingUpdateConfiguration.maxSurge", "maxSurge"],
  ["spec.rolloutStrategy.rollingUpdateConfiguration.partition", "partition"],
  ["spec.networkConfig.subdomainPolicy", "subdomainPolicy"],
  ["spec.leaderWorkerTemplate.leaderTemplate", "leaderTemplate"],
  ["spec.leaderWorkerTemplate.workerTemplate.spec.containers[0].image", "worker.image"],
  ["spec.leaderWorkerTemplate.leaderTemplate.spec.containers[0].resources.limits[nvidia.com/gpu]", "leader.gpus"],
  ["spec.leaderWorkerTemplate.workerTemplate.spec.containers[0].resources.requests[nvidia.com/gpu]", "worker.gpus"],
  ["spec.leaderWorkerTemplate.workerTemplate.spec.containers[0].resources.requests.memory", "worker.memoryRequest"],
  ["spec.leaderWorkerTemplate.volumeClaimTemplates[1].spec.resources.requests[storage]", "volumeClaims.1.storage"],
  ["spec.leaderWorkerTemplate.volumeClaimTemplates[0].metadata.name", "volumeClaims.0.name"],
  ["spec.leaderWorkerTemplate.volumeClaimTemplates[2].spec.selector", "volumeClaims.2"],
  ["spec.leaderWorkerTemplate.workerTemplate", undefined],
  ["spec.leaderWorkerTemplate.workerTemplate.spec.containers[1].image", undefined],
  ["spec.rolloutStrategy.type", undefined],
  ["kind", undefined],
];

describe("formFieldOf", () => {
  it.each(ERROR_FIELDS)("%s shows on %s", (errorField, field) => {
    expect(formFieldOf(errorField)).toBe(field);
  });

  it("routes every validation error of a broken manifest to a field", () => {
    const broken = SAMPLE_LWS.replace("replicas: 3", "replicas: -1\n  rolloutStrategy:\n    type: RollingUpdate\n    rollingUpdateConfiguration:\n      maxSurge: 200%").replace("size: 4", "size: 4\n    subGroupPolicy:\n      subGroupSize: 5");
    const fields = parseManifest(broken).problems.map((p) => formFieldOf(p.field ?? ""));
    expect(new Set(fields)).toEqual(new Set<FormField>(["replicas", "maxSurge", "subGroupSize"]));
  });
});

