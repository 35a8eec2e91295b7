import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { applyRevision, goJson, revisionData, revisionKey } from "./revision";

const WORKER = { spec: { containers: [{ name: "c", image: "a:1" }] } };

function lws(spec: Record<string, unknown> = {}, metadata: KubeObject["metadata"] = {}): KubeObject {
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name: "x", namespace: "default", ...metadata },
    spec: { replicas: 2, startupPolicy: "LeaderCreated", leaderWorkerTemplate: { size: 3, workerTemplate: WORKER }, ...spec },
  };
}

const keyOf = (obj: KubeObject) => revisionKey(revisionData(obj));
const template = (over: Record<string, unknown>) => ({ leaderWorkerTemplate: { size: 3, workerTemplate: WORKER, ...over } });

describe("goJson", () => {
  it("sorts keys at every level and drops absent fields", () => {
    expect(goJson({ b: 1, a: { d: [1, true, null], c: undefined } })).toBe('{"a":{"d":[1,true,null]},"b":1}');
  });

  it("escapes <, >, &, U+2028 and U+2029 as Go does", () => {
    expect(goJson({ cmd: "a<b>&c\u2028\u2029" })).toBe('{"cmd":"a\\u003cb\\u003e\\u0026c\\u2028\\u2029"}');
  });

  it("orders keys by code point, as Go compares UTF-8 bytes", () => {
    expect(goJson({ "\u{10000}": 1, "\uffff": 2, Z: 3, a: 4, $patch: 5 })).toBe('{"$patch":5,"Z":3,"a":4,"\uffff":2,"\u{10000}":1}');
  });

  it("writes lone surrogates as U+FFFD", () => {
    expect(goJson("a\ud800b")).toBe('"a\ufffdb"');
  });
});

describe("revisionData", () => {
  it("is the leaderWorkerTemplate and networkConfig as a replacing strategic-merge patch", () => {
    expect(revisionData(lws({ networkConfig: { subdomainPolicy: "UniquePerReplica" } }))).toBe(
      '{"spec":{"leaderWorkerTemplate":{"$patch":"replace","size":3,"workerTemplate":{"spec":{"containers":[{"image":"a:1","name":"c"}]}}},' +
        '"networkConfig":{"$patch":"replace","subdomainPolicy":"UniquePerReplica"}}}',
    );
  });

  it("treats a missing networkConfig as Shared", () => {
    expect(revisionData(lws())).toBe(revisionData(lws({ networkConfig: { subdomainPolicy: "Shared" } })));
  });
});

describe("revisionKey", () => {
  // FNV-1 32 test vectors: "" → 2166136261, "a" → 84696446, "foobar" → 837857890; digits 0-9 → 4-9, b, c, d, f.
  it.each([
    ["", "65bb57b6b5"],
    ["a", "d8bfb88b"],
    ["foobar", "d7cd9cdf4"],
  ])("hashes %j to %s", (data, key) => expect(revisionKey(data)).toBe(key));

  it("hashes UTF-8 bytes, not UTF-16 code units", () => {
    // "é" is C3 A9 in UTF-8; FNV-1 32 of those two bytes is 3463954941.
    expect(revisionKey("é")).toBe("78b7f98f85");
  });

  it("is stable for the same spec, whatever the key order", () => {
    const reordered = lws({ leaderWorkerTemplate: { workerTemplate: { spec: { containers: [{ image: "a:1", name: "c" }] } }, size: 3 } });
    expect(keyOf(lws())).toBe(keyOf(lws()));
    expect(keyOf(reordered)).toBe(keyOf(lws()));
  });

  it.each<[string, KubeObject]>([
    ["replicas", lws({ replicas: 7 })],
    ["rolloutStrategy", lws({ rolloutStrategy: { type: "RollingUpdate", rollingUpdateConfiguration: { maxSurge: 2, maxUnavailable: 0, partition: 1 } } })],
    ["startupPolicy", lws({ startupPolicy: "LeaderReady" })],
    ["labels and annotations", lws({}, { labels: { a: "b" }, annotations: { c: "d" }, generation: 5 })],
    ["status", { ...lws(), status: { readyReplicas: 2 } }],
    ["an explicit Shared networkConfig", lws({ networkConfig: { subdomainPolicy: "Shared" } })],
  ])("keeps the key when %s changes", (_name, changed) => expect(keyOf(changed)).toBe(keyOf(lws())));

  it.each<[string, KubeObject]>([
    ["the worker image", lws(template({ workerTemplate: { spec: { containers: [{ name: "c", image: "a:2" }] } } }))],
    ["a leader template", lws(template({ leaderTemplate: WORKER }))],
    ["size", lws(template({ size: 4 }))],
    ["restartPolicy", lws(template({ restartPolicy: "None" }))],
    ["subGroupPolicy", lws(template({ subGroupPolicy: { subGroupSize: 3 } }))],
    ["volumeClaimTemplates", lws(template({ volumeClaimTemplates: [{ metadata: { name: "data" } }] }))],
    ["subdomainPolicy", lws({ networkConfig: { subdomainPolicy: "UniquePerReplica" } })],
  ])("changes the key when %s changes", (_name, changed) => expect(keyOf(changed)).not.toBe(keyOf(lws())));
});

describe("applyRevision", () => {
  const old = lws({ networkConfig: { subdomainPolicy: "UniquePerReplica" } });
  const live = lws(
    { replicas: 5, startupPolicy: "LeaderReady", networkConfig: { subdomainPolicy: "Shared" }, ...template({ size: 8, restartPolicy: "None" }) },
    { labels: { team: "a" } },
  );

  it("restores the revision's template and networkConfig onto the live LWS", () => {
    const rebuilt = applyRevision(live, revisionData(old));
    expect(rebuilt.spec).toEqual({ ...(live.spec as object), leaderWorkerTemplate: { size: 3, workerTemplate: WORKER }, networkConfig: { subdomainPolicy: "UniquePerReplica" } });
    expect(rebuilt.metadata).toEqual(live.metadata);
  });

  it("round-trips: the rebuilt LWS has the revision's data and key", () => {
    const data = revisionData(old);
    expect(revisionData(applyRevision(live, data))).toBe(data);
    expect(revisionData(applyRevision(live, JSON.parse(data)))).toBe(data);
  });

  it("keeps live fields the revision lacks and removes those it nulls", () => {
    const onlyTemplate = { spec: { leaderWorkerTemplate: { $patch: "replace", size: 2, workerTemplate: WORKER } } };
    expect(applyRevision(live, onlyTemplate).spec.networkConfig).toEqual({ subdomainPolicy: "Shared" });
    expect(applyRevision(live, { spec: { networkConfig: null } }).spec.networkConfig).toBeUndefined();
  });

  it("leaves its inputs untouched", () => {
    const data = JSON.parse(revisionData(old));
    const before = structuredClone({ live, data });
    const rebuilt = applyRevision(Object.freeze(live), Object.freeze(data));
    rebuilt.spec.leaderWorkerTemplate.size = 99;
    expect({ live, data }).toEqual(before);
  });

  it("fails on a payload that is not JSON", () => {
    expect(() => applyRevision(live, "{")).toThrow(SyntaxError);
  });
});
