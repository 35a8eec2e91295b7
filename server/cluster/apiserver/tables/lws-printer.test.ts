import { describe, expect, it } from "vitest";
import type { ObjectMeta } from "@/lib/k8s/types";
import { leaderWorkerSetPrinter } from "./lws-printer";
import { NOW, kubeObject } from "./test-objects";

function lws(fields: Record<string, unknown>, metadata: ObjectMeta = {}) {
  return kubeObject("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet", { name: "leaderworkerset-sample", ...metadata }, fields);
}

describe("leaderworkerset rows", () => {
  it("declares the CRD's printer columns: NAME READY DESIRED UP-TO-DATE AGE", () => {
    expect(leaderWorkerSetPrinter.columns.map((c) => [c.name, c.type, c.format])).toEqual([
      ["Name", "string", "name"],
      ["Ready", "integer", ""],
      ["Desired", "integer", ""],
      ["Up-to-date", "integer", ""],
      ["Age", "date", ""],
    ]);
  });

  it("prints counts as integers and the age as of now", () => {
    const object = lws({ spec: { replicas: 3, leaderWorkerTemplate: { size: 4 } }, status: { readyReplicas: 2, updatedReplicas: 3, replicas: 3 } });
    expect(leaderWorkerSetPrinter.print(object, NOW).cells).toEqual(["leaderworkerset-sample", 2, 3, 3, "6m10s"]);
  });

  it("prints a null cell for each missing value, as the CRD printer does", () => {
    const object = lws({ spec: {} }, { creationTimestamp: undefined });
    expect(leaderWorkerSetPrinter.print(object, NOW).cells).toEqual(["leaderworkerset-sample", null, null, null, null]);
  });

  it("truncates fractional numbers and nulls values of the wrong type", () => {
    const object = lws({ spec: { replicas: "3" }, status: { readyReplicas: 2.9, updatedReplicas: true } });
    expect(leaderWorkerSetPrinter.print(object, NOW).cells.slice(1, 4)).toEqual([2, null, null]);
  });

  it("prints <invalid> for a creationTimestamp that is no timestamp", () => {
    expect(leaderWorkerSetPrinter.print(lws({}, { creationTimestamp: "yesterday" }), NOW).cells[4]).toBe("<invalid>");
  });
});
