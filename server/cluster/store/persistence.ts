import Database from "better-sqlite3";
import { WalCheckpointer, type CheckpointReport } from "./wal-checkpointer";

/** One durable row: an object's latest state. `id` is the row's key; the store keeps it with the object. */
export interface PersistedRow {
  id: number;
  resource: string;
  namespace: string;
  name: string;
  rv: number;
  json: string;
}

export type PersistOp =
  | { kind: "insert"; row: PersistedRow }
  | { kind: "update"; id: number; rv: number; json: string }
  | { kind: "delete"; id: number };

/**
 * SQLite (WAL) persistence for the store. Every commit is one transaction that also records
 * the global resourceVersion counter, so resourceVersions keep increasing across restarts even
 * when the newest object was deleted.
 *
 * Rows are keyed by an integer id the store hands out, not by (resource, namespace, name): the
 * store holds every key in memory already, and an index on names costs each insert a write to
 * a random index page (16 KiB of WAL for ~1.5 KB of event), measured 47 → 11 µs a row.
 */
export class SqlitePersistence {
  private readonly db: Database.Database;
  private readonly lock: Database.Database | undefined;
  private readonly checkpointer: WalCheckpointer | undefined;
  private readonly insertStmt: Database.Statement;
  private readonly updateStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly rvStmt: Database.Statement;
  private readonly commitTx: (ops: readonly PersistOp[], rv: number) => void;

  constructor(path: string, options: { synchronous?: "NORMAL" | "FULL"; onCheckpoint?: (report: CheckpointReport) => void } = {}) {
    const onDisk = path !== ":memory:" && path !== "";
    this.lock = onDisk ? holdExclusively(`${path}.lock`) : undefined;
    try {
      this.db = openDatabase(path, options.synchronous ?? "NORMAL");
    } catch (err) {
      this.lock?.close();
      throw err;
    }
    if (onDisk) this.checkpointer = this.checkpointElsewhere(path, options.onCheckpoint);
    // Positional parameters: binding by name costs a lookup per parameter per row.
    this.insertStmt = this.db.prepare("INSERT INTO objects (id, resource, namespace, name, rv, json) VALUES (?, ?, ?, ?, ?, ?)");
    this.updateStmt = this.db.prepare("UPDATE objects SET rv = ?, json = ? WHERE id = ?");
    this.deleteStmt = this.db.prepare("DELETE FROM objects WHERE id = ?");
    this.rvStmt = this.db.prepare("INSERT INTO meta (key, value) VALUES ('resourceVersion', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    this.commitTx = this.db.transaction((ops: readonly PersistOp[], rv: number) => {
      for (const op of ops) this.apply(op);
      this.rvStmt.run(rv);
    });
  }

  /** Without a thread (it failed to start, or later), the writer's connection checkpoints as SQLite does by default. */
  private checkpointElsewhere(path: string, onReport?: (report: CheckpointReport) => void): WalCheckpointer | undefined {
    const checkpointHere = (err: unknown) => {
      console.error(`store: the checkpointer of ${path} failed; checkpointing on the writer's thread again:`, err);
      if (this.db.open) this.db.pragma("wal_autocheckpoint = 1000");
    };
    this.db.pragma("wal_autocheckpoint = 0");
    try {
      return new WalCheckpointer(path, { onReport, onFailure: checkpointHere });
    } catch (err) {
      checkpointHere(err);
      return undefined;
    }
  }

  private apply(op: PersistOp): void {
    if (op.kind === "insert") this.insertStmt.run(op.row.id, op.row.resource, op.row.namespace, op.row.name, op.row.rv, op.row.json);
    else if (op.kind === "update") this.updateStmt.run(op.rv, op.json, op.id);
    else this.deleteStmt.run(op.id);
  }

  /** Writes the ops atomically; returns only once SQLite has committed them. */
  commit(ops: readonly PersistOp[], rv: number): void {
    this.commitTx(ops, rv);
  }

  lastResourceVersion(): number {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'resourceVersion'").get() as { value: number } | undefined;
    return row?.value ?? 0;
  }

  *rows(): IterableIterator<PersistedRow> {
    yield* this.db.prepare("SELECT id, resource, namespace, name, rv, json FROM objects").iterate() as IterableIterator<PersistedRow>;
  }

  /** The checkpointer closes first, so the writer's connection is the last: it checkpoints all and removes the WAL. */
  close(): void {
    this.checkpointer?.stop();
    if (this.db.open) this.db.close();
    if (this.lock?.open) this.lock.close();
  }
}

/**
 * Holds `<database>.lock` while this process has the database open, so a second process on the same
 * data directory fails at once rather than interleaving resourceVersions with the first. SQLite's
 * exclusive locking mode keeps the lock from the first write until the connection closes, and the
 * OS drops it when the process dies, kill -9 included. (The database itself is shared with the
 * checkpointer's connection, so it cannot be opened exclusively.)
 */
function holdExclusively(lockPath: string): Database.Database {
  const lock = new Database(lockPath, { timeout: 0 });
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    // What the file holds does not matter, only its lock: no journal file beside it.
    lock.pragma("journal_mode = MEMORY");
    lock.exec(`CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL); DELETE FROM holder; INSERT INTO holder VALUES (${process.pid});`);
    return lock;
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code !== "SQLITE_BUSY") throw err;
    throw new Error(`${lockPath} is held by another process: another LWS Console runs on this data directory`);
  }
}

function openDatabase(path: string, synchronous: "NORMAL" | "FULL"): Database.Database {
  const db = new Database(path);
  try {
    // Rows are whole objects (1-5 KB): 16 KiB pages keep most of a pod on one page (set before the first table).
    db.pragma("page_size = 16384");
    db.pragma("journal_mode = WAL");
    // NORMAL in WAL mode survives a killed process (the WAL is in the OS page cache); FULL also survives power loss.
    db.pragma(`synchronous = ${synchronous}`);
    createSchema(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Tables of earlier versions (keyed by name, with or without a rowid) are copied into the id-keyed table. */
function createSchema(db: Database.Database): void {
  const columns = db.prepare("SELECT name FROM pragma_table_info('objects')").all() as Array<{ name: string }>;
  const earlier = columns.length > 0 && !columns.some((c) => c.name === "id");
  db.transaction(() => {
    if (earlier) db.exec("ALTER TABLE objects RENAME TO objects_keyed_by_name");
    db.exec(`
      CREATE TABLE IF NOT EXISTS objects (id INTEGER PRIMARY KEY, resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, rv INTEGER NOT NULL, json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
    `);
    if (earlier) {
      db.exec(`
        INSERT INTO objects (resource, namespace, name, rv, json) SELECT resource, namespace, name, rv, json FROM objects_keyed_by_name;
        DROP TABLE objects_keyed_by_name;
      `);
    }
  })();
}
