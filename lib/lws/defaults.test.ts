import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/k8s/types";
import { applyWebhookDefaults } from "./defaults";

const lws = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: "leaderworkerset.x-k8s.io/v1",
  kind: "LeaderWorkerSet",
  metadata: { name: "sample", namespace: "default" },
  spec,
});

const TEMPLATE = { workerTemplate: { spec: { containers: [{ name: "c", image: "nginx" }] } } };
const DEFAULT_ROLLOUT = { type: "RollingUpdate", rollingUpdateConfiguration: { maxUnavailable: 1, maxSurge: 0, partition: 0 } };

type Case = [string, Record<string, unknown>, Record<string, unknown>];

const CASES: Case[] = [
  [
    "an empty spec gets every webhook default",
    { leaderWorkerTemplate: TEMPLATE },
    { leaderWorkerTemplate: { ...TEMPLATE, restartPolicy: "RecreateGroupOnPodRestart" }, rolloutStrategy: DEFAULT_ROLLOUT, networkConfig: { subdomainPolicy: "Shared" } },
  ],
  ["an empty restartPolicy", { leaderWorkerTemplate: { ...TEMPLATE, restartPolicy: "" } }, { leaderWorkerTemplate: { ...TEMPLATE, restartPolicy: "RecreateGroupOnPodRestart" } }],
  ["the deprecated Default restartPolicy becomes None", { leaderWorkerTemplate: { ...TEMPLATE, restartPolicy: "Default" } }, { leaderWorkerTemplate: { ...TEMPLATE, restartPolicy: "None" } }],
  ["a set restartPolicy stays", { leaderWorkerTemplate: { ...TEMPLATE, restartPolicy: "RecreateGroupAfterStart" } }, { leaderWorkerTemplate: { ...TEMPLATE, restartPolicy: "RecreateGroupAfterStart" } }],
  ["an empty rollout type", { rolloutStrategy: { type: "" } }, { rolloutStrategy: DEFAULT_ROLLOUT }],
  [
    "a set rollingUpdateConfiguration stays as it is",
    { rolloutStrategy: { type: "RollingUpdate", rollingUpdateConfiguration: { maxSurge: 2 } } },
    { rolloutStrategy: { type: "RollingUpdate", rollingUpdateConfiguration: { maxSurge: 2 } } },
  ],
  ["an unknown rollout type gets no configuration", { rolloutStrategy: { type: "Recreate" } }, { rolloutStrategy: { type: "Recreate" } }],
  ["a null networkConfig", { networkConfig: null }, { networkConfig: { subdomainPolicy: "Shared" } }],
  ["a null subdomainPolicy", { networkConfig: { subdomainPolicy: null } }, { networkConfig: { subdomainPolicy: "Shared" } }],
  ["UniquePerReplica stays", { networkConfig: { subdomainPolicy: "UniquePerReplica" } }, { networkConfig: { subdomainPolicy: "UniquePerReplica" } }],
  ["an empty subdomainPolicy is not nil and stays", { networkConfig: { subdomainPolicy: "" } }, { networkConfig: { subdomainPolicy: "" } }],
  ["fields the CRD defaults are left alone", { replicas: 3, startupPolicy: "LeaderReady" }, { replicas: 3, startupPolicy: "LeaderReady" }],
];

describe("applyWebhookDefaults", () => {
  it.each(CASES)("%s", (_name, spec, expected) => {
    expect(applyWebhookDefaults(lws(spec)).spec).toMatchObject(expected);
  });

  it("is pure: the input, even frozen, is untouched and shares nothing with the result", () => {
    const input = lws({ leaderWorkerTemplate: TEMPLATE });
    const snapshot = structuredClone(input);
    Object.freeze(input);
    const result = applyWebhookDefaults(input);
    expect(input).toEqual(snapshot);
    expect(result.spec.leaderWorkerTemplate.workerTemplate).not.toBe(TEMPLATE.workerTemplate);
  });

  it("is idempotent", () => {
    const once = applyWebhookDefaults(lws({ leaderWorkerTemplate: { ...TEMPLATE, restartPolicy: "Default" } }));
    expect(applyWebhookDefaults(once)).toEqual(once);
  });

  it("keeps metadata and status", () => {
    const input = { ...lws({ leaderWorkerTemplate: TEMPLATE }), status: { replicas: 2 } };
    expect(applyWebhookDefaults(input)).toMatchObject({ metadata: input.metadata, status: { replicas: 2 } });
  });
});
