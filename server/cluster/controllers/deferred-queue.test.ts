import { describe, expect, it } from "vitest";
import { DeferredQueue } from "./deferred-queue";

describe("DeferredQueue", () => {
  it("processes each key added in one turn once, and retries a key whose processing failed", async () => {
    const attempts = new Map<string, number>();
    const errors: string[] = [];
    const queue = new DeferredQueue<string>(
      async (key) => {
        const n = (attempts.get(key) ?? 0) + 1;
        attempts.set(key, n);
        if (key === "flaky" && n < 3) throw new Error(`attempt ${n}`);
      },
      (key, err) => errors.push(`${key}: ${(err as Error).message}`),
      5,
    );
    queue.add("steady");
    queue.add("steady");
    queue.add("flaky");
    await expect.poll(() => attempts.get("flaky"), { timeout: 2_000 }).toBe(3);
    await queue.idle();
    expect(attempts.get("steady")).toBe(1);
    expect(errors).toEqual(["flaky: attempt 1", "flaky: attempt 2"]);
    queue.stop();
  });
});
