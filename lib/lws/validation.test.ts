import { describe, expect, it } from "vitest";
import { fieldErrorString } from "@/lib/k8s/validation";
import { ANNOTATIONS } from "./constants";
import { applyWebhookDefaults } from "./defaults";
import type { LeaderWorkerSet } from "./types";
import { validateLeaderWorkerSet, validateLeaderWorkerSetUpdate } from "./validation";

/** A valid, defaulted LWS: 2 groups of 4. */
function sample(): LeaderWorkerSet {
  return applyWebhookDefaults({
    apiVersion: "leaderworkerset.x-k8s.io/v1",
    kind: "LeaderWorkerSet",
    metadata: { name: "sample", namespace: "default" },
    spec: { replicas: 2, leaderWorkerTemplate: { size: 4, workerTemplate: { spec: { containers: [{ name: "c", image: "nginx" }] } } } },
  });
}

function withChange(change: (lws: LeaderWorkerSet) => void): LeaderWorkerSet {
  const lws = sample();
  change(lws);
  return lws;
}

const messages = (lws: LeaderWorkerSet) => validateLeaderWorkerSet(lws).map(fieldErrorString);
const rolling = (lws: LeaderWorkerSet) => lws.spec.rolloutStrategy!.rollingUpdateConfiguration!;
const ROLLING = "spec.rolloutStrategy.rollingUpdateConfiguration";
const SGS = "spec.leaderWorkerTemplate.SubGroupPolicy.subGroupSize";
const PERCENT_MSG = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

type Case = [string, (lws: LeaderWorkerSet) => void, string[]];

const GENERAL_CASES: Case[] = [
  ["the sample", () => {}, []],
  ["a DNS-1035 name", (l) => (l.metadata.name = "a-b-1"), []],
  ["a name starting with a digit", (l) => (l.metadata.name = "2cube"), [`metadata.name: Invalid value: "2cube": ${DNS1035_MSG}`]],
  ["a 64-character name", (l) => (l.metadata.name = "a".repeat(64)), [`metadata.name: Invalid value: "${"a".repeat(64)}": must be no more than 63 bytes`]],
  ["0 replicas", (l) => (l.spec.replicas = 0), []],
  ["negative replicas", (l) => (l.spec.replicas = -1), ["spec.replicas: Invalid value: -1: replicas must be equal or greater than 0"]],
  ["1000000 replicas", (l) => (l.spec.replicas = 1_000_000), []],
  ["1000001 replicas", (l) => (l.spec.replicas = 1_000_001), ["spec.replicas: Invalid value: 1000001: replicas must be equal or less than 1000000"]],
  ["size 1", (l) => (l.spec.leaderWorkerTemplate.size = 1), []],
  ["size 0", (l) => (l.spec.leaderWorkerTemplate.size = 0), ["spec.leaderWorkerTemplate.size: Invalid value: 0: size must be equal or greater than 1"]],
  [
    "replicas × size above int32",
    (l) => Object.assign(l.spec, { replicas: 1_000_000, leaderWorkerTemplate: { ...l.spec.leaderWorkerTemplate, size: 2148 } }),
    ["spec.replicas: Invalid value: 1000000: the product of replicas and worker replicas must not exceed 2147483647"],
  ],
  ["maxUnavailable above replicas", (l) => (rolling(l).maxUnavailable = 5), []],
  ["maxUnavailable -1", (l) => (rolling(l).maxUnavailable = -1), [`${ROLLING}.maxUnavailable: Invalid value: -1: must be greater than or equal to 0`]],
  ["maxUnavailable 101%", (l) => (rolling(l).maxUnavailable = "101%"), [`${ROLLING}.maxUnavailable: Invalid value: "101%": must not be greater than 100%`]],
  [
    "maxUnavailable not a percent",
    (l) => (rolling(l).maxUnavailable = "abc"),
    [
      `${ROLLING}.maxUnavailable: Invalid value: "abc": ${PERCENT_MSG}`,
      `${ROLLING}.maxUnavailable: Invalid value: "abc": invalid value`,
      `${ROLLING}.maxUnavailable: Invalid value: "abc": must not be 0 when \`maxSurge\` is 0`,
    ],
  ],
  ["maxUnavailable neither int nor string", (l) => (rolling(l).maxUnavailable = 1.5), [
    `${ROLLING}.maxUnavailable: Invalid value: 1.5: must be an integer or percentage (e.g '5%%')`,
    `${ROLLING}.maxUnavailable: Invalid value: 1.5: invalid value`,
    `${ROLLING}.maxUnavailable: Invalid value: 1.5: must not be 0 when \`maxSurge\` is 0`,
  ]],
  ["maxSurge -1", (l) => (rolling(l).maxSurge = -1), [`${ROLLING}.maxSurge: Invalid value: -1: must be greater than or equal to 0`]],
  ["maxSurge 200%", (l) => (rolling(l).maxSurge = "200%"), [`${ROLLING}.maxSurge: Invalid value: "200%": must not be greater than 100%`]],
  ["maxSurge 5", (l) => (rolling(l).maxSurge = "5"), [`${ROLLING}.maxSurge: Invalid value: "5": ${PERCENT_MSG}`, `${ROLLING}.maxSurge: Invalid value: "5": invalid value`]],
  ["partition above replicas", (l) => (rolling(l).partition = 10), []],
  ["partition -1", (l) => (rolling(l).partition = -1), [`${ROLLING}.partition: Invalid value: -1: must be greater than or equal to 0`]],
  [
    "maxUnavailable 25% of 2 with maxSurge 0",
    (l) => (rolling(l).maxUnavailable = "25%"),
    [`${ROLLING}.maxUnavailable: Invalid value: "25%": must not be 0 when \`maxSurge\` is 0`],
  ],
  ["maxUnavailable 25% of 4 with maxSurge 0", (l) => Object.assign(l.spec, { replicas: 4 }) && (rolling(l).maxUnavailable = "25%"), []],
  ["maxUnavailable 0 with maxSurge 1% of 2 (rounds up)", (l) => Object.assign(rolling(l), { maxUnavailable: 0, maxSurge: "1%" }), []],
  ["maxUnavailable 0 and maxSurge 0 with 0 replicas", (l) => Object.assign(l.spec, { replicas: 0 }) && (rolling(l).maxUnavailable = 0), []],
  [
    "maxUnavailable 0 and maxSurge 0",
    (l) => (rolling(l).maxUnavailable = 0),
    [`${ROLLING}.maxUnavailable: Invalid value: 0: must not be 0 when \`maxSurge\` is 0`],
  ],
  ["no rollingUpdateConfiguration", (l) => delete l.spec.rolloutStrategy!.rollingUpdateConfiguration, []],
];

const SUBGROUP_CASES: Case[] = [
  ["subGroupSize 2 of 4", (l) => (l.spec.leaderWorkerTemplate.subGroupPolicy = { subGroupSize: 2 }), []],
  ["subGroupSize 3 of 4 (size-1 divides)", (l) => (l.spec.leaderWorkerTemplate.subGroupPolicy = { subGroupSize: 3 }), []],
  ["subGroupSize 4 of 4", (l) => (l.spec.leaderWorkerTemplate.subGroupPolicy = { subGroupSize: 4 }), []],
  ["subGroupSize 0", (l) => (l.spec.leaderWorkerTemplate.subGroupPolicy = { subGroupSize: 0 }), [`${SGS}: Invalid value: 0: subGroupSize must be equal or greater than 1`]],
  ["no subGroupSize", (l) => (l.spec.leaderWorkerTemplate.subGroupPolicy = {}), [`${SGS}: Invalid value: null: subGroupSize must be equal or greater than 1`]],
  [
    "subGroupSize -3 of 4",
    (l) => (l.spec.leaderWorkerTemplate.subGroupPolicy = { subGroupSize: -3 }),
    [`${SGS}: Invalid value: -3: subGroupSize must be equal or greater than 1`],
  ],
  [
    "subGroupSize -3 of 5",
    (l) => Object.assign(l.spec.leaderWorkerTemplate, { size: 5, subGroupPolicy: { subGroupSize: -3 } }),
    [`${SGS}: Invalid value: -3: subGroupSize must be equal or greater than 1`, `${SGS}: Invalid value: -3: size or size - 1 must be divisible by subGroupSize`],
  ],
  [
    "subGroupSize 3 of 8",
    (l) => Object.assign(l.spec.leaderWorkerTemplate, { size: 8, subGroupPolicy: { subGroupSize: 3 } }),
    [`${SGS}: Invalid value: 3: size or size - 1 must be divisible by subGroupSize`],
  ],
  [
    "subGroupSize 5 of 4",
    (l) => (l.spec.leaderWorkerTemplate.subGroupPolicy = { subGroupSize: 5 }),
    [`${SGS}: Invalid value: 5: size or size - 1 must be divisible by subGroupSize`, `${SGS}: Invalid value: 5: subGroupSize cannot be larger than size`],
  ],
  [
    "LeaderExcluded, subGroupSize 2 of 4",
    (l) => (l.spec.leaderWorkerTemplate.subGroupPolicy = { subGroupPolicyType: "LeaderExcluded", subGroupSize: 2 }),
    [`${SGS}: Invalid value: 2: size-1 must be divisible by subGroupSize when using LeaderExcluded`],
  ],
  ["LeaderExcluded, subGroupSize 3 of 4", (l) => (l.spec.leaderWorkerTemplate.subGroupPolicy = { subGroupPolicyType: "LeaderExcluded", subGroupSize: 3 }), []],
  [
    "subgroup-exclusive-topology with sub-groups",
    (l) => Object.assign(l, { metadata: { ...l.metadata, annotations: { [ANNOTATIONS.subGroupExclusiveTopology]: "rack" } } }) && (l.spec.leaderWorkerTemplate.subGroupPolicy = { subGroupSize: 2 }),
    [],
  ],
  [
    "subgroup-exclusive-topology without sub-groups",
    (l) => (l.metadata.annotations = { [ANNOTATIONS.subGroupExclusiveTopology]: "rack" }),
    [`metadata.annotations.${ANNOTATIONS.subGroupExclusiveTopology}: Invalid value: "rack": cannot have subgroup-exclusive-topology without subGroupSize set`],
  ],
];

const SCHEMA_CASES: Case[] = [
  ["startupPolicy LeaderReady", (l) => (l.spec.startupPolicy = "LeaderReady"), []],
  [
    "an unknown startupPolicy",
    (l) => Object.assign(l.spec, { startupPolicy: "invalidValue" }),
    ['spec.startupPolicy: Unsupported value: "invalidValue": supported values: "LeaderCreated", "LeaderReady"'],
  ],
  ["an empty startupPolicy", (l) => Object.assign(l.spec, { startupPolicy: "" }), ['spec.startupPolicy: Unsupported value: "": supported values: "LeaderCreated", "LeaderReady"']],
  [
    "an unknown restartPolicy",
    (l) => Object.assign(l.spec.leaderWorkerTemplate, { restartPolicy: "Always" }),
    ['spec.leaderWorkerTemplate.restartPolicy: Unsupported value: "Always": supported values: "Default", "RecreateGroupOnPodRestart", "RecreateGroupAfterStart", "None"'],
  ],
  ["an empty restartPolicy (the webhook defaults it)", (l) => Object.assign(l.spec.leaderWorkerTemplate, { restartPolicy: "" }), []],
  [
    "an unknown rollout strategy",
    (l) => Object.assign(l.spec.rolloutStrategy!, { type: "Recreate" }),
    ['spec.rolloutStrategy.type: Unsupported value: "Recreate": supported values: "RollingUpdate"'],
  ],
  [
    "an unknown subdomainPolicy",
    (l) => Object.assign(l.spec, { networkConfig: { subdomainPolicy: "PerPod" } }),
    ['spec.networkConfig.subdomainPolicy: Unsupported value: "PerPod": supported values: "Shared", "UniquePerReplica"'],
  ],
  [
    "an unknown subGroupPolicyType",
    (l) => Object.assign(l.spec.leaderWorkerTemplate, { subGroupPolicy: { subGroupPolicyType: "LeaderOnly", subGroupSize: 2 } }),
    ['spec.leaderWorkerTemplate.subGroupPolicy.subGroupPolicyType: Unsupported value: "LeaderOnly": supported values: "LeaderWorker", "LeaderExcluded"'],
  ],
  ["no leaderWorkerTemplate", (l) => Object.assign(l, { spec: { replicas: 1 } }), ["spec.leaderWorkerTemplate: Required value"]],
  ["no workerTemplate", (l) => Object.assign(l.spec, { leaderWorkerTemplate: { size: 1 } }), ["spec.leaderWorkerTemplate.workerTemplate: Required value"]],
];

describe("validateLeaderWorkerSet", () => {
  it.each(GENERAL_CASES)("%s", (_name, change, expected) => expect(messages(withChange(change))).toEqual(expected));
  it.each(SUBGROUP_CASES)("%s", (_name, change, expected) => expect(messages(withChange(change))).toEqual(expected));
  it.each(SCHEMA_CASES)("%s", (_name, change, expected) => expect(messages(withChange(change))).toEqual(expected));

  it("aggregates every error, schema first", () => {
    const lws = withChange((l) => {
      Object.assign(l.spec, { replicas: -1, startupPolicy: "Eventually" });
      l.metadata.name = "2cube";
    });
    expect(validateLeaderWorkerSet(lws).map((e) => e.field)).toEqual(["spec.startupPolicy", "metadata.name", "spec.replicas"]);
  });

  it("reports the cause reasons upstream uses", () => {
    const [unsupported, invalid] = validateLeaderWorkerSet(withChange((l) => Object.assign(l.spec, { startupPolicy: "x", replicas: -1 })));
    expect([unsupported.reason, invalid.reason]).toEqual(["FieldValueNotSupported", "FieldValueInvalid"]);
  });
});

type UpdateCase = [string, (lws: LeaderWorkerSet) => void, (lws: LeaderWorkerSet) => void, string[]];

const withSubGroups = (size: number) => (l: LeaderWorkerSet) => Object.assign(l.spec.leaderWorkerTemplate, { size: 8, subGroupPolicy: { subGroupSize: size } });

const UPDATE_CASES: UpdateCase[] = [
  ["unchanged", () => {}, () => {}, []],
  ["replicas", () => {}, (l) => (l.spec.replicas = 7), []],
  ["size", () => {}, (l) => (l.spec.leaderWorkerTemplate.size = 6), []],
  ["the worker template", () => {}, (l) => (l.spec.leaderWorkerTemplate.workerTemplate = { spec: { containers: [{ name: "c", image: "nginx:2" }] } }), []],
  ["subdomainPolicy", () => {}, (l) => (l.spec.networkConfig = { subdomainPolicy: "UniquePerReplica" }), []],
  ["rollout parameters", () => {}, (l) => Object.assign(rolling(l), { partition: 1, maxSurge: 2, maxUnavailable: "50%" }), []],
  ["startupPolicy and restartPolicy", () => {}, (l) => Object.assign(l.spec, { startupPolicy: "LeaderReady" }) && (l.spec.leaderWorkerTemplate.restartPolicy = "None"), []],
  ["subGroupPolicyType", withSubGroups(2), (l) => (l.spec.leaderWorkerTemplate.subGroupPolicy!.subGroupPolicyType = "LeaderWorker"), []],
  ["subGroupSize", withSubGroups(2), (l) => (l.spec.leaderWorkerTemplate.subGroupPolicy!.subGroupSize = 4), [`${SGS}: Invalid value: 4: field is immutable`]],
  ["adding subGroupPolicy", () => {}, withSubGroups(2), [`${SGS}: Invalid value: 2: cannot enable subGroupSize after the lws is already created`]],
  ["removing subGroupPolicy", withSubGroups(2), (l) => delete l.spec.leaderWorkerTemplate.subGroupPolicy, [`${SGS}: Invalid value: 2: cannot remove subGroupSize after enabled`]],
  ["nulling subdomainPolicy", () => {}, (l) => (l.spec.networkConfig = {}), ['spec.networkConfig.subdomainPolicy: Invalid value: "Shared": cannot set subdomainPolicy as null']],
  [
    "general rules too",
    () => {},
    (l) => (l.spec.replicas = -1),
    ["spec.replicas: Invalid value: -1: replicas must be equal or greater than 0"],
  ],
];

describe("validateLeaderWorkerSetUpdate", () => {
  it.each(UPDATE_CASES)("%s", (_name, before, after, expected) => {
    const old = withChange(before);
    const updated = structuredClone(old);
    after(updated);
    expect(validateLeaderWorkerSetUpdate(updated, old).map(fieldErrorString)).toEqual(expected);
  });

  it("accepts an update that nulls subdomainPolicy once the webhook re-defaults it", () => {
    const old = sample();
    const updated = applyWebhookDefaults({ ...old, spec: { ...old.spec, networkConfig: { subdomainPolicy: null } } });
    expect(validateLeaderWorkerSetUpdate(updated, old)).toEqual([]);
  });
});
