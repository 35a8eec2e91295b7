import type { Cause, GroupDiagnosis, Verdict } from "./types";

/** A cause several groups share: its evidence common to all of them, and what is each one's own. */
export interface SharedCause {
  summary: string;
  suggestion?: string;
  evidence: string[];
  /** groups with evidence of their own (their pods, mostly), in group order */
  perGroup: Array<{ index: number; evidence: string[] }>;
}

/** The groups that have the same verdict for the same causes, to show once. */
export interface SharedDiagnosis {
  indexes: number[];
  verdict: Verdict;
  causes: SharedCause[];
}

// Causes are the same when they say the same thing and suggest the same step; evidence differs by group.
const causesKey = (group: GroupDiagnosis) => [group.verdict, ...group.causes.map((c) => `${c.summary}\u0000${c.suggestion ?? ""}`)].join("\u0001");

function sharedCause(causes: readonly Cause[], indexes: readonly number[]): SharedCause {
  const [first] = causes;
  const common = first.evidence.filter((line) => causes.every((c) => c.evidence.includes(line)));
  const shared = new Set(common);
  const perGroup = causes.map((c, i) => ({ index: indexes[i], evidence: c.evidence.filter((line) => !shared.has(line)) })).filter((g) => g.evidence.length > 0);
  return { summary: first.summary, suggestion: first.suggestion, evidence: common, perGroup };
}

/**
 * Groups whose diagnoses say the same, together, in the order of their first group: a hundred groups
 * stuck for one reason are one card to read, not a hundred.
 */
export function sharedDiagnoses(groups: readonly GroupDiagnosis[]): SharedDiagnosis[] {
  const byKey = new Map<string, GroupDiagnosis[]>();
  for (const group of groups) {
    const key = causesKey(group);
    const same = byKey.get(key);
    if (same) same.push(group);
    else byKey.set(key, [group]);
  }
  return [...byKey.values()].map((same) => {
    const indexes = same.map((g) => g.index);
    const causes = same[0].causes.map((_, i) => sharedCause(same.map((g) => g.causes[i]), indexes));
    return { indexes, verdict: same[0].verdict, causes };
  });
}
