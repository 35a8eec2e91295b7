/**
 * Runs `fn` for 0..count-1 in batches of 1, 2, 4, ... (client-go's slowStartBatch), so a call that
 * fails for every item (a quota, a webhook) fails once rather than `count` times. Stops after the
 * first batch with a failure and throws it.
 */
export async function slowStartBatch(count: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  let done = 0;
  for (let size = 1; done < count; size *= 2) {
    const batch = Array.from({ length: Math.min(size, count - done) }, (_, k) => done + k);
    const results = await Promise.allSettled(batch.map(fn));
    done += batch.length;
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure) throw failure.reason;
  }
}

/**
 * Runs `fn` over every item: one at a time, stopping when it asks to, for OrderedReady (monotonic);
 * all in slow-start batches for Parallel. True when a monotonic run stopped early.
 */
export async function runForAll(count: number, fn: (i: number) => Promise<boolean>, monotonic: boolean): Promise<boolean> {
  if (!monotonic) {
    await slowStartBatch(count, fn);
    return false;
  }
  for (let i = 0; i < count; i++) if (await fn(i)) return true;
  return false;
}
