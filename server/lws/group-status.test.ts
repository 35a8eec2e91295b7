import { describe, expect, it } from "vitest";
import { accountGroups, nextConditions, type Condition, type GroupObservation } from "./group-status";

// Group shorthands: [o]ld / [n]ew revision, [r]eady / [u]nready; "--" has no worker StatefulSet.
function observe(spec: string): GroupObservation[] {
  return spec.split(" ").map((key, index) => ({ index, exists: key !== "--", ready: key[1] === "r", updated: key[0] === "n" }));
}

const T0 = "2026-01-01T00:00:00Z";
const T1 = "2026-01-01T00:01:00Z";

function condition(type: string, status: "True" | "False", generation = 1, lastTransitionTime = T0): Condition {
  const texts: Record<string, [string, string]> = {
    Available: ["AllGroupsReady", "All replicas are ready"],
    Progressing: ["GroupsProgressing", "Replicas are progressing"],
    UpdateInProgress: ["GroupsUpdating", "Rolling Upgrade is in progress"],
  };
  const [reason, message] = texts[type];
  return { type, status, reason, message, observedGeneration: generation, lastTransitionTime };
}

const statuses = (conditions: Condition[]) => Object.fromEntries(conditions.map((c) => [c.type, c.status]));

describe("accountGroups", () => {
  it.each([
    { name: "all done", groups: "nr nr", R: 2, P: 0, want: { readyReplicas: 2, updatedReplicas: 2, pc: 2, pu: 2, pur: 2, rnb: 2, updateDone: true } },
    { name: "rollout start", groups: "or or or or", R: 4, P: 0, want: { readyReplicas: 4, updatedReplicas: 0, pc: 4, pu: 0, pur: 0, rnb: 4, updateDone: false } },
    { name: "first group updated", groups: "or or or nr", R: 4, P: 0, want: { readyReplicas: 4, updatedReplicas: 1, pc: 4, pu: 1, pur: 1, rnb: 4, updateDone: false } },
    { name: "updated but unready", groups: "nr nu", R: 2, P: 0, want: { readyReplicas: 1, updatedReplicas: 2, pc: 2, pu: 2, pur: 1, rnb: 1, updateDone: false } },
    { name: "missing worker sts skips the group", groups: "nr --", R: 2, P: 0, want: { readyReplicas: 1, updatedReplicas: 1, pc: 1, pu: 1, pur: 1, rnb: 1, updateDone: false } },
    { name: "surge groups count in totals only", groups: "nr nr", R: 1, P: 0, want: { readyReplicas: 2, updatedReplicas: 2, pc: 1, pu: 1, pur: 1, rnb: 1, updateDone: true } },
    { name: "user partition limits the partitioned counts", groups: "or or nr", R: 3, P: 2, want: { readyReplicas: 3, updatedReplicas: 1, pc: 1, pu: 1, pur: 1, rnb: 3, updateDone: false } },
    { name: "no groups yet", groups: "--", R: 2, P: 0, want: { readyReplicas: 0, updatedReplicas: 0, pc: 0, pu: 0, pur: 0, rnb: 0, updateDone: false } },
    { name: "zero replicas is done", groups: "--", R: 0, P: 0, want: { readyReplicas: 0, updatedReplicas: 0, pc: 0, pu: 0, pur: 0, rnb: 0, updateDone: true } },
  ])("$name", ({ groups, R, P, want }) => {
    expect(accountGroups(observe(groups), R, P)).toEqual(want);
  });
});

describe("nextConditions: observed sequences", () => {
  it.each([
    {
      name: "fresh LWS -> Progressing",
      existing: [],
      groups: "--",
      R: 2,
      want: { Progressing: "True" },
      event: { reason: "GroupsProgressing", note: "Replicas are progressing, with 0 groups ready of total 2 groups" },
    },
    {
      name: "all groups ready -> Available, Progressing False",
      existing: [condition("Progressing", "True")],
      groups: "nr nr",
      R: 2,
      want: { Progressing: "False", Available: "True" },
      event: { reason: "AllGroupsReady", note: "All replicas are ready, with 2 groups ready of total 2 groups" },
    },
    {
      name: "scale 2 -> 3: Progressing, Available False",
      existing: [condition("Progressing", "False"), condition("Available", "True")],
      groups: "nr nr nu",
      R: 3,
      want: { Progressing: "True", Available: "False" },
      event: { reason: "GroupsProgressing", note: "Replicas are progressing, with 2 groups ready of total 3 groups" },
    },
    {
      name: "template change: UpdateInProgress first, Available False",
      existing: [condition("Progressing", "False"), condition("Available", "True")],
      groups: "or or",
      R: 2,
      want: { Progressing: "False", Available: "False", UpdateInProgress: "True" },
      event: { reason: "GroupsUpdating", note: "Rolling Upgrade is in progress, with 2 groups ready of total 2 groups" },
    },
    {
      name: "template change, next reconcile: Progressing joins",
      existing: [condition("Progressing", "False"), condition("Available", "False"), condition("UpdateInProgress", "True")],
      groups: "or nu",
      R: 2,
      want: { Progressing: "True", Available: "False", UpdateInProgress: "True" },
      event: { reason: "GroupsUpdating", note: "Rolling Upgrade is in progress, with 1 groups ready of total 2 groups" },
    },
    {
      name: "completion -> Available, the others False",
      existing: [condition("Progressing", "True"), condition("Available", "False"), condition("UpdateInProgress", "True")],
      groups: "nr nr",
      R: 2,
      want: { Progressing: "False", Available: "True", UpdateInProgress: "False" },
      event: { reason: "AllGroupsReady", note: "All replicas are ready, with 2 groups ready of total 2 groups" },
    },
    {
      name: "wiped conditions -> Progressing re-added",
      existing: [],
      groups: "nr nu",
      R: 2,
      want: { Progressing: "True" },
      event: { reason: "GroupsProgressing", note: "Replicas are progressing, with 1 groups ready of total 2 groups" },
    },
  ])("$name", ({ existing, groups, R, want, event }) => {
    const result = nextConditions(existing, accountGroups(observe(groups), R, 0), R, 1, T1);
    expect(result.changed).toBe(true);
    expect(result.event).toEqual(event);
    expect(statuses(result.conditions)).toEqual(want);
  });

  it("UpdateInProgress is only added on an update, and persists until Available", () => {
    let conditions: Condition[] = [];
    const run = (groups: string) => {
      const result = nextConditions(conditions, accountGroups(observe(groups), 2, 0), 2, 1, T1);
      conditions = result.conditions;
      return statuses(conditions);
    };
    expect(run("nu nu")).toEqual({ Progressing: "True" });
    expect(run("nr nr")).toEqual({ Progressing: "False", Available: "True" });
    expect(run("or or")).toEqual({ Progressing: "False", Available: "False", UpdateInProgress: "True" });
    expect(run("or or")).toEqual({ Progressing: "True", Available: "False", UpdateInProgress: "True" });
    expect(run("nu nu")).toEqual({ Progressing: "True", Available: "False", UpdateInProgress: "True" });
    expect(run("nr nr")).toEqual({ Progressing: "False", Available: "True", UpdateInProgress: "False" });
  });
});

describe("nextConditions: set semantics", () => {
  const ready = accountGroups(observe("nr nr"), 2, 0);

  it("changes nothing, timestamps included, when the conditions already hold", () => {
    const existing = [condition("Progressing", "False"), condition("Available", "True")];
    const result = nextConditions(existing, ready, 2, 1, T1);
    expect(result).toEqual({ conditions: existing, changed: false });
  });

  it("a new generation replaces the held condition and bumps the rest", () => {
    const existing = [condition("Progressing", "False"), condition("Available", "True")];
    const result = nextConditions(existing, ready, 2, 2, T1);
    expect(result.changed).toBe(true);
    expect(result.conditions).toEqual([condition("Progressing", "False", 2, T0), condition("Available", "True", 2, T1)]);
    expect(result.event?.reason).toBe("AllGroupsReady");
  });

  it("flipped conditions keep reason and message, with a new time and generation", () => {
    const result = nextConditions([condition("Progressing", "True"), condition("UpdateInProgress", "True")], ready, 2, 3, T1);
    expect(result.conditions).toEqual([condition("Progressing", "False", 3, T1), condition("UpdateInProgress", "False", 3, T1), condition("Available", "True", 3, T1)]);
  });

  it("Progressing does not exclude UpdateInProgress", () => {
    const existing = [condition("UpdateInProgress", "True"), condition("Progressing", "True"), condition("Available", "False")];
    const result = nextConditions(existing, accountGroups(observe("nr nu"), 2, 0), 2, 1, T1);
    expect(result).toEqual({ conditions: existing, changed: false });
  });

  it("leaves other condition types alone except for observedGeneration", () => {
    const foreign: Condition = { type: "Degraded", status: "True", reason: "X", message: "y", lastTransitionTime: T0 };
    const result = nextConditions([foreign, condition("Available", "True")], ready, 2, 1, T1);
    expect(result.conditions).toEqual([{ ...foreign, observedGeneration: 1 }, condition("Available", "True")]);
    expect(result.changed).toBe(true);
  });

  it("does not modify the conditions it is given", () => {
    const existing = [condition("Progressing", "True")];
    const snapshot = structuredClone(existing);
    nextConditions(existing, ready, 2, 2, T1);
    expect(existing).toEqual(snapshot);
  });

  it("a user partition makes the partitioned groups decide Available", () => {
    const canary = accountGroups(observe("or or or or nr nr"), 6, 4);
    const result = nextConditions([condition("Progressing", "True"), condition("UpdateInProgress", "True")], canary, 6, 1, T1);
    expect(statuses(result.conditions)).toEqual({ Progressing: "False", UpdateInProgress: "False", Available: "True" });
    expect(result.event?.note).toBe("All replicas are ready, with 6 groups ready of total 6 groups");
  });
});
