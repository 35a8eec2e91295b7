import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WalCheckpointer } from "./wal-checkpointer";

describe("WalCheckpointer", () => {
  it("reports a database it cannot open, and stopping it afterwards returns at once", async () => {
    const missing = join(mkdtempSync(join(tmpdir(), "lws-checkpointer-")), "no-such-dir", "cluster.db");
    const failures: Error[] = [];
    const checkpointer = new WalCheckpointer(missing, { onFailure: (err) => failures.push(err) });
    await expect.poll(() => failures.length, { timeout: 5_000 }).toBe(1);
    expect(failures[0].message).toMatch(/Cannot open database because the directory does not exist/);
    const started = performance.now();
    checkpointer.stop();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
