import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { planChange, templateChanges } from "./change-plan";
import { rolloutBudget } from "./int-or-percent";
import { ANNOTATIONS } from "./constants";
import { applyWebhookDefaults } from "./defaults";

interface Options {
  replicas?: number;
  size?: number;
  image?: string;
  maxUnavailable?: number | string;
  maxSurge?: number | string;
  partition?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  startupPolicy?: string;
  subdomainPolicy?: string;
  updatedReplicas?: number;
}

/** An LWS as the editor sends it: fields left out unless the case sets them. */
function lws(o: Options = {}): KubeObject {
  const rolling = o.maxUnavailable !== undefined || o.maxSurge !== undefined || o.partition !== undefined;
  return {
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name: "demo", namespace: "default", labels: o.labels, annotations: o.annotations },
    spec: {
      ...(o.replicas !== undefined ? { replicas: o.replicas } : {}),
      ...(o.startupPolicy ? { startupPolicy: o.startupPolicy } : {}),
      ...(o.subdomainPolicy ? { networkConfig: { subdomainPolicy: o.subdomainPolicy } } : {}),
      ...(rolling ? { rolloutStrategy: { type: "RollingUpdate", rollingUpdateConfiguration: { maxUnavailable: o.maxUnavailable, maxSurge: o.maxSurge, partition: o.partition } } } : {}),
      leaderWorkerTemplate: { ...(o.size !== undefined ? { size: o.size } : {}), workerTemplate: { spec: { containers: [{ name: "main", image: o.image ?? "vllm:1" }] } } },
    },
    ...(o.updatedReplicas !== undefined ? { status: { updatedReplicas: o.updatedReplicas } } : {}),
  };
}

describe("planChange", () => {
  it.each<[string, Options | undefined, Options, string[], { kinds: string[]; podsBefore: number; podsAfter: number; podsPeak?: number }]>([
    ["create", undefined, { replicas: 3, size: 4 }, ["creates 3 groups × 4 = 12 pods"], { kinds: ["create"], podsBefore: 0, podsAfter: 12 }],
    ["create with CRD defaults", undefined, {}, ["creates 1 group × 1 = 1 pod"], { kinds: ["create"], podsBefore: 0, podsAfter: 1 }],
    ["create with no groups", undefined, { replicas: 0, size: 4 }, ["creates no groups (replicas 0)"], { kinds: ["create"], podsBefore: 0, podsAfter: 0 }],
    ["scale up", { replicas: 3, size: 4 }, { replicas: 5, size: 4 }, ["scales from 3 to 5 groups: +8 pods (new groups 3-4)"], { kinds: ["scale-up"], podsBefore: 12, podsAfter: 20 }],
    ["scale down", { replicas: 5, size: 4 }, { replicas: 3, size: 4 }, ["scales from 5 to 3 groups: deletes groups 3-4 (-8 pods)"], { kinds: ["scale-down"], podsBefore: 20, podsAfter: 12 }],
    ["scale down by one", { replicas: 2, size: 2 }, { replicas: 1, size: 2 }, ["scales from 2 to 1 group: deletes group 1 (-2 pods)"], { kinds: ["scale-down"], podsBefore: 4, podsAfter: 2 }],
    [
      "template change with the default budget",
      { replicas: 4, size: 4 },
      { replicas: 4, size: 4, image: "vllm:2" },
      ["template change: workerTemplate", "rolling update of 4 groups (groups 0-3), at most 1 unavailable, no surge"],
      { kinds: ["rolling-update"], podsBefore: 16, podsAfter: 16, podsPeak: 16 },
    ],
    [
      "template change with a surge group",
      { replicas: 4, size: 4 },
      { replicas: 4, size: 4, image: "vllm:2", maxSurge: 1 },
      ["template change: workerTemplate", "rolling update of 4 groups (groups 0-3), at most 1 unavailable, up to 1 surge group"],
      { kinds: ["rolling-update"], podsBefore: 16, podsAfter: 16, podsPeak: 20 },
    ],
    [
      "size change is a template change",
      { replicas: 2, size: 4 },
      { replicas: 2, size: 8 },
      ["template change: size", "rolling update of 2 groups (groups 0-1), at most 1 unavailable, no surge", "each rolled group goes from 4 to 8 pods"],
      { kinds: ["rolling-update"], podsBefore: 8, podsAfter: 16 },
    ],
    [
      "networkConfig is part of the revision",
      { replicas: 2 },
      { replicas: 2, subdomainPolicy: "UniquePerReplica" },
      ["template change: networkConfig", "rolling update of 2 groups (groups 0-1), at most 1 unavailable, no surge"],
      { kinds: ["rolling-update"], podsBefore: 2, podsAfter: 2 },
    ],
    [
      "maxUnavailable beyond the groups rolls all at once",
      { replicas: 4 },
      { replicas: 4, image: "vllm:2", maxUnavailable: 10 },
      ["template change: workerTemplate", "rolling update of 4 groups (groups 0-3), all at once, no surge"],
      { kinds: ["rolling-update"], podsBefore: 4, podsAfter: 4 },
    ],
    [
      "partition keeps the low groups",
      { replicas: 4, size: 2 },
      { replicas: 4, size: 2, image: "vllm:2", partition: 2 },
      ["template change: workerTemplate", "rolling update of 2 groups (groups 2-3), at most 1 unavailable, no surge", "groups 0-1 stay on the old revision (partition 2)"],
      { kinds: ["rolling-update"], podsBefore: 8, podsAfter: 8 },
    ],
    [
      "partition at or above the replicas rolls nothing",
      { replicas: 4 },
      { replicas: 4, image: "vllm:2", partition: 4 },
      ["template change: workerTemplate", "no group rolls: partition 4 keeps groups 0-3 on the old revision"],
      { kinds: ["rolling-update"], podsBefore: 4, podsAfter: 4 },
    ],
    [
      "scale up and template change: new groups start on the new template",
      { replicas: 4, size: 2 },
      { replicas: 6, size: 2, image: "vllm:2" },
      ["scales from 4 to 6 groups: +4 pods (new groups 4-5)", "template change: workerTemplate", "rolling update of 4 groups (groups 0-3), at most 1 unavailable, no surge"],
      { kinds: ["scale-up", "rolling-update"], podsBefore: 8, podsAfter: 12 },
    ],
    [
      "scale down and template change: only the kept groups roll",
      { replicas: 6 },
      { replicas: 3, image: "vllm:2" },
      ["scales from 6 to 3 groups: deletes groups 3-5 (-3 pods)", "template change: workerTemplate", "rolling update of 3 groups (groups 0-2), at most 1 unavailable, no surge"],
      { kinds: ["scale-down", "rolling-update"], podsBefore: 6, podsAfter: 3 },
    ],
    ["labels only", { replicas: 2 }, { replicas: 2, labels: { team: "a" } }, ["no pods change: metadata only"], { kinds: ["no-pod-change"], podsBefore: 2, podsAfter: 2 }],
    ["rollout settings only", { replicas: 2 }, { replicas: 2, maxSurge: 1, startupPolicy: "LeaderReady" }, ["no pods change: rolloutStrategy, startupPolicy only"], { kinds: ["no-pod-change"], podsBefore: 2, podsAfter: 2 }],
    ["identical", { replicas: 2 }, { replicas: 2 }, ["no change"], { kinds: ["no-pod-change"], podsBefore: 2, podsAfter: 2 }],
    ["defaults spelled out are no change", { replicas: 1 }, { replicas: 1, size: 1, maxUnavailable: 1, maxSurge: 0, partition: 0 }, ["no change"], { kinds: ["no-pod-change"], podsBefore: 1, podsAfter: 1 }],
    [
      "lowering the partition lets held-back groups roll",
      { replicas: 6, partition: 4, updatedReplicas: 2 },
      { replicas: 6, partition: 2 },
      ["partition 4 → 2: groups 2-3 roll if still on an older revision"],
      { kinds: ["partition"], podsBefore: 6, podsAfter: 6 },
    ],
    ["lowering the partition when all groups are updated", { replicas: 6, partition: 4, updatedReplicas: 6 }, { replicas: 6, partition: 2 }, ["no pods change: rolloutStrategy only"], { kinds: ["no-pod-change"], podsBefore: 6, podsAfter: 6 }],
    [
      "exclusive-topology annotation recreates the groups",
      { replicas: 3, size: 2 },
      { replicas: 3, size: 2, annotations: { [ANNOTATIONS.exclusiveTopology]: "rack" } },
      ["exclusive-topology annotation changes: all 3 groups are recreated, 1 at a time"],
      { kinds: ["recreate-leaders"], podsBefore: 6, podsAfter: 6 },
    ],
  ])("%s", (_, before, after, summary, expected) => {
    const plan = planChange(before && lws(before), lws(after));
    expect(plan.summary).toEqual(summary);
    expect(plan).toMatchObject(expected);
  });

  it.each<[string, Options, { maxUnavailable: number; surgeGroups: number }]>([
    ["maxUnavailable percent rounds down", { replicas: 10, maxUnavailable: "25%", maxSurge: 0 }, { maxUnavailable: 2, surgeGroups: 0 }],
    ["maxSurge percent rounds up", { replicas: 10, maxUnavailable: 1, maxSurge: "25%" }, { maxUnavailable: 1, surgeGroups: 3 }],
    ["both percent of 3", { replicas: 3, maxUnavailable: "50%", maxSurge: "50%" }, { maxUnavailable: 1, surgeGroups: 2 }],
    // surge capped at the replicas, and then want(R) = R + (R - U): upstream's e2e sees 7 = 4 + 3
    ["maxSurge as large as the replicas", { replicas: 4, maxUnavailable: 1, maxSurge: 4 }, { maxUnavailable: 1, surgeGroups: 3 }],
    ["maxSurge beyond the replicas", { replicas: 2, maxUnavailable: 0, maxSurge: "200%" }, { maxUnavailable: 0, surgeGroups: 2 }],
  ])("rolling update budget: %s", (_, options, expected) => {
    const plan = planChange(lws({ ...options }), lws({ ...options, image: "vllm:2" }));
    expect(plan.rollingUpdate).toMatchObject({ ...expected, partition: 0, groups: options.replicas, changed: ["workerTemplate"] });
  });

  it("rolloutBudget scales against the replicas as upstream does", () => {
    expect(rolloutBudget(2, "25%", "25%")).toEqual({ unavailable: 0, surge: 1 });
    expect(rolloutBudget(4, 10, 10)).toEqual({ unavailable: 10, surge: 4 });
  });

  it("an invalid int-or-percent falls back to the defaults instead of throwing", () => {
    const plan = planChange(lws({ replicas: 2 }), lws({ replicas: 2, image: "vllm:2", maxUnavailable: "lots" }));
    expect(plan.rollingUpdate?.maxUnavailable).toBe(1);
  });

  it("templateChanges names each changed part", () => {
    const a = applyWebhookDefaults(lws({ size: 2 }));
    const b = applyWebhookDefaults(lws({ size: 3, image: "vllm:2", subdomainPolicy: "UniquePerReplica" }));
    expect(templateChanges(a, b)).toEqual(["networkConfig", "size", "workerTemplate"]);
    expect(templateChanges(a, a)).toEqual([]);
  });
});
