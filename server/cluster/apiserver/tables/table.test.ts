import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { toTable, type IncludeObject } from "./table";
import { NOW, ago, kubeObject } from "./test-objects";

const runningPod = kubeObject(
  "v1",
  "Pod",
  { name: "leaderworkerset-sample-0", labels: { "leaderworkerset.sigs.k8s.io/name": "leaderworkerset-sample" } },
  {
    spec: { nodeName: "node-1", containers: [{ name: "nginx", image: "nginx:1.27" }] },
    status: { phase: "Running", podIPs: [{ ip: "10.0.0.101" }], containerStatuses: [{ name: "nginx", ready: true, restartCount: 0, state: { running: {} } }] },
  },
);

function table(kind: string, objects: KubeObject[], includeObject: IncludeObject = "Metadata", withColumns = true) {
  return toTable(kind, objects, { now: NOW, includeObject, withColumns, metadata: { resourceVersion: "104" } });
}

describe("toTable", () => {
  it("builds the meta.k8s.io/v1 Table kubectl prints as the concepts-page row", () => {
    const result = table("Pod", [runningPod]);
    expect(result).toMatchObject({ kind: "Table", apiVersion: "meta.k8s.io/v1", metadata: { resourceVersion: "104" } });
    expect(result.columnDefinitions?.map((c) => c.name)).toEqual(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"]);
    expect(result.rows[0].cells).toEqual(["leaderworkerset-sample-0", "1/1", "Running", "0", "6m10s", "10.0.0.101", "node-1", "<none>", "<none>"]);
  });

  it("passes list metadata through for pagination", () => {
    const metadata = { resourceVersion: "7", continue: "token", remainingItemCount: 1 };
    expect(toTable("Pod", [], { now: NOW, includeObject: "Metadata", withColumns: true, metadata }).metadata).toEqual(metadata);
  });

  it("returns columns and no rows for an empty list", () => {
    const result = table("LeaderWorkerSet", []);
    expect(result.rows).toEqual([]);
    expect(result.columnDefinitions).toHaveLength(5);
  });

  describe("row objects", () => {
    it("embeds PartialObjectMetadata with the full ObjectMeta by default", () => {
      expect(table("Pod", [runningPod], "Metadata").rows[0].object).toEqual({
        kind: "PartialObjectMetadata",
        apiVersion: "meta.k8s.io/v1",
        metadata: runningPod.metadata,
      });
    });

    it("embeds the whole object for --sort-by", () => {
      expect(table("Pod", [runningPod], "Object").rows[0].object).toBe(runningPod);
    });

    it("leaves the object out for None", () => {
      expect(table("Pod", [runningPod], "None").rows[0]).not.toHaveProperty("object");
    });
  });

  it("sends null column definitions when headers were already sent, as upstream's watch does", () => {
    const result = table("Pod", [runningPod], "Metadata", false);
    expect(result.columnDefinitions).toBeNull();
    expect(JSON.parse(JSON.stringify(result))).toHaveProperty("columnDefinitions", null);
    expect(result.rows).toHaveLength(1);
  });

  it("keeps the Completed condition of finished pods", () => {
    const done = { ...runningPod, status: { phase: "Succeeded" } };
    expect(table("Pod", [done]).rows[0].conditions).toEqual([{ type: "Completed", status: "True", reason: "Succeeded", message: "The pod has completed successfully." }]);
  });

  it("prints Name and Age for kinds without a printer", () => {
    const widget = kubeObject("example.com/v1", "Widget", { name: "w" });
    const result = table("Widget", [widget]);
    expect(result.columnDefinitions?.map((c) => [c.name, c.format])).toEqual([
      ["Name", "name"],
      ["Age", ""],
    ]);
    expect(result.rows[0].cells).toEqual(["w", "6m10s"]);
  });

  it("does not mistake Object.prototype names for kinds", () => {
    expect(table("constructor", [kubeObject("v1", "constructor", { name: "x" })]).rows[0].cells).toEqual(["x", "6m10s"]);
  });

  it.each([
    ["Pod", kubeObject("v1", "Pod", { name: "p" })],
    ["StatefulSet", kubeObject("apps/v1", "StatefulSet", { name: "s" })],
    ["ControllerRevision", kubeObject("apps/v1", "ControllerRevision", { name: "r" })],
    ["Service", kubeObject("v1", "Service", { name: "svc" })],
    ["Endpoints", kubeObject("v1", "Endpoints", { name: "ep" })],
    ["Node", kubeObject("v1", "Node", { name: "n" })],
    ["Event", kubeObject("v1", "Event", { name: "e" })],
    ["Event", kubeObject("events.k8s.io/v1", "Event", { name: "e2" }, { eventTime: ago(1000) })],
    ["PersistentVolumeClaim", kubeObject("v1", "PersistentVolumeClaim", { name: "pvc" })],
    ["Namespace", kubeObject("v1", "Namespace", { name: "ns" })],
    ["ConfigMap", kubeObject("v1", "ConfigMap", { name: "cm" })],
    ["Lease", kubeObject("coordination.k8s.io/v1", "Lease", { name: "l" })],
    ["LeaderWorkerSet", kubeObject("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet", { name: "lws" })],
  ])("gives a bare %s one cell per column", (kind, object) => {
    const result = table(kind, [object]);
    expect(result.rows[0].cells).toHaveLength(result.columnDefinitions?.length ?? -1);
    const nameColumn = result.columnDefinitions?.findIndex((c) => c.format === "name") ?? -1;
    expect(result.rows[0].cells[nameColumn]).toBe(object.metadata.name);
  });
});
