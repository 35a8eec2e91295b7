/**
 * The sub-group of a worker (§6.2). When size-1 divides into sub-groups but size does not, the
 * leader is the odd one out and workers count from 1; otherwise workers count with the leader.
 */
export function subGroupIndex(size: number, subGroupSize: number, workerIndex: number): number {
  if ((size - 1) % subGroupSize === 0 && size % subGroupSize !== 0) return Math.floor((workerIndex - 1) / subGroupSize);
  return Math.floor(workerIndex / subGroupSize);
}
