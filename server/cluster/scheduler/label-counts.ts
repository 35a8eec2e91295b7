/**
 * Counts of pods' labels in one scope (a namespace on one node). They answer "how many pods
 * here match this single-key selector" in time independent of the number of pods, which keeps
 * `Exists`/`NotIn` affinity terms (LWS exclusive topology) from scanning every pod per decision.
 */
import { addCount, entry } from "./counts";
import type { SingleKeyShape } from "./selector-shape";

interface KeyCount {
  pods: number;
  values: Map<string, number>;
}

export class LabelCounts {
  private podCount = 0;
  private readonly keys = new Map<string, KeyCount>();

  get pods(): number {
    return this.podCount;
  }

  update(labels: Readonly<Record<string, string>>, delta: number): void {
    this.podCount += delta;
    for (const [key, value] of Object.entries(labels)) {
      const count = entry(this.keys, key, () => ({ pods: 0, values: new Map<string, number>() }));
      count.pods += delta;
      addCount(count.values, value, delta);
      if (count.pods === 0) this.keys.delete(key);
    }
  }

  /** How many counted pods the selector matches. */
  matching(shape: SingleKeyShape): number {
    if (shape.key === undefined) return this.podCount;
    const entry = this.keys.get(shape.key);
    const withKey = entry?.pods ?? 0;
    let excludedWithKey = 0;
    if (entry) for (const v of shape.excluded) excludedWithKey += entry.values.get(v) ?? 0;
    if (shape.forbidsKey) return shape.requiresKey ? 0 : this.podCount - withKey;
    // NotIn also matches pods without the key, unless Exists requires it.
    return (shape.requiresKey ? withKey : this.podCount) - excludedWithKey;
  }
}
