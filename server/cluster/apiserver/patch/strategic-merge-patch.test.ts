import { describe, it, expect } from "vitest";
import { ApiError } from "@/lib/k8s/api-errors";
import { applyStrategicMergePatch } from "./strategic-merge-patch";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Applies with frozen inputs, so any mutation of them throws. */
function apply(doc: unknown, patch: unknown, kind = "Pod"): unknown {
  return applyStrategicMergePatch(deepFreeze(structuredClone(doc)), deepFreeze(structuredClone(patch)), kind);
}

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

describe("applyStrategicMergePatch: the bodies kubectl apply sends", () => {
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", annotations: { [LAST_APPLIED]: "{}", other: "x" } },
    spec: { restartPolicy: "Always", containers: [{ name: "c", image: "busybox", ports: [{ containerPort: 80 }] }] },
  };
  const addSecond = {
    metadata: { annotations: { [LAST_APPLIED]: '{"v":2}' } },
    spec: {
      "$setElementOrder/containers": [{ name: "c" }, { name: "d" }],
      containers: [{ env: [{ name: "A", value: "1" }], image: "busybox:2", name: "c" }, { image: "nginx", name: "d" }],
    },
  };
  const removeSecond = {
    metadata: { annotations: { [LAST_APPLIED]: '{"v":3}' } },
    spec: {
      "$setElementOrder/containers": [{ name: "c" }],
      containers: [{ env: null, image: "busybox", name: "c" }, { $patch: "delete", name: "d" }],
    },
  };

  const afterAdd = {
    ...pod,
    metadata: { name: "p", annotations: { [LAST_APPLIED]: '{"v":2}', other: "x" } },
    spec: {
      restartPolicy: "Always",
      containers: [
        { name: "c", image: "busybox:2", ports: [{ containerPort: 80 }], env: [{ name: "A", value: "1" }] },
        { name: "d", image: "nginx" },
      ],
    },
  };

  it("changes one container and adds a second", () => {
    expect(apply(pod, addSecond)).toEqual(afterAdd);
  });

  it("then removes the second and the env again", () => {
    expect(apply(afterAdd, removeSecond)).toEqual({
      ...pod,
      metadata: { name: "p", annotations: { [LAST_APPLIED]: '{"v":3}', other: "x" } },
    });
  });

  it("merges the containers of a StatefulSet's pod template, env by name", () => {
    const sts = {
      kind: "StatefulSet",
      spec: {
        replicas: 2,
        template: {
          metadata: { labels: { app: "a" } },
          spec: { containers: [{ name: "c", image: "i1", env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] }] },
        },
      },
    };
    const patch = {
      spec: {
        template: {
          spec: {
            "$setElementOrder/containers": [{ name: "c" }],
            containers: [{ name: "c", "$setElementOrder/env": [{ name: "A" }, { name: "B" }, { name: "C" }], env: [{ name: "B", value: "20" }, { name: "C", value: "3" }] }],
          },
        },
      },
    };
    expect(apply(sts, patch, "StatefulSet")).toEqual({
      kind: "StatefulSet",
      spec: {
        replicas: 2,
        template: {
          metadata: { labels: { app: "a" } },
          spec: { containers: [{ name: "c", image: "i1", env: [{ name: "A", value: "1" }, { name: "B", value: "20" }, { name: "C", value: "3" }] }] },
        },
      },
    });
  });
});

describe("applyStrategicMergePatch: lists", () => {
  const containers = (...names: string[]) => ({ spec: { containers: names.map((name) => ({ name, image: name })) } });

  const cases: Array<[string, unknown, unknown, unknown, string?]> = [
    ["updates an item in place by merge key", containers("a", "b", "c"), { spec: { containers: [{ name: "b", image: "B" }] } }, { spec: { containers: [{ name: "a", image: "a" }, { name: "b", image: "B" }, { name: "c", image: "c" }] } }],
    // apimachinery places items new to the server before the server's remaining ones
    ["puts a new item first without $setElementOrder", containers("a"), { spec: { containers: [{ name: "n", image: "n" }] } }, { spec: { containers: [{ name: "n", image: "n" }, { name: "a", image: "a" }] } }],
    ["orders by $setElementOrder", containers("a", "b"), { spec: { "$setElementOrder/containers": [{ name: "b" }, { name: "a" }] } }, containers("b", "a")],
    ["keeps items that $setElementOrder leaves out", containers("a", "b"), { spec: { "$setElementOrder/containers": [{ name: "b" }] } }, containers("a", "b")],
    ["creates a list that $setElementOrder names", { spec: {} }, { spec: { "$setElementOrder/containers": [{ name: "x" }, { name: "y" }], containers: [{ name: "x", image: "x" }, { name: "y", image: "y" }] } }, containers("x", "y")],
    ["deletes an item with $patch: delete", containers("a", "b"), { spec: { containers: [{ name: "a", $patch: "delete" }] } }, containers("b")],
    ["ignores $patch: delete of an absent item", containers("a"), { spec: { containers: [{ name: "z", $patch: "delete" }] } }, containers("a")],
    ["replaces a merging list with $patch: replace", containers("a", "b"), { spec: { containers: [{ $patch: "replace" }, { name: "x", image: "x", env: null }] } }, containers("x")],
    ["treats $patch: merge on an item as the default", containers("a"), { spec: { containers: [{ name: "a", image: "A", $patch: "merge" }] } }, { spec: { containers: [{ name: "a", image: "A" }] } }],
    ["replaces an atomic list", { spec: { tolerations: [{ key: "a" }, { key: "b" }] } }, { spec: { tolerations: [{ key: "c" }] } }, { spec: { tolerations: [{ key: "c" }] } }],
    ["ignores $setElementOrder on an atomic list", { spec: { tolerations: [{ key: "a" }] } }, { spec: { "$setElementOrder/tolerations": [{ key: "c" }], tolerations: [{ key: "c" }] } }, { spec: { tolerations: [{ key: "c" }] } }],
    ["deletes a list with null", containers("a"), { spec: { containers: null } }, { spec: {} }],
    ["drops a null inside a new item", containers(), { spec: { containers: [{ name: "n", image: "n", env: null }] } }, containers("n")],
    ["merges container ports by containerPort", { spec: { containers: [{ name: "a", ports: [{ containerPort: 80, name: "http" }] }] } }, { spec: { containers: [{ name: "a", ports: [{ containerPort: 80, protocol: "TCP" }, { containerPort: 81 }] }] } }, { spec: { containers: [{ name: "a", ports: [{ containerPort: 80, name: "http", protocol: "TCP" }, { containerPort: 81 }] }] } }],
    ["merges metadata.ownerReferences by uid", { metadata: { ownerReferences: [{ uid: "1", name: "a" }] } }, { metadata: { ownerReferences: [{ uid: "1", controller: true }, { uid: "2", name: "b" }] } }, { metadata: { ownerReferences: [{ uid: "1", name: "a", controller: true }, { uid: "2", name: "b" }] } }],
    ["merges Node status conditions and addresses by type", { status: { conditions: [{ type: "Ready", status: "False" }], addresses: [{ type: "InternalIP", address: "1" }] } }, { status: { conditions: [{ type: "Ready", status: "True" }], addresses: [{ type: "Hostname", address: "h" }] } }, { status: { conditions: [{ type: "Ready", status: "True" }], addresses: [{ type: "Hostname", address: "h" }, { type: "InternalIP", address: "1" }] } }, "Node"],
    ["replaces Node taints (atomic)", { spec: { taints: [{ key: "a", effect: "NoSchedule" }] } }, { spec: { taints: [{ key: "b", effect: "NoSchedule" }] } }, { spec: { taints: [{ key: "b", effect: "NoSchedule" }] } }, "Node"],
    ["merges Service ports by port", { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } }, { spec: { ports: [{ port: 80, targetPort: 9090 }] } }, { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } }, "Service"],
    ["replaces lists of kinds without merge keys", { subsets: [{ addresses: [{ ip: "1" }] }] }, { subsets: [{ addresses: [{ ip: "2" }] }] }, { subsets: [{ addresses: [{ ip: "2" }] }] }, "Endpoints"],
  ];

  it.each(cases)("%s", (_name, doc, patch, expected, kind) => {
    expect(apply(doc, patch, kind)).toEqual(expected);
  });
});

describe("applyStrategicMergePatch: lists of primitives (finalizers)", () => {
  const doc = { metadata: { name: "x", finalizers: ["a", "b"] } };
  const cases: Array<[string, unknown, string[]]> = [
    ["unions, keeping server order", { metadata: { finalizers: ["b", "c"] } }, ["a", "b", "c"]],
    ["deletes with $deleteFromPrimitiveList", { metadata: { "$deleteFromPrimitiveList/finalizers": ["a", "z"] } }, ["b"]],
    ["adds, deletes and orders as kubectl sends it", { metadata: { "$setElementOrder/finalizers": ["c", "b"], "$deleteFromPrimitiveList/finalizers": ["a"], finalizers: ["c"] } }, ["c", "b"]],
  ];

  it.each(cases)("%s", (_name, patch, finalizers) => {
    expect(apply(doc, patch)).toEqual({ metadata: { name: "x", finalizers } });
  });

  it("deletes the whole list with null", () => {
    expect(apply(doc, { metadata: { finalizers: null } })).toEqual({ metadata: { name: "x" } });
  });
});

describe("applyStrategicMergePatch: maps", () => {
  const cases: Array<[string, unknown, unknown, unknown]> = [
    ["merges annotations and deletes one with null", { metadata: { annotations: { a: "1", b: "2" } } }, { metadata: { annotations: { a: null, c: "3" } } }, { metadata: { annotations: { b: "2", c: "3" } } }],
    ["drops a null for an absent field", { spec: { a: 1 } }, { spec: { b: null } }, { spec: { a: 1 } }],
    ["replaces a map with $patch: replace", { spec: { nodeSelector: { a: "1", b: "2" } } }, { spec: { nodeSelector: { $patch: "replace", c: "3" } } }, { spec: { nodeSelector: { c: "3" } } }],
    ["empties a map with $patch: delete", { spec: { nodeSelector: { a: "1" }, x: 1 } }, { spec: { nodeSelector: { $patch: "delete" } } }, { spec: { nodeSelector: {}, x: 1 } }],
    ["treats $patch: merge on a map as the default", { spec: { a: 1 } }, { spec: { $patch: "merge", b: 2 } }, { spec: { a: 1, b: 2 } }],
    ["replaces a scalar with a map and a map with a scalar", { a: 1, b: { c: 1 } }, { a: { x: 1 }, b: 2 }, { a: { x: 1 }, b: 2 }],
    [
      "keeps only $retainKeys in a volume",
      { spec: { volumes: [{ name: "v", emptyDir: {} }] } },
      { spec: { volumes: [{ name: "v", $retainKeys: ["configMap", "name"], configMap: { name: "cm" } }] } },
      { spec: { volumes: [{ name: "v", configMap: { name: "cm" } }] } },
    ],
  ];

  it.each(cases)("%s", (_name, doc, patch, expected) => {
    expect(apply(doc, patch)).toEqual(expected);
  });

  it("starts from an empty object when there is no document", () => {
    expect(apply(undefined, { metadata: { name: "x" } })).toEqual({ metadata: { name: "x" } });
  });
});

describe("applyStrategicMergePatch: malformed patches are 400", () => {
  const doc = { metadata: { finalizers: ["a"] }, spec: { containers: [{ name: "a" }], tolerations: [] } };
  const cases: Array<[string, unknown]> = [
    ["a patch that is not an object", [{ spec: {} }]],
    ["an unknown $patch on a map", { spec: { $patch: "upsert" } }],
    ["an unknown $patch on an item", { spec: { containers: [{ name: "a", $patch: "upsert" }] } }],
    ["an item without its merge key", { spec: { containers: [{ image: "x" }] } }],
    ["an item that is not an object", { spec: { containers: ["a"] } }],
    ["a $patch: delete without the merge key", { spec: { containers: [{ $patch: "delete" }] } }],
    ["a $setElementOrder that is not a list", { spec: { "$setElementOrder/containers": { name: "a" } } }],
    ["a $setElementOrder missing a patched item", { spec: { "$setElementOrder/containers": [{ name: "a" }], containers: [{ name: "b" }] } }],
    ["a $setElementOrder out of the patch's order", { spec: { "$setElementOrder/containers": [{ name: "a" }, { name: "b" }], containers: [{ name: "b" }, { name: "a" }] } }],
    ["$retainKeys that is not a list of names", { spec: { $retainKeys: "a" } }],
    ["$retainKeys missing a patched field", { spec: { $retainKeys: ["a"], b: 1 } }],
    ["$deleteFromPrimitiveList of an atomic list", { spec: { "$deleteFromPrimitiveList/tolerations": ["a"] } }],
    ["$deleteFromPrimitiveList that is not a list", { metadata: { "$deleteFromPrimitiveList/finalizers": "a" } }],
    ["objects in a list of primitives", { metadata: { finalizers: [{ a: 1 }] } }],
    ["an unknown directive", { spec: { $replaceAll: true } }],
  ];

  it.each(cases)("%s", (_name, patch) => {
    let caught: unknown;
    try {
      apply(doc, patch);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).code).toBe(400);
  });
});
