import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { SqlitePersistence } from "./persistence";

const row = (name: string, rv: number) => ({ resource: "pods", namespace: "default", name, rv, json: JSON.stringify({ metadata: { name } }) });

describe("SqlitePersistence", () => {
  it("upserts and deletes rows by key and keeps the resourceVersion counter", () => {
    const path = join(mkdtempSync(join(tmpdir(), "lws-persist-")), "cluster.db");
    const db = new SqlitePersistence(path);
    db.commit([{ kind: "put", row: row("a", 1) }, { kind: "put", row: row("b", 2) }], 2);
    db.commit([{ kind: "put", row: row("a", 3) }, { kind: "delete", resource: "pods", namespace: "default", name: "b" }], 4);
    db.close();
    const reopened = new SqlitePersistence(path);
    expect([...reopened.rows()].map((r) => [r.name, r.rv])).toEqual([["a", 3]]);
    expect(reopened.lastResourceVersion()).toBe(4);
    reopened.close();
  });

  it("migrates a database written by earlier versions (a WITHOUT ROWID table)", () => {
    const path = join(mkdtempSync(join(tmpdir(), "lws-persist-")), "cluster.db");
    const old = new Database(path);
    old.exec(`
      CREATE TABLE objects (resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, rv INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (resource, namespace, name)) WITHOUT ROWID;
      CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO objects VALUES ('pods', 'default', 'kept', 7, '{"metadata":{"name":"kept"}}');
      INSERT INTO meta VALUES ('resourceVersion', 7);
    `);
    old.close();
    const db = new SqlitePersistence(path);
    expect([...db.rows()].map((r) => r.name)).toEqual(["kept"]);
    db.commit([{ kind: "put", row: row("kept", 8) }], 8);
    expect([...db.rows()].map((r) => [r.name, r.rv])).toEqual([["kept", 8]]);
    db.close();
  });
});
