import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { EventCorrelator } from "./event-correlator";

const sts = (name: string, uid = `uid-${name}`): KubeObject => ({ apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name, namespace: "default", uid } });

describe("EventCorrelator", () => {
  it("records the first 9 messages of a reason as they are, then combines the rest under one key", () => {
    const correlator = new EventCorrelator("statefulset-controller");
    const results = Array.from({ length: 12 }, (_, i) => correlator.aggregate(sts("web"), "Normal", "SuccessfulCreate", `create Pod web-${i} in StatefulSet web successful`, 0));
    expect(results.slice(0, 9).map((r) => r.message)).toEqual(Array.from({ length: 9 }, (_, i) => `create Pod web-${i} in StatefulSet web successful`));
    expect(new Set(results.slice(0, 9).map((r) => r.key)).size).toBe(9);
    expect(results[9].message).toBe("(combined from similar events): create Pod web-9 in StatefulSet web successful");
    expect(results[11].message).toBe("(combined from similar events): create Pod web-11 in StatefulSet web successful");
    expect(new Set(results.slice(9).map((r) => r.key)).size).toBe(1);
  });

  it("gives repeats of one message one key, and keeps reasons, types and objects apart", () => {
    const correlator = new EventCorrelator("kubelet");
    const key = (object: KubeObject, type: string, reason: string) => correlator.aggregate(object, type, reason, "Back-off restarting failed container", 0).key;
    expect(key(sts("a"), "Warning", "BackOff")).toBe(key(sts("a"), "Warning", "BackOff"));
    expect(new Set([key(sts("a"), "Warning", "BackOff"), key(sts("a"), "Normal", "BackOff"), key(sts("a"), "Warning", "Failed"), key(sts("b"), "Warning", "BackOff"), key(sts("a", "other-uid"), "Warning", "BackOff")]).size).toBe(5);
  });

  it("starts combining afresh once 10 minutes pass without a similar event", () => {
    const correlator = new EventCorrelator("statefulset-controller");
    for (let i = 0; i < 12; i++) correlator.aggregate(sts("web"), "Normal", "SuccessfulCreate", `m${i}`, 0);
    expect(correlator.aggregate(sts("web"), "Normal", "SuccessfulCreate", "late", 600_001).message).toBe("late");
  });

  it("lets a component write 25 events about an object, then one every 5 minutes", () => {
    const correlator = new EventCorrelator("statefulset-controller");
    const allowed = (at: number, count: number) => Array.from({ length: count }, () => correlator.allow(sts("web"), at)).filter(Boolean).length;
    expect(allowed(0, 40)).toBe(25);
    expect(allowed(299_000, 5)).toBe(0);
    expect(allowed(300_000, 5)).toBe(1);
    expect(correlator.allow(sts("other"), 300_000)).toBe(true);
  });

  it("has no budget for a component without a spam filter (kube-scheduler)", () => {
    const correlator = new EventCorrelator("default-scheduler", { spamFilter: false });
    expect(Array.from({ length: 100 }, () => correlator.allow(sts("web"), 0)).every(Boolean)).toBe(true);
  });
});
