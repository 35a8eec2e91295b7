import Database from "better-sqlite3";

/** One durable row: an object's latest state under its key. */
export interface PersistedRow {
  resource: string;
  namespace: string;
  name: string;
  rv: number;
  json: string;
}

export type PersistOp = { kind: "put"; row: PersistedRow } | { kind: "delete"; resource: string; namespace: string; name: string };

/**
 * SQLite (WAL) persistence for the store. Every commit is one transaction that also records
 * the global resourceVersion counter, so resourceVersions keep increasing across restarts even
 * when the newest object was deleted.
 */
export class SqlitePersistence {
  private readonly db: Database.Database;
  private readonly putStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly rvStmt: Database.Statement;
  private readonly commitTx: (ops: readonly PersistOp[], rv: number) => void;

  constructor(path: string, synchronous: "NORMAL" | "FULL" = "NORMAL") {
    this.db = new Database(path);
    // Rows are whole objects (1-5 KB): 16 KiB pages keep most of a pod on one page (set before the first table).
    this.db.pragma("page_size = 16384");
    // One process owns the database: exclusive locking spares a shared-memory lock per transaction.
    this.db.pragma("locking_mode = EXCLUSIVE");
    this.db.pragma("journal_mode = WAL");
    // NORMAL in WAL mode survives a killed process (the WAL is in the OS page cache); FULL also survives power loss.
    this.db.pragma(`synchronous = ${synchronous}`);
    this.createSchema();
    this.putStmt = this.db.prepare(
      "INSERT INTO objects (resource, namespace, name, rv, json) VALUES (?, ?, ?, ?, ?) " +
        "ON CONFLICT (resource, namespace, name) DO UPDATE SET rv = excluded.rv, json = excluded.json",
    );
    this.deleteStmt = this.db.prepare("DELETE FROM objects WHERE resource = ? AND namespace = ? AND name = ?");
    this.rvStmt = this.db.prepare("INSERT INTO meta (key, value) VALUES ('resourceVersion', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    this.commitTx = this.db.transaction((ops: readonly PersistOp[], rv: number) => {
      for (const op of ops) {
        // Positional parameters: binding by name costs a lookup per parameter per row.
        if (op.kind === "put") this.putStmt.run(op.row.resource, op.row.namespace, op.row.name, op.row.rv, op.row.json);
        else this.deleteStmt.run(op.resource, op.namespace, op.name);
      }
      this.rvStmt.run(rv);
    });
  }

  /**
   * A rowid table with a unique key: rows this large cost twice as much to write in a
   * WITHOUT ROWID table (measured: 18 → 8 µs a row), which earlier versions used; those are
   * migrated in place.
   */
  private createSchema(): void {
    const existing = this.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'objects'").get() as { sql: string } | undefined;
    this.db.transaction(() => {
      if (existing?.sql.includes("WITHOUT ROWID")) this.db.exec("ALTER TABLE objects RENAME TO objects_without_rowid");
      this.db.exec(`
        CREATE TABLE IF NOT EXISTS objects (resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, rv INTEGER NOT NULL, json TEXT NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS objects_key ON objects (resource, namespace, name);
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
      `);
      if (existing?.sql.includes("WITHOUT ROWID")) this.db.exec("INSERT INTO objects SELECT resource, namespace, name, rv, json FROM objects_without_rowid; DROP TABLE objects_without_rowid;");
    })();
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
    yield* this.db.prepare("SELECT resource, namespace, name, rv, json FROM objects").iterate() as IterableIterator<PersistedRow>;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
