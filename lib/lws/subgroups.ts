// Sub-group membership (lws-upstream-spec §6.2), with Go's truncating integer division.

/** What upstream's webhook fails with when a sub-group size of 0 reaches its integer divisions. */
export const DIVIDE_BY_ZERO = "runtime error: integer divide by zero";

/**
 * The sub-group of worker `workerIndex` (>= 1). When size-1 divides into sub-groups but size
 * does not, the leader is the odd one out and workers count from 1; otherwise workers count
 * with the leader. The policy type is not consulted, hence LeaderExcluded with subGroupSize 1
 * numbering workers from sub-group 1.
 */
export function subGroupIndex(size: number, subGroupSize: number, workerIndex: number): number {
  if (subGroupSize === 0) throw new Error(DIVIDE_BY_ZERO);
  const leaderIsExtra = (size - 1) % subGroupSize === 0 && size % subGroupSize !== 0;
  return Math.trunc((leaderIsExtra ? workerIndex - 1 : workerIndex) / subGroupSize);
}

/** The leader's sub-group: 0, or none when the leader is excluded from sub-groups. */
export function leaderSubGroupIndex(policyType: string | undefined): number | undefined {
  return policyType === "LeaderExcluded" ? undefined : 0;
}
