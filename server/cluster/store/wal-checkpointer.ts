import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** What the checkpointer's thread reports after each checkpoint that moved frames into the database. */
export interface CheckpointReport {
  /** WAL frames copied into the database file so far */
  checkpointed: number;
}

// Plain CommonJS, run with `eval`: a file would need the TypeScript loader in the thread and a path
// that bundlers leave alone. `stopped` is set once the database is closed, so `stop()` can wait for it.
const THREAD_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const stopped = new Int32Array(workerData.stopped);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 5000");
let checkpointed = 0;
const timer = setInterval(() => {
  const [result] = db.pragma("wal_checkpoint(PASSIVE)");
  if (result.checkpointed > 0) parentPort.postMessage({ checkpointed: (checkpointed += result.checkpointed) });
}, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  Atomics.store(stopped, 0, 1);
  Atomics.notify(stopped, 0);
  parentPort.close();
});
`;

/**
 * Checkpoints a WAL database from a thread of its own. A checkpoint fsyncs the WAL and the
 * database file, which on these machines stalls the thread that runs it for 20-40 ms under heavy
 * writes; on the event loop that is every API call and watch of the moment. The writer's
 * connection turns its own automatic checkpoints off while this runs, and back on if it fails.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly stopped = new Int32Array(new SharedArrayBuffer(4));

  constructor(path: string, options: { intervalMs?: number; onReport?: (report: CheckpointReport) => void; onFailure: (err: Error) => void }) {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    this.worker = new Worker(THREAD_CODE, { eval: true, workerData: { path, driver, intervalMs: options.intervalMs ?? 200, stopped: this.stopped.buffer } });
    this.worker.on("message", (report: CheckpointReport) => options.onReport?.(report));
    this.worker.on("error", (err) => {
      Atomics.store(this.stopped, 0, 1);
      options.onFailure(err);
    });
    // The thread does not keep the process alive: a process that is done may exit with it running.
    this.worker.unref();
  }

  /** Closes the thread's connection and waits (up to 5 s) until it has, so the writer's close is the last. */
  stop(): void {
    if (Atomics.load(this.stopped, 0) === 1) return;
    this.worker.postMessage("stop");
    Atomics.wait(this.stopped, 0, 0, 5_000);
  }
}
