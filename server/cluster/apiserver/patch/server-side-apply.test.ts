import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { ApiError } from "@/lib/k8s/api-errors";
import { recordUpdate, serverSideApply, type ApplyInput } from "./server-side-apply";

const T0 = "2024-05-01T10:00:00Z";
const T1 = "2024-05-01T11:00:00Z";
const T2 = "2024-05-01T12:00:00Z";

function sts(spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "web", namespace: "default", ...metadata }, spec };
}

function container(name: string, image: string) {
  return { name, image };
}

function template(...containers: unknown[]) {
  return { template: { spec: { containers } } };
}

function apply(live: KubeObject | undefined, applied: KubeObject, extra: Partial<ApplyInput> = {}): KubeObject {
  return serverSideApply({ live, applied, manager: "kubectl", force: false, kind: "StatefulSet", apiVersion: "apps/v1", now: T1, ...extra });
}

/** Stores `after` as an Update by `manager`, the way create/update/patch handlers record it. */
function update(before: KubeObject | undefined, after: KubeObject, manager: string, now = T0): KubeObject {
  const managedFields = recordUpdate({ before, after, manager, apiVersion: "apps/v1", now });
  return { ...after, metadata: { ...after.metadata, managedFields } };
}

function owners(obj: KubeObject): Record<string, unknown> {
  return Object.fromEntries((obj.metadata.managedFields ?? []).map((e) => [`${e.manager}/${e.operation}`, e.fieldsV1]));
}

function errorOf(run: () => unknown): ApiError {
  try {
    run();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected an ApiError");
}

describe("serverSideApply", () => {
  it("creates the applied object owned by the applier", () => {
    const created = apply(undefined, sts({ replicas: 2, ...template(container("c", "busybox")) }, { labels: { app: "web" } }));
    expect(created).toEqual({
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: {
        name: "web",
        namespace: "default",
        labels: { app: "web" },
        managedFields: [
          {
            manager: "kubectl",
            operation: "Apply",
            apiVersion: "apps/v1",
            time: T1,
            fieldsType: "FieldsV1",
            fieldsV1: {
              "f:metadata": { "f:labels": { "f:app": {} } },
              "f:spec": {
                "f:replicas": {},
                "f:template": {
                  "f:spec": { "f:containers": { 'k:{"name":"c"}': { ".": {}, "f:image": {}, "f:name": {} } } },
                },
              },
            },
          },
        ],
      },
      spec: { replicas: 2, ...template(container("c", "busybox")) },
    });
  });

  it("rejects managedFields in the applied configuration", () => {
    const applied = sts({}, { managedFields: [] });
    expect(errorOf(() => apply(undefined, applied))).toMatchObject({ code: 400, reason: "BadRequest" });
  });

  it("leaves an unchanged object and its managedFields as they were on re-apply", () => {
    const applied = sts({ replicas: 2 });
    const live = { ...apply(undefined, applied, { now: T0 }), status: { replicas: 2 } };
    const again = apply({ ...live, metadata: { ...live.metadata, uid: "u1", resourceVersion: "5" } }, applied, { now: T2 });
    expect(again.spec).toEqual({ replicas: 2 });
    expect(again.status).toEqual({ replicas: 2 });
    expect(again.metadata.managedFields).toEqual(live.metadata.managedFields);
    expect(again.metadata).toMatchObject({ uid: "u1", resourceVersion: "5" });
  });

  it("keeps the live object's server-owned metadata over the applied configuration's", () => {
    const live = { ...apply(undefined, sts({ replicas: 1 })), metadata: { name: "web", namespace: "default", uid: "u1", generation: 3 } };
    const result = apply(live, sts({ replicas: 1 }, { uid: "other", generation: 9 }));
    expect(result.metadata).toMatchObject({ uid: "u1", generation: 3 });
  });

  it("removes a field the applier no longer applies, but not fields others own or nobody owns", () => {
    let live = apply(undefined, sts({ replicas: 2, minReadySeconds: 5 }, { labels: { app: "web", tier: "fe" } }), { now: T0 });
    live = update(live, { ...live, spec: { ...(live.spec as object), serviceName: "web" } }, "kubectl-edit");
    live = { ...live, spec: { ...(live.spec as object), podManagementPolicy: "OrderedReady" } };
    const result = apply(live, sts({ replicas: 2 }, { labels: { app: "web" } }), { now: T2 });
    expect(result.spec).toEqual({ replicas: 2, serviceName: "web", podManagementPolicy: "OrderedReady" });
    expect(result.metadata.labels).toEqual({ app: "web" });
    expect(result.metadata.managedFields?.find((e) => e.manager === "kubectl")?.time).toBe(T2);
  });

  it("keeps a field the applier drops when another applier also applies it", () => {
    let live = apply(undefined, sts({ replicas: 2 }), { manager: "a" });
    live = apply(live, sts({ replicas: 2 }), { manager: "b" });
    const result = apply(live, { ...sts({}), spec: undefined }, { manager: "a" });
    expect(result.spec).toEqual({ replicas: 2 });
    expect(owners(result)).toEqual({ "b/Apply": { "f:spec": { "f:replicas": {} } } });
  });

  describe("conflicts", () => {
    const csa = update(undefined, sts({ replicas: 2, serviceName: "web" }), "kubectl-client-side-apply");

    it("rejects a different value for a field another manager owns", () => {
      const error = errorOf(() => apply(csa, sts({ replicas: 3, serviceName: "web" })));
      expect(error.code).toBe(409);
      expect(error.reason).toBe("Conflict");
      expect(error.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
      expect(error.details).toEqual({
        causes: [{ reason: "FieldManagerConflict", message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: ".spec.replicas" }],
      });
    });

    it("lists several conflicts grouped by manager", () => {
      let live = apply(csa, sts({ paused: false }), { manager: "ctl" });
      live = update(live, { ...live, spec: { ...(live.spec as object), minReadySeconds: 1 } }, "kubectl-edit");
      const error = errorOf(() => apply(live, sts({ replicas: 3, serviceName: "api", paused: true })));
      expect(error.message).toBe(
        'Apply failed with 3 conflicts: conflicts with "ctl":\n- .spec.paused\n' +
          'conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\n- .spec.serviceName',
      );
      expect(error.details?.causes?.map((c) => c.field)).toEqual([".spec.paused", ".spec.replicas", ".spec.serviceName"]);
    });

    it("moves the fields to the applier with force", () => {
      const result = apply(csa, sts({ replicas: 3 }), { force: true });
      expect(result.spec).toEqual({ replicas: 3, serviceName: "web" });
      expect(owners(result)).toEqual({
        "kubectl/Apply": { "f:spec": { "f:replicas": {} } },
        "kubectl-client-side-apply/Update": { "f:spec": { "f:serviceName": {} } },
      });
    });

    it("shares a field applied with the value it already has", () => {
      const result = apply(csa, sts({ replicas: 2 }));
      expect(owners(result)).toEqual({
        "kubectl/Apply": { "f:spec": { "f:replicas": {} } },
        "kubectl-client-side-apply/Update": { "f:spec": { "f:replicas": {}, "f:serviceName": {} } },
      });
    });

    it("reports a status-subresource owner as upstream prints it", () => {
      const withStatus = { ...csa, metadata: { ...csa.metadata, managedFields: [{ manager: "ctrl", operation: "Update" as const, apiVersion: "apps/v1", subresource: "status", fieldsV1: { "f:spec": { "f:serviceName": {} } } }] } };
      const error = errorOf(() => apply(withStatus, sts({ serviceName: "api" })));
      expect(error.details?.causes?.[0].message).toBe('conflict with "ctrl" with subresource "status" using apps/v1');
    });
  });

  describe("lists merged by key", () => {
    it("merges containers by name and removes only the applier's dropped items", () => {
      let live = apply(undefined, sts(template(container("a", "img:1"), container("x", "img:1"))), { now: T0 });
      const containers = [container("a", "img:1"), container("x", "img:1"), container("b", "sidecar")];
      live = update(live, sts({ template: { spec: { containers } } }, { managedFields: live.metadata.managedFields }), "injector");
      const result = apply(live, sts(template(container("a", "img:2"), container("n", "new"))));
      expect(result.spec).toEqual(template(container("a", "img:2"), container("b", "sidecar"), container("n", "new")));
      expect(owners(result)["injector/Update"]).toEqual({
        "f:spec": { "f:template": { "f:spec": { "f:containers": { 'k:{"name":"b"}': { ".": {}, "f:image": {}, "f:name": {} } } } } },
      });
    });

    it("keeps live-only items in place and follows the applied order for new items", () => {
      let live = update(undefined, sts(template(container("a", "1"), container("b", "1"))), "creator");
      live = apply(live, sts(template(container("x", "1"), container("b", "1"))));
      expect((live.spec as ReturnType<typeof template>).template.spec.containers.map((c) => (c as { name: string }).name)).toEqual(["a", "x", "b"]);
    });

    it("replaces atomic lists whole", () => {
      const live = apply(undefined, sts({ template: { spec: { tolerations: [{ key: "a" }, { key: "b" }] } } }));
      const result = apply(live, sts({ template: { spec: { tolerations: [{ key: "c" }] } } }));
      expect(result.spec).toEqual({ template: { spec: { tolerations: [{ key: "c" }] } } });
    });
  });

  it("tags entries of the status subresource", () => {
    const live = update(undefined, sts({ replicas: 1 }), "creator");
    const result = apply(live, { ...sts({}), status: { replicas: 1 } } as KubeObject, { manager: "ctrl", subresource: "status" });
    expect(result.metadata.managedFields?.find((e) => e.manager === "ctrl")).toMatchObject({ subresource: "status", fieldsV1: { "f:status": { "f:replicas": {} } } });
  });
});

describe("recordUpdate", () => {
  it("gives the updater what it changed and drops managers left with nothing", () => {
    const created = update(undefined, sts({ replicas: 1, serviceName: "web" }, { labels: { app: "web" } }), "creator");
    expect(owners(created)).toEqual({
      "creator/Update": {
        "f:metadata": { "f:labels": { ".": {}, "f:app": {} } },
        "f:spec": { "f:replicas": {}, "f:serviceName": {} },
      },
    });
    const scaled = update(created, { ...created, spec: { replicas: 3, serviceName: "web" } }, "scaler", T1);
    expect(owners(scaled)).toEqual({
      "creator/Update": { "f:metadata": { "f:labels": { ".": {}, "f:app": {} } }, "f:spec": { "f:serviceName": {} } },
      "scaler/Update": { "f:spec": { "f:replicas": {} } },
    });
    const relabelled = update(scaled, { ...scaled, metadata: { ...scaled.metadata, labels: undefined }, spec: { replicas: 3 } }, "editor", T2);
    expect(owners(relabelled)).toEqual({ "scaler/Update": { "f:spec": { "f:replicas": {} } } });
  });

  it("gives a creator exactly what an update from an empty object would, in upstream's key order", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p", namespace: "default", labels: { b: "2", a: "1" }, annotations: {}, ownerReferences: [{ apiVersion: "apps/v1", kind: "StatefulSet", name: "s", uid: "u1", controller: true }] },
      spec: { containers: [{ name: "main", image: "x", env: [{ name: "B", value: "1" }, { name: "A" }], ports: [] }], tolerations: [{ key: "k", operator: "Exists" }], nodeName: null },
      status: {},
      reason: "top-level scalar",
      items: [1, 2],
    } as unknown as KubeObject;
    const input = { after: pod, manager: "creator", apiVersion: "v1", now: T0 };
    const fromEmpty = recordUpdate({ ...input, before: { apiVersion: "v1", kind: "Pod", metadata: {} } });
    expect(JSON.stringify(recordUpdate({ ...input, before: undefined }))).toBe(JSON.stringify(fromEmpty));
    expect(recordUpdate({ ...input, before: undefined, after: { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: {} } })).toBeUndefined();
  });

  it("keeps the updater's time when it changed nothing", () => {
    const created = update(undefined, sts({ replicas: 1 }), "creator", T0);
    const same = recordUpdate({ before: created, after: created, manager: "creator", apiVersion: "apps/v1", now: T2 });
    expect(same).toEqual(created.metadata.managedFields);
  });

  it("orders appliers first, then by time", () => {
    let live = update(undefined, sts({ replicas: 1 }), "zeta", T1);
    live = update(live, { ...live, spec: { replicas: 1, paused: true } }, "alpha", T2);
    live = apply(live, sts({ minReadySeconds: 2 }), { now: T0 });
    expect(live.metadata.managedFields?.map((e) => e.manager)).toEqual(["kubectl", "zeta", "alpha"]);
  });
});
