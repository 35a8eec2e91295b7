import { describe, expect, it } from "vitest";
import { ChangeLog, type LoggedChange } from "./change-log";

const change = (id: string): LoggedChange => ({ id, change: { kind: "pod", type: "delete", key: `default/${id}` } });
const ids = (entries: LoggedChange[] | undefined) => entries?.map((e) => e.id);

describe("the hub's log of recent changes", () => {
  it("gives what came after an id, while the id is still held", () => {
    const log = new ChangeLog(3);
    expect(log.lastId()).toBeUndefined();
    for (const id of ["1", "2", "3"]) log.append(change(id));
    expect(ids(log.after("1"))).toEqual(["2", "3"]);
    expect(ids(log.after("3"))).toEqual([]);
    log.append(change("4"));
    expect(log.after("1")).toBeUndefined();
    expect(ids(log.after("2"))).toEqual(["3", "4"]);
    expect(log.lastId()).toBe("4");
    expect(log.after("99")).toBeUndefined();
  });

  it("resumes after the latest entry of a repeated id, and keeps the id while one of its entries is held", () => {
    const log = new ChangeLog(3);
    for (const id of ["5", "5", "6"]) log.append(change(id));
    expect(ids(log.after("5"))).toEqual(["6"]);
    log.append(change("7"));
    expect(ids(log.after("5"))).toEqual(["6", "7"]);
    log.append(change("8"));
    expect(log.after("5")).toBeUndefined();
  });

  it("stays exact across many laps of the ring", () => {
    const log = new ChangeLog(100);
    for (let i = 0; i < 1_000; i++) log.append(change(String(i)));
    expect(ids(log.after("950"))).toEqual(Array.from({ length: 49 }, (_, i) => String(951 + i)));
    expect(log.after("899")).toBeUndefined();
    expect(ids(log.after("900"))).toHaveLength(99);
  });
});
