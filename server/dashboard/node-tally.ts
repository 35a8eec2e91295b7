import type { PodView } from "@/lib/dashboard/view-models";

/** A pod's part in its node's tally. */
export interface PodPart<P> {
  node: string;
  part: P;
}

/** What a pod adds to its node's tally, and how parts add up. */
export interface TallyRule<P, T> {
  /** undefined: the pod adds nothing (not on a node, or not counted) */
  partOf(pod: PodView): PodPart<P> | undefined;
  samePart(a: P, b: P): boolean;
  /** `total` with `part` added (sign 1) or taken away (-1); undefined when nothing is left */
  add(total: T | undefined, part: P, sign: 1 | -1): T | undefined;
}

/**
 * A per-node aggregate of pods kept pod by pod: each pod's last part is remembered, so a change
 * moves only that pod's part from where it was to where it is, and no pod is counted twice.
 */
export class NodeTally<P, T> {
  private readonly parts = new Map<string, PodPart<P>>();
  private readonly totals = new Map<string, T>();

  constructor(private readonly rule: TallyRule<P, T>) {}

  total(node: string): T | undefined {
    return this.totals.get(node);
  }

  /** Records a pod's new view (undefined: deleted); returns the nodes whose totals changed. */
  update(podKey: string, view: PodView | undefined): string[] {
    const before = this.parts.get(podKey);
    const after = view && this.rule.partOf(view);
    if (after) this.parts.set(podKey, after);
    else this.parts.delete(podKey);
    if (!before && !after) return [];
    if (before && after && before.node === after.node && this.rule.samePart(before.part, after.part)) return [];
    if (before) this.add(before, -1);
    if (after) this.add(after, 1);
    return [...new Set([before?.node, after?.node].filter((n): n is string => n !== undefined))];
  }

  private add({ node, part }: PodPart<P>, sign: 1 | -1): void {
    const total = this.rule.add(this.totals.get(node), part, sign);
    if (total === undefined) this.totals.delete(node);
    else this.totals.set(node, total);
  }
}
