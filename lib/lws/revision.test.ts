import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { applyRevision, goJson, revisionData, revisionKey } from "./revision";

const lws = (over: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "leaderworkerset.x-k8s.io/v1",
  kind: "LeaderWorkerSet",
  metadata: { name: "x", namespace: "default" },
  spec: { replicas: 2, startupPolicy: "LeaderCreated", leaderWorkerTemplate: { size: 3, workerTemplate: { spec: { containers: [{ name: "c", image: "a:1" }] } } }, ...over },
});

describe("LWS revisions", () => {
  it("serializes like Go: sorted keys, escaped <>&", () => {
    expect(goJson({ b: 1, a: { d: [1, "<&>"], c: null } })).toBe('{"a":{"c":null,"d":[1,"\\u003c\\u0026\\u003e"]},"b":1}');
  });

  it("keys on the template part only", () => {
    const key = revisionKey(revisionData(lws()));
    expect(key).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(revisionKey(revisionData(lws({ replicas: 7, startupPolicy: "LeaderReady", rolloutStrategy: { type: "RollingUpdate" } })))).toBe(key);
    expect(revisionKey(revisionData({ ...lws(), metadata: { name: "x", labels: { a: "b" } } }))).toBe(key);
    expect(revisionKey(revisionData(lws({ leaderWorkerTemplate: { size: 4, workerTemplate: { spec: { containers: [{ name: "c", image: "a:1" }] } } } })))).not.toBe(key);
    expect(revisionKey(revisionData(lws({ networkConfig: { subdomainPolicy: "Shared" } })))).toBe(key);
    expect(revisionKey(revisionData(lws({ networkConfig: { subdomainPolicy: "UniquePerReplica" } })))).not.toBe(key);
  });

  it("maps FNV-1's decimal digits through the safe alphabet", () => {
    // FNV-1 32 of the empty input is the offset basis 2166136261.
    expect(revisionKey("")).toBe("65bb57b6b5");
  });

  it("reconstructs the LWS at a revision", () => {
    const old = lws();
    const data = revisionData(old);
    const live = lws({ replicas: 5, leaderWorkerTemplate: { size: 8, workerTemplate: { spec: { containers: [{ name: "c", image: "b:2" }] } } } });
    const rebuilt = applyRevision(live, data);
    expect(rebuilt.spec).toMatchObject({ replicas: 5, leaderWorkerTemplate: { size: 3 }, networkConfig: { subdomainPolicy: "Shared" } });
    expect(revisionData(rebuilt)).toBe(data);
  });
});
