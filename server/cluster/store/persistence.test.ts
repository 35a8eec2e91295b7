import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { SqlitePersistence } from "./persistence";

const row = (id: number, name: string, rv: number) => ({ id, resource: "pods", namespace: "default", name, rv, json: JSON.stringify({ metadata: { name } }) });
const dbFile = () => join(mkdtempSync(join(tmpdir(), "lws-persist-")), "cluster.db");

describe("SqlitePersistence", () => {
  it("inserts, updates and deletes rows by id and keeps the resourceVersion counter", () => {
    const path = dbFile();
    const db = new SqlitePersistence(path);
    db.commit([{ kind: "insert", row: row(1, "a", 1) }, { kind: "insert", row: row(2, "b", 2) }], 2);
    db.commit([{ kind: "update", id: 1, rv: 3, json: '{"metadata":{"name":"a","x":1}}' }, { kind: "delete", id: 2 }], 4);
    db.close();
    const reopened = new SqlitePersistence(path);
    expect([...reopened.rows()].map((r) => [r.id, r.name, r.rv, r.json])).toEqual([[1, "a", 3, '{"metadata":{"name":"a","x":1}}']]);
    expect(reopened.lastResourceVersion()).toBe(4);
    reopened.close();
  });

  it("writes nothing of a transaction that fails (an id taken twice)", () => {
    const db = new SqlitePersistence(dbFile());
    db.commit([{ kind: "insert", row: row(1, "a", 1) }], 1);
    expect(() => db.commit([{ kind: "insert", row: row(2, "b", 2) }, { kind: "insert", row: row(1, "c", 3) }], 3)).toThrow(/UNIQUE/);
    expect([...db.rows()].map((r) => r.name)).toEqual(["a"]);
    expect(db.lastResourceVersion()).toBe(1);
    db.close();
  });

  const columns = "resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, rv INTEGER NOT NULL, json TEXT NOT NULL";
  it.each([
    ["keyed by name without a rowid", `CREATE TABLE objects (${columns}, PRIMARY KEY (resource, namespace, name)) WITHOUT ROWID;`],
    ["keyed by a unique index on names", `CREATE TABLE objects (${columns}); CREATE UNIQUE INDEX objects_key ON objects (resource, namespace, name);`],
  ])("migrates a database written by earlier versions (%s)", (_, objectsTable) => {
    const path = dbFile();
    const old = new Database(path);
    old.exec(`
      ${objectsTable}
      CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO objects VALUES ('pods', 'default', 'kept', 7, '{"metadata":{"name":"kept"}}');
      INSERT INTO meta VALUES ('resourceVersion', 7);
    `);
    old.close();
    const db = new SqlitePersistence(path);
    const [kept] = [...db.rows()];
    expect(kept).toMatchObject({ name: "kept", rv: 7 });
    db.commit([{ kind: "update", id: kept.id, rv: 8, json: kept.json }], 8);
    expect([...db.rows()].map((r) => [r.name, r.rv])).toEqual([["kept", 8]]);
    db.close();
    const indexes = new Database(path).prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'objects'").all();
    expect(indexes).toEqual([]);
  });

  it("refuses a second writer on the same database while the first has it open", () => {
    const path = dbFile();
    const first = new SqlitePersistence(path);
    expect(() => new SqlitePersistence(path)).toThrow(`${path}.lock is held by another process: another LWS Console runs on this data directory`);
    first.close();
    const second = new SqlitePersistence(path);
    second.close();
  });

  it("lets go of the data directory when its database cannot be opened", () => {
    const path = dbFile();
    writeFileSync(path, "not a database, but long enough to be read as one's header: ".repeat(4));
    expect(() => new SqlitePersistence(path)).toThrow(/file is not a database/);
    rmSync(path);
    const db = new SqlitePersistence(path);
    db.close();
  });

  it("checkpoints the WAL from its own thread, and the writer's close leaves no WAL behind", async () => {
    const path = dbFile();
    let checkpointed = 0;
    const db = new SqlitePersistence(path, { onCheckpoint: (report) => (checkpointed = report.checkpointed) });
    const json = JSON.stringify({ data: "x".repeat(4_000) });
    db.commit(Array.from({ length: 200 }, (_, i) => ({ kind: "insert" as const, row: { ...row(i + 1, `p${i}`, i + 1), json } })), 200);
    await expect.poll(() => checkpointed, { timeout: 5_000 }).toBeGreaterThan(0);
    // The data is in the database file itself now, not only in the WAL.
    expect(statSync(path).size).toBeGreaterThan(200 * 4_000);
    db.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const reopened = new SqlitePersistence(path);
    expect([...reopened.rows()]).toHaveLength(200);
    reopened.close();
  });
});
