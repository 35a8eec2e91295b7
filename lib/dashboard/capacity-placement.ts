/**
 * Greedy placement of an LWS's groups, one after another, first fit by node name, as the
 * scheduler would meet them: each pod on a node that admits it and has its requests free; under
 * exclusive topology each group (or sub-group) in a domain of its own. A group that does not fit
 * is taken back whole, and placement stops there: every group asks the same, so the next one
 * would not fit either.
 *
 * PERFORMANCE: free room only shrinks, so a node (or domain) that could not take a pod shape
 * (or unit) never can later; cursors per shape skip them for good, which keeps 1,000 groups on
 * 1,000 nodes linear instead of groups × nodes.
 */
import type { GroupDemand, PlacementUnit, PodDemand } from "./capacity-demand";
import { domainsOf, type NodePool } from "./capacity-nodes";

export type PlacementFailure =
  /** no node had room for this pod; `shortfall` says why, as things stood then */
  | { kind: "pod"; pod: PodDemand; shortfall: string }
  /** no domain of `key` was free and large enough for the unit */
  | { kind: "domain"; unit: PlacementUnit | "group"; key: string };

/** What one trial took, to give back when the group does not fit. */
interface Trial {
  pods: Array<[number, PodDemand]>;
  domains: Array<[string, string]>;
}

/** Which domains of a label key are out of bounds, and which this LWS has taken. */
export interface DomainUse {
  /** domains holding other LWS pods of the namespace (upstream issue #539) */
  blocked: ReadonlySet<string>;
  used: Set<string>;
  /** domains tried and found too small or too busy, in the order tried */
  tooSmall: string[];
}

export interface PlacerHooks {
  /** domains of `key` where other pods carrying `label` run */
  blockedDomains(key: string, label: string): ReadonlySet<string>;
  /** the pod label group-level exclusive anti-affinity keys on */
  groupLabel: string;
  /** why no node takes the pod now */
  explainPod(pod: PodDemand): string;
}

export class GroupPlacer {
  readonly domainsUsed: string[] = [];
  failure: PlacementFailure | undefined;
  private readonly units: readonly PlacementUnit[];
  private readonly podCursor = new Map<PodDemand, number>();
  private readonly domainCursor = new Map<PlacementUnit | "group", number>();
  private readonly uses = new Map<string, DomainUse>();

  constructor(
    private readonly pool: NodePool,
    private readonly demand: GroupDemand,
    private readonly hooks: PlacerHooks,
  ) {
    // Units with a domain of their own go first: a leader outside sub-groups takes what they leave.
    this.units = [...demand.units].sort((a, b) => Number(!a.exclusiveKey) - Number(!b.exclusiveKey));
  }

  /** How the domains of `key` stand; undefined when no unit asked for one. */
  usage(key: string): DomainUse | undefined {
    return this.uses.get(key);
  }

  private domainUse(key: string, label: string): DomainUse {
    let use = this.uses.get(key);
    if (!use) this.uses.set(key, (use = { blocked: this.hooks.blockedDomains(key, label), used: new Set(), tooSmall: [] }));
    return use;
  }

  /** Places one more group; false (with `failure` set) when it does not fit. */
  placeGroup(): boolean {
    const key = this.demand.exclusiveKey;
    if (key) return this.placeInOwnDomain(key);
    const trial: Trial = { pods: [], domains: [] };
    const placed = this.placeUnits(undefined, trial);
    if (placed) this.domainsUsed.push(...trial.domains.map(([, value]) => value));
    else this.rollback(trial);
    return placed;
  }

  /** Whether one group (or just `unit`) would fit on `nodes` as they stand; leaves the pool as it was. */
  fitsIn(nodes: number[], unit?: PlacementUnit): boolean {
    const trial: Trial = { pods: [], domains: [] };
    const placed = unit ? this.placePods(unit.pods, nodes, trial) : this.placeUnits(nodes, trial);
    this.rollback(trial);
    return placed;
  }

  private placeInOwnDomain(key: string): boolean {
    const use = this.domainUse(key, this.hooks.groupLabel);
    const domains = this.pool.domains(key);
    for (let at = this.domainCursor.get("group") ?? 0; at < domains.length; at++) {
      const [value, nodes] = domains[at];
      if (use.blocked.has(value) || use.used.has(value)) continue;
      const trial: Trial = { pods: [], domains: [] };
      if (this.placeUnits(nodes, trial)) {
        this.domainCursor.set("group", at + 1);
        use.used.add(value);
        this.domainsUsed.push(value);
        return true;
      }
      this.rollback(trial);
      use.tooSmall.push(value);
    }
    this.domainCursor.set("group", domains.length);
    this.failure = { kind: "domain", unit: "group", key };
    return false;
  }

  private placeUnits(scope: number[] | undefined, trial: Trial): boolean {
    for (const unit of this.units) {
      const placed = unit.exclusiveKey ? this.placeUnitInDomain(unit, unit.exclusiveKey, scope, trial) : this.placePods(unit.pods, scope, trial);
      if (!placed) return false;
    }
    return true;
  }

  /** Inside a group's domain (scope) the sub-group domains are few: scanned afresh, no cursor. */
  private placeUnitInDomain(unit: PlacementUnit, key: string, scope: number[] | undefined, trial: Trial): boolean {
    const use = this.domainUse(key, unit.exclusiveLabel ?? "");
    const domains = scope ? domainsOf(this.pool, key, scope) : this.pool.domains(key);
    for (let at = scope ? 0 : (this.domainCursor.get(unit) ?? 0); at < domains.length; at++) {
      const [value, nodes] = domains[at];
      if (use.blocked.has(value) || use.used.has(value)) continue;
      const mark = trial.pods.length;
      if (this.placePods(unit.pods, nodes, trial)) {
        if (!scope) this.domainCursor.set(unit, at + 1);
        use.used.add(value);
        trial.domains.push([key, value]);
        return true;
      }
      this.rollback({ pods: trial.pods.splice(mark), domains: [] });
      if (!scope) use.tooSmall.push(value);
    }
    if (!scope) this.domainCursor.set(unit, domains.length);
    this.failure = { kind: "domain", unit, key };
    return false;
  }

  /** First fit per pod; over all nodes (no scope) the per-shape cursors carry over between groups. */
  private placePods(pods: readonly PodDemand[], scope: number[] | undefined, trial: Trial): boolean {
    const cursors = scope ? new Map<PodDemand, number>() : this.podCursor;
    const count = scope ? scope.length : this.pool.size;
    const nodeAt = scope ? (k: number) => scope[k] : (k: number) => k;
    for (const pod of pods) {
      let k = cursors.get(pod) ?? 0;
      while (k < count && !(this.pool.eligible(nodeAt(k), pod) && this.pool.fits(nodeAt(k), pod))) k++;
      cursors.set(pod, k);
      if (k === count) {
        // Only a failure over all nodes ends the placement; explain it before the rollback.
        if (!scope) this.failure = { kind: "pod", pod, shortfall: this.hooks.explainPod(pod) };
        return false;
      }
      this.pool.take(nodeAt(k), pod);
      trial.pods.push([nodeAt(k), pod]);
    }
    return true;
  }

  private rollback(trial: Trial): void {
    for (const [node, pod] of trial.pods) this.pool.take(node, pod, -1);
    for (const [key, value] of trial.domains) this.uses.get(key)?.used.delete(value);
  }
}
