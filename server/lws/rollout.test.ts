import { describe, expect, it } from "vitest";
import { deletingSurgeNote, leaderStatefulSetRollout, statefulSetMaxUnavailable, type GroupState, type RolloutDecision, type RolloutInput } from "./rollout";

// Group shorthands: [o]ld / [n]ew revision, [r]eady / [u]nready.
const G: Record<string, GroupState> = {
  or: { ready: true, updated: false },
  ou: { ready: false, updated: false },
  nr: { ready: true, updated: true },
  nu: { ready: false, updated: true },
};
const groups = (spec: string) => (spec ? spec.split(" ").map((key) => G[key]) : []);
/** A leader StatefulSet; the replicas annotation defaults to the row's spec.replicas. */
const sts = (replicas: number, partition: number, replicasAnnotation?: string) => ({ replicas, partition, ...(replicasAnnotation && { replicasAnnotation }) });

interface Row {
  name: string;
  input: Partial<RolloutInput> & Pick<RolloutInput, "replicas">;
  want: RolloutDecision;
}

const defaults = { maxUnavailable: 1, maxSurge: 0, userPartition: 0, newRevision: false, groups: [] };

function decide(input: Row["input"]): RolloutDecision {
  const leader = input.leaderStatefulSet && { replicasAnnotation: String(input.replicas), ...input.leaderStatefulSet };
  return leaderStatefulSetRollout({ ...defaults, ...input, leaderStatefulSet: leader });
}

const rows: Row[] = [
  { name: "no leader sts: everything at once", input: { replicas: 4 }, want: { partition: 0, replicas: 4 } },
  { name: "no leader sts: user partition still floors", input: { replicas: 3, userPartition: 2 }, want: { partition: 2, replicas: 3 } },
  { name: "at rest", input: { replicas: 4, leaderStatefulSet: sts(4, 0), groups: groups("nr nr nr nr") }, want: { partition: 0, replicas: 4 } },

  // Default U=1, S=0, R=4.
  { name: "default: new revision holds every group", input: { replicas: 4, newRevision: true, leaderStatefulSet: sts(4, 0), groups: groups("or or or or") }, want: { partition: 4, replicas: 4 } },
  { name: "default: first step", input: { replicas: 4, leaderStatefulSet: sts(4, 4), groups: groups("or or or or") }, want: { partition: 3, replicas: 4, updatingNote: "Updating replica 3" } },
  { name: "default: waits for group 3", input: { replicas: 4, leaderStatefulSet: sts(4, 3), groups: groups("or or or nu") }, want: { partition: 3, replicas: 4 } },
  { name: "default: group 3 ready", input: { replicas: 4, leaderStatefulSet: sts(4, 3), groups: groups("or or or nr") }, want: { partition: 2, replicas: 4, updatingNote: "Updating replica 2" } },
  { name: "default: an updated group going unready does not move the partition back", input: { replicas: 4, leaderStatefulSet: sts(4, 2), groups: groups("or or nr nu") }, want: { partition: 2, replicas: 4 } },

  { name: "U=2: two at once", input: { replicas: 4, maxUnavailable: 2, leaderStatefulSet: sts(4, 4), groups: groups("or or or or") }, want: { partition: 2, replicas: 4, updatingNote: "Updating replicas 2 to 3 (inclusive)" } },
  { name: "U=50% is U=2", input: { replicas: 4, maxUnavailable: "50%", leaderStatefulSet: sts(4, 4), groups: groups("or or or or") }, want: { partition: 2, replicas: 4, updatingNote: "Updating replicas 2 to 3 (inclusive)" } },
  { name: "U=10: straight to 0", input: { replicas: 4, maxUnavailable: 10, leaderStatefulSet: sts(4, 4), groups: groups("or or or or") }, want: { partition: 0, replicas: 4, updatingNote: "Updating replicas 0 to 3 (inclusive)" } },

  { name: "U=0,S=1: new revision bursts", input: { replicas: 4, maxUnavailable: 0, maxSurge: 1, newRevision: true, leaderStatefulSet: sts(4, 0), groups: groups("or or or or") }, want: { partition: 4, replicas: 5 } },
  { name: "U=0,S=1: waits for the surge group", input: { replicas: 4, maxUnavailable: 0, maxSurge: 1, leaderStatefulSet: sts(5, 4), groups: groups("or or or or nu") }, want: { partition: 4, replicas: 5 } },
  { name: "U=0,S=1: surge ready, group 3 goes", input: { replicas: 4, maxUnavailable: 0, maxSurge: 1, leaderStatefulSet: sts(5, 4), groups: groups("or or or or nr") }, want: { partition: 3, replicas: 5, updatingNote: "Updating replica 3" } },
  { name: "U=0,S=1: surge kept while group 0 updates", input: { replicas: 4, maxUnavailable: 0, maxSurge: 1, leaderStatefulSet: sts(5, 0), groups: groups("nu nr nr nr nr") }, want: { partition: 0, replicas: 5 } },
  { name: "U=0,S=1: surge reclaimed when all done", input: { replicas: 4, maxUnavailable: 0, maxSurge: 1, leaderStatefulSet: sts(5, 0), groups: groups("nr nr nr nr nr") }, want: { partition: 0, replicas: 4, deletedSurge: { from: 4, to: 4 } } },

  { name: "U=1,S=1: two below the surge", input: { replicas: 4, maxSurge: 1, leaderStatefulSet: sts(5, 4), groups: groups("or or or or nu") }, want: { partition: 3, replicas: 5, updatingNote: "Updating replica 3" } },
  { name: "U=1,S=1: surge dropped when only group 0 is left", input: { replicas: 4, maxSurge: 1, leaderStatefulSet: sts(5, 0), groups: groups("nu nr nr nr nr") }, want: { partition: 0, replicas: 4, deletedSurge: { from: 4, to: 4 } } },
  { name: "U=1,S=25%: S rounds up to 1", input: { replicas: 3, maxSurge: "25%", newRevision: true, leaderStatefulSet: sts(3, 0), groups: groups("or or or") }, want: { partition: 3, replicas: 4 } },

  { name: "S=4,R=4: burst is R + (R - U)", input: { replicas: 4, maxSurge: 4, newRevision: true, leaderStatefulSet: sts(4, 0), groups: groups("or or or or") }, want: { partition: 4, replicas: 7 } },
  { name: "S above R is capped at R", input: { replicas: 2, maxUnavailable: 0, maxSurge: 5, newRevision: true, leaderStatefulSet: sts(2, 0), groups: groups("or or") }, want: { partition: 2, replicas: 4 } },

  { name: "6->3 mid-update: clamp to the new burst", input: { replicas: 3, leaderStatefulSet: sts(6, 5, "6"), groups: groups("or or or or or nr") }, want: { partition: 3, replicas: 3, deletedSurge: { from: 3, to: 5 }, updatingNote: "Updating replicas 3 to 4 (inclusive)" } },
  { name: "6->3 mid-update: then rolls on", input: { replicas: 3, leaderStatefulSet: sts(3, 3), groups: groups("or or or") }, want: { partition: 2, replicas: 3, updatingNote: "Updating replica 2" } },
  { name: "scale-up 4->6 mid-update: partition frozen", input: { replicas: 6, leaderStatefulSet: sts(4, 2, "4"), groups: groups("or or nr nr") }, want: { partition: 2, replicas: 6 } },
  { name: "scale-up 4->6 mid-update: new groups do not move it", input: { replicas: 6, leaderStatefulSet: sts(6, 2), groups: groups("or or nr nr nu nu") }, want: { partition: 2, replicas: 6 } },
  { name: "plain scale-down 4->2 reports deleted ordinals", input: { replicas: 2, leaderStatefulSet: sts(4, 0, "4"), groups: groups("nr nr nr nr") }, want: { partition: 0, replicas: 2, deletedSurge: { from: 2, to: 3 } } },

  { name: "template+replicas 4->6: scale up first", input: { replicas: 6, newRevision: true, leaderStatefulSet: sts(4, 0, "4"), groups: groups("or or or or") }, want: { partition: 4, replicas: 6 } },
  { name: "template+replicas 4->6: new groups unready", input: { replicas: 6, leaderStatefulSet: sts(6, 4), groups: groups("or or or or nu nu") }, want: { partition: 4, replicas: 6 } },
  { name: "R=2,S=2 template+replicas 2->4: scale up first", input: { replicas: 4, maxSurge: 2, newRevision: true, leaderStatefulSet: sts(2, 0, "2"), groups: groups("or or") }, want: { partition: 2, replicas: 4 } },
  { name: "R=2,S=2 template+replicas 2->4: then burst", input: { replicas: 4, maxSurge: 2, leaderStatefulSet: sts(4, 2), groups: groups("or or nu nu") }, want: { partition: 2, replicas: 6 } },
  { name: "R=6,S=2 template+replicas 6->3: burst of the new size", input: { replicas: 3, maxSurge: 2, newRevision: true, leaderStatefulSet: sts(6, 0, "6"), groups: groups("or or or or or or") }, want: { partition: 3, replicas: 5, deletedSurge: { from: 5, to: 5 } } },
  { name: "R=6,S=2 template+replicas 6->3: then partition 2", input: { replicas: 3, maxSurge: 2, leaderStatefulSet: sts(5, 3), groups: groups("or or or or or") }, want: { partition: 2, replicas: 5, updatingNote: "Updating replica 2" } },

  { name: "user partition 4 at rest", input: { replicas: 6, userPartition: 4, leaderStatefulSet: sts(6, 4), groups: groups("nr nr nr nr nr nr") }, want: { partition: 4, replicas: 6 } },
  { name: "user partition 4: new revision", input: { replicas: 6, userPartition: 4, newRevision: true, leaderStatefulSet: sts(6, 4), groups: groups("or or or or or or") }, want: { partition: 6, replicas: 6 } },
  { name: "user partition 4: step to 5", input: { replicas: 6, userPartition: 4, leaderStatefulSet: sts(6, 6), groups: groups("or or or or or or") }, want: { partition: 5, replicas: 6, updatingNote: "Updating replica 5" } },
  { name: "user partition 4: floor holds", input: { replicas: 6, userPartition: 4, leaderStatefulSet: sts(6, 4), groups: groups("or or or or nr nr") }, want: { partition: 4, replicas: 6 } },
  { name: "user partition lowered to 2", input: { replicas: 6, userPartition: 2, leaderStatefulSet: sts(6, 4), groups: groups("or or or or nr nr") }, want: { partition: 3, replicas: 6, updatingNote: "Updating replica 3" } },
  { name: "user partition 2,R=3,S=1: new revision", input: { replicas: 3, maxSurge: 1, userPartition: 2, newRevision: true, leaderStatefulSet: sts(3, 2), groups: groups("or or or") }, want: { partition: 3, replicas: 4 } },
  { name: "user partition 2,R=3,S=1: step", input: { replicas: 3, maxSurge: 1, userPartition: 2, leaderStatefulSet: sts(4, 3, "3"), groups: groups("or or or nu") }, want: { partition: 2, replicas: 4, updatingNote: "Updating replica 2" } },
  { name: "user partition 2,R=3,S=1: surge kept", input: { replicas: 3, maxSurge: 1, userPartition: 2, leaderStatefulSet: sts(4, 2, "3"), groups: groups("or or nr nr") }, want: { partition: 2, replicas: 4 } },
  { name: "user partition 2->0,R=3,S=1", input: { replicas: 3, maxSurge: 1, leaderStatefulSet: sts(4, 2, "3"), groups: groups("or or nr nr") }, want: { partition: 0, replicas: 4, updatingNote: "Updating replicas 0 to 1 (inclusive)" } },
  { name: "user partition 0,R=3,S=1: surge reclaimed", input: { replicas: 3, maxSurge: 1, leaderStatefulSet: sts(4, 0, "3"), groups: groups("nr nr nr nr") }, want: { partition: 0, replicas: 3, deletedSurge: { from: 3, to: 3 } } },
  { name: "user partition raised at rest", input: { replicas: 3, userPartition: 2, leaderStatefulSet: sts(3, 0), groups: groups("nr nr nr") }, want: { partition: 2, replicas: 3, updatingNote: "Updating replicas 2 to -1 (inclusive)" } },

  { name: "pre-existing unready group counts against U", input: { replicas: 4, maxUnavailable: 2, leaderStatefulSet: sts(4, 4), groups: groups("or ou or or") }, want: { partition: 3, replicas: 4, updatingNote: "Updating replica 3" } },
  { name: "all unready: update the broken ones", input: { replicas: 2, leaderStatefulSet: sts(2, 2), groups: groups("ou ou") }, want: { partition: 1, replicas: 2, updatingNote: "Updating replica 1" } },
  { name: "all unready: group 1 recovered", input: { replicas: 2, leaderStatefulSet: sts(2, 1), groups: groups("ou nr") }, want: { partition: 0, replicas: 2, updatingNote: "Updating replica 0" } },
  { name: "missing groups count as unready", input: { replicas: 4, maxSurge: 1, leaderStatefulSet: sts(5, 4), groups: groups("or or or or") }, want: { partition: 3, replicas: 5, updatingNote: "Updating replica 3" } },

  // The upstream doc table for R=4, U=2, S=2.
  { name: "U=2,S=2 stage 1->2", input: { replicas: 4, maxUnavailable: 2, maxSurge: 2, newRevision: true, leaderStatefulSet: sts(4, 0), groups: groups("or or or or") }, want: { partition: 4, replicas: 6 } },
  { name: "U=2,S=2 stage 2->3", input: { replicas: 4, maxUnavailable: 2, maxSurge: 2, leaderStatefulSet: sts(6, 4, "4"), groups: groups("or or or or nu nu") }, want: { partition: 2, replicas: 6, updatingNote: "Updating replicas 2 to 3 (inclusive)" } },
  { name: "U=2,S=2 stage 3->4", input: { replicas: 4, maxUnavailable: 2, maxSurge: 2, leaderStatefulSet: sts(6, 2, "4"), groups: groups("or or nu nu nr nu") }, want: { partition: 2, replicas: 6 } },
  { name: "U=2,S=2 stage 4->5", input: { replicas: 4, maxUnavailable: 2, maxSurge: 2, leaderStatefulSet: sts(6, 2, "4"), groups: groups("or or nu nu nr nr") }, want: { partition: 0, replicas: 6, updatingNote: "Updating replicas 0 to 1 (inclusive)" } },
  { name: "U=2,S=2 stage 6->7", input: { replicas: 4, maxUnavailable: 2, maxSurge: 2, leaderStatefulSet: sts(6, 0, "4"), groups: groups("nu nu nr nr nr nr") }, want: { partition: 0, replicas: 4, deletedSurge: { from: 4, to: 5 } } },
];

describe("leaderStatefulSetRollout", () => {
  it.each(rows)("$name", ({ input, want }) => {
    expect(decide(input)).toEqual(want);
  });

  it("fails on a missing or malformed replicas annotation, as upstream does", () => {
    const input = { ...defaults, replicas: 3, leaderStatefulSet: { replicas: 3, partition: 2 }, groups: groups("or or or") };
    expect(() => leaderStatefulSetRollout(input)).toThrow(/annotation/);
    expect(() => leaderStatefulSetRollout({ ...input, leaderStatefulSet: sts(3, 2, "three") })).toThrow(/annotation/);
  });

  it("rejects an int-or-string that is not a percentage", () => {
    expect(() => decide({ replicas: 3, maxSurge: "2", leaderStatefulSet: sts(3, 0), groups: groups("nr nr nr") })).toThrow();
  });
});

describe("statefulSetMaxUnavailable", () => {
  it.each([
    { replicas: 4, u: 1, s: 0, want: 1 },
    { replicas: 4, u: 0, s: 0, want: 1 },
    { replicas: 2, u: 1, s: "50%", want: 2 },
    { replicas: 4, u: 2, s: 2, want: 4 },
    { replicas: 4, u: 1, s: 10, want: 5 },
    { replicas: 3, u: "50%", s: "50%", want: 3 },
    { replicas: 0, u: 1, s: 1, want: 1 },
  ])("R=$replicas U=$u S=$s -> $want", ({ replicas, u, s, want }) => {
    expect(statefulSetMaxUnavailable(replicas, u, s)).toBe(want);
  });
});

describe("deletingSurgeNote", () => {
  it("names one or a range of groups", () => {
    expect(deletingSurgeNote("web", { from: 4, to: 4 })).toBe("deleting surge replica web-4");
    expect(deletingSurgeNote("web", { from: 4, to: 5 })).toBe("deleting surge replicas from web-4 to web-5");
  });
});

type Revision = "old" | "new";
interface SimGroup {
  revision: Revision;
  ready: boolean;
}
interface Settings {
  replicas: number;
  maxUnavailable?: number | string;
  maxSurge?: number | string;
  userPartition?: number;
}

const oldReady = (count: number): SimGroup[] => Array.from({ length: count }, () => ({ revision: "old", ready: true }));

/**
 * Drives the decision the way the cluster would: the reconciler applies each decision, the
 * StatefulSet controller then removes the highest ordinals, creates missing ones and replaces
 * old pods at or above the partition (new pods start unready), and the reconciler runs again until
 * nothing moves; only then does one more group (the highest unready one) become ready.
 */
class Simulation {
  sts: { replicas: number; partition: number; replicasAnnotation: string };
  readonly decisions: { decision: RolloutDecision; groups: string }[] = [];
  minReady = Infinity;

  constructor(
    public settings: Settings,
    public groups: SimGroup[],
  ) {
    this.sts = { replicas: groups.length, partition: settings.userPartition ?? 0, replicasAnnotation: String(groups.length) };
  }

  updateTemplate(): void {
    this.reconcile(true);
    this.settle();
  }

  /** Lets groups become ready one at a time until nothing is left to do. */
  run(): void {
    this.settle();
    while (this.readyNext()) this.settle();
  }

  partitions(): number[] {
    return distinct(this.decisions.map(({ decision }) => decision.partition));
  }

  replicas(): number[] {
    return distinct(this.decisions.map(({ decision }) => decision.replicas));
  }

  /** Reconciles until the leader StatefulSet stops moving, without any group becoming ready. */
  settle(): void {
    for (let round = 0; this.reconcile(false); round++) if (round > 20) throw new Error("rollout does not settle");
  }

  private reconcile(newRevision: boolean): boolean {
    const observed = this.groups.map((group) => ({ ready: group.ready, updated: group.revision === "new" }));
    const decision = leaderStatefulSetRollout({ ...defaults, ...this.settings, leaderStatefulSet: { ...this.sts }, newRevision, groups: observed });
    this.decisions.push({ decision, groups: this.groups.map((group) => group.revision[0] + (group.ready ? "r" : "u")).join(" ") });
    const next = { replicas: decision.replicas, partition: decision.partition, replicasAnnotation: String(this.settings.replicas) };
    const moved = JSON.stringify(next) !== JSON.stringify(this.sts);
    this.sts = next;
    this.syncStatefulSet();
    return moved;
  }

  private syncStatefulSet(): void {
    this.groups = this.groups.slice(0, this.sts.replicas);
    for (let idx = 0; idx < this.sts.replicas; idx++) {
      const revision: Revision = idx >= this.sts.partition ? "new" : "old";
      const group = this.groups[idx];
      if (!group || (revision === "new" && group.revision === "old")) this.groups[idx] = { revision, ready: false };
    }
    this.minReady = Math.min(this.minReady, this.groups.filter((group) => group.ready).length);
  }

  private readyNext(): boolean {
    const idx = this.groups.findLastIndex((group) => !group.ready);
    if (idx < 0) return false;
    this.groups[idx] = { ...this.groups[idx], ready: true };
    return true;
  }
}

function distinct(values: number[]): number[] {
  return values.filter((value, idx) => idx === 0 || value !== values[idx - 1]);
}

describe("simulated rollouts", () => {
  const finished = (sim: Simulation, replicas: number) => {
    expect(sim.sts).toEqual(sts(replicas, sim.settings.userPartition ?? 0, String(replicas)));
    expect(sim.groups).toEqual(Array.from({ length: replicas }, () => ({ revision: "new", ready: true })));
  };

  it.each([
    { name: "default U=1,S=0", settings: { replicas: 4 }, partitions: [4, 3, 2, 1, 0], replicas: [4] },
    { name: "U=2", settings: { replicas: 4, maxUnavailable: 2 }, partitions: [4, 2, 1, 0], replicas: [4] },
    { name: "U=10", settings: { replicas: 4, maxUnavailable: 10 }, partitions: [4, 0], replicas: [4] },
    { name: "U=0,S=1", settings: { replicas: 4, maxUnavailable: 0, maxSurge: 1 }, partitions: [4, 3, 2, 1, 0], replicas: [5, 4] },
    { name: "U=1,S=1", settings: { replicas: 4, maxSurge: 1 }, partitions: [4, 3, 2, 1, 0], replicas: [5, 4] },
    { name: "U=2,S=2", settings: { replicas: 4, maxUnavailable: 2, maxSurge: 2 }, partitions: [4, 2, 1, 0], replicas: [6, 4] },
    { name: "S=4", settings: { replicas: 4, maxSurge: 4 }, partitions: [4, 3, 2, 1, 0], replicas: [7, 6, 5, 4] },
  ])("$name: partitions $partitions, replicas $replicas, never below R-U ready", ({ settings, partitions, replicas }) => {
    const sim = new Simulation(settings, oldReady(settings.replicas));
    sim.updateTemplate();
    sim.run();
    expect(sim.partitions()).toEqual(partitions);
    expect(sim.replicas()).toEqual(replicas);
    finished(sim, settings.replicas);
    expect(sim.minReady).toBeGreaterThanOrEqual(settings.replicas - (settings.maxUnavailable ?? 1));
  });

  it("U=0,S=1 keeps the surge group until every desired group is done", () => {
    const sim = new Simulation({ replicas: 4, maxUnavailable: 0, maxSurge: 1 }, oldReady(4));
    sim.updateTemplate();
    sim.run();
    const reclaimed = sim.decisions.find(({ decision }) => decision.replicas === 4);
    expect(reclaimed).toEqual({ decision: { partition: 0, replicas: 4, deletedSurge: { from: 4, to: 4 } }, groups: "nr nr nr nr nr" });
  });

  it("U=1,S=1 drops the surge once only group 0 is left", () => {
    const sim = new Simulation({ replicas: 4, maxSurge: 1 }, oldReady(4));
    sim.updateTemplate();
    sim.run();
    const reclaimed = sim.decisions.find(({ decision }) => decision.replicas === 4);
    expect(reclaimed?.groups).toBe("nu nr nr nr nr");
  });

  it("all groups unready: the broken groups are updated first", () => {
    const sim = new Simulation({ replicas: 2 }, [
      { revision: "old", ready: false },
      { revision: "old", ready: false },
    ]);
    sim.updateTemplate();
    sim.run();
    expect(sim.partitions()).toEqual([2, 1, 0]);
    finished(sim, 2);
  });

  it("scale-up mid-update creates the new groups on the new template and keeps the partition", () => {
    const sim = new Simulation({ replicas: 4, maxUnavailable: 2 }, oldReady(4));
    sim.updateTemplate();
    expect(sim.sts).toEqual(sts(4, 2, "4"));
    sim.settings = { ...sim.settings, replicas: 6 };
    sim.settle();
    expect(sim.sts).toEqual(sts(6, 2, "6"));
    expect(sim.groups.map((group) => group.revision)).toEqual(["old", "old", "new", "new", "new", "new"]);
    sim.run();
    expect(sim.partitions()).toEqual([4, 2, 1, 0]);
    finished(sim, 6);
  });

  it("replicas 6 -> 3 mid-update clamps the partition into the new range", () => {
    const sim = new Simulation({ replicas: 6 }, oldReady(6));
    sim.updateTemplate();
    expect(sim.sts).toEqual(sts(6, 5, "6"));
    sim.settings = { replicas: 3 };
    sim.settle();
    expect(sim.sts).toEqual(sts(3, 2, "3"));
    sim.run();
    expect(sim.partitions()).toEqual([6, 5, 3, 2, 1, 0]);
    expect(sim.replicas()).toEqual([6, 3]);
    finished(sim, 3);
  });

  it("user partition 4 holds groups 0-3 until it is lowered", () => {
    const sim = new Simulation({ replicas: 6, userPartition: 4 }, oldReady(6));
    sim.updateTemplate();
    sim.run();
    expect(sim.partitions()).toEqual([6, 5, 4]);
    expect(sim.groups.map((group) => group.revision)).toEqual(["old", "old", "old", "old", "new", "new"]);
    sim.settings = { ...sim.settings, userPartition: 2 };
    sim.run();
    expect(sim.partitions()).toEqual([6, 5, 4, 3, 2]);
  });

  it("user partition 2 with S=1 keeps the surge until the partition is 0 and all groups are done", () => {
    const sim = new Simulation({ replicas: 3, maxSurge: 1, userPartition: 2 }, oldReady(3));
    sim.updateTemplate();
    sim.run();
    expect(sim.sts).toEqual(sts(4, 2, "3"));
    sim.settings = { ...sim.settings, userPartition: 0 };
    sim.run();
    expect(sim.partitions()).toEqual([3, 2, 0]);
    expect(sim.replicas()).toEqual([4, 3]);
    finished(sim, 3);
  });
});
