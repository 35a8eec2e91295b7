import { describe, expect, it } from "vitest";
import type { GroupView } from "@/lib/dashboard/groups";
import type { PodView } from "@/lib/dashboard/view-models";
import { COLUMNS, layoutGroups, NODE_WIDTH, subGroups, type Rect } from "./group-layout";

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function expandedSet(count: number, open: Iterable<number>, byDefault = false): boolean[] {
  const toggled = new Set(open);
  return Array.from({ length: count }, (_, i) => byDefault !== toggled.has(i));
}

/** Pairs of overlapping nodes; neighbours only (same or next row), which is where overlaps can happen. */
function overlapping(nodes: Rect[], columns: number): string[] {
  const found: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < Math.min(nodes.length, i + 2 * columns); j++) if (overlaps(nodes[i], nodes[j])) found.push(`${i}×${j}`);
  }
  return found;
}

describe("layoutGroups", () => {
  it.each([
    ["1,000 collapsed groups", 1000, [], 2, "collapsed" as const],
    ["one expanded group in a row of collapsed ones", 1000, [3], 2, "collapsed" as const],
    ["expanded groups in neighbouring columns and rows", 1000, [0, 1, 10, 11, 25, 999], 4, "collapsed" as const],
    ["a whole row expanded, groups of 16", 40, [10, 11, 12, 13, 14, 15, 16, 17, 18, 19], 16, "collapsed" as const],
    ["the last, short row expanded", 25, [20, 24], 8, "collapsed" as const],
    ["a small LWS, all expanded", 12, [], 4, "expanded" as const],
  ])("overlaps nothing: %s", (_, count, open, pods, kind) => {
    const layout = layoutGroups(expandedSet(count, open, kind === "expanded"), pods, 1, kind);
    expect(layout.nodes).toHaveLength(count);
    expect(overlapping(layout.nodes, layout.columns)).toEqual([]);
  });

  it("keeps every group in its row and column: an expanded one widens its column and heightens its row", () => {
    const closed = layoutGroups(expandedSet(30, []), 2, 1, "collapsed");
    const open = layoutGroups(expandedSet(30, [13]), 2, 1, "collapsed");
    expect(open.nodes[13]).toMatchObject({ x: closed.nodes[13].x, y: closed.nodes[13].y, width: NODE_WIDTH.expanded });
    // right of its column, every row moves over by the same room, clear of it; left of it stays
    const moved = [4, 14, 24].map((i) => open.nodes[i].x - closed.nodes[i].x);
    expect(new Set(moved).size).toBe(1);
    expect(open.nodes[14].x).toBeGreaterThan(open.nodes[13].x + open.nodes[13].width);
    for (const i of [2, 12, 22]) expect(open.nodes[i].x).toBe(closed.nodes[i].x);
    // rows above keep their place, rows below move down
    expect(open.nodes[5].y).toBe(closed.nodes[5].y);
    expect(open.nodes[25].y).toBeGreaterThan(closed.nodes[25].y);
    expect(open.width).toBeGreaterThan(closed.width);
  });

  it("lays out rows of COLUMNS groups, row-major", () => {
    const layout = layoutGroups(expandedSet(25, []), 2, 1, "collapsed");
    const rows = new Set(layout.nodes.map((n) => n.y));
    expect(rows.size).toBe(Math.ceil(25 / COLUMNS.collapsed));
    expect(layout.nodes[COLUMNS.collapsed].x).toBe(layout.nodes[0].x);
    expect(layout.nodes[COLUMNS.collapsed].y).toBeGreaterThan(layout.nodes[0].y);
  });

  it("lays out 1,000 groups with some expanded in well under a frame", () => {
    const expanded = expandedSet(1000, [5, 50, 500]);
    const started = performance.now();
    for (let i = 0; i < 10; i++) layoutGroups(expanded, 8, 2, "collapsed");
    expect((performance.now() - started) / 10).toBeLessThan(16);
  });
});

describe("subGroups", () => {
  const pod = (name: string, workerIndex: number, subGroupIndex?: number) => ({ name, uid: name, workerIndex, subGroupIndex }) as PodView;
  const group = { index: 0, leader: pod("g-0", 0, 0), workers: [pod("g-0-1", 1, 0), pod("g-0-2", 2, 1), pod("g-0-3", 3, 1)], size: 4 } as GroupView;

  it.each([
    ["no sub-groups: one box, leader first", undefined, [["g-0", "g-0-1", "g-0-2", "g-0-3"]]],
    ["sub-groups of 2: one box each, in order", 2, [["g-0", "g-0-1"], ["g-0-2", "g-0-3"]]],
  ])("%s", (_, size, boxes) => {
    expect(subGroups(group, size).map((box) => box.map((p) => p.name))).toEqual(boxes);
  });
});
