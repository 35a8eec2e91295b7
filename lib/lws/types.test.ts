import { describe, expect, it } from "vitest";
import { isLeaderWorkerSet } from "./types";

const LWS = {
  apiVersion: "leaderworkerset.x-k8s.io/v1",
  kind: "LeaderWorkerSet",
  metadata: { name: "x" },
  spec: { leaderWorkerTemplate: { workerTemplate: {} } },
};

describe("isLeaderWorkerSet", () => {
  it.each<[string, unknown, boolean]>([
    ["an LWS", LWS, true],
    ["another kind", { ...LWS, kind: "StatefulSet" }, false],
    ["another group", { ...LWS, apiVersion: "apps/v1" }, false],
    ["an LWS without spec", { ...LWS, spec: undefined }, false],
    ["an LWS without leaderWorkerTemplate", { ...LWS, spec: { replicas: 1 } }, false],
    ["an LWS without metadata", { ...LWS, metadata: null }, false],
    ["a string", "LeaderWorkerSet", false],
    ["null", null, false],
  ])("%s: %s", (_name, value, expected) => expect(isLeaderWorkerSet(value)).toBe(expected));
});
