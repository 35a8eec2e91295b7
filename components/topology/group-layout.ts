import type { GroupView } from "@/lib/dashboard/groups";
import type { PodView } from "@/lib/dashboard/view-models";

/** "expanded": every group drawn with its pods' names (small LWS); "collapsed": pod pills, a group expands on demand. */
export type LayoutKind = "expanded" | "collapsed";

export const COLUMNS: Record<LayoutKind, number> = { expanded: 6, collapsed: 10 };
/** A group node's width in px, expanded or not (the node draws itself this wide). */
export const NODE_WIDTH = { expanded: 288, collapsed: 176 };
const GAP = 22;
const COLUMN_WIDTH: Record<LayoutKind, number> = { expanded: NODE_WIDTH.expanded + GAP, collapsed: NODE_WIDTH.collapsed + 24 };
// Rows start below the LWS node.
const FIRST_ROW_TOP = 110;
// Pod pills in a collapsed node: about this many to a line.
const PILLS_PER_LINE = 10;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GroupLayout {
  /** one per group, in the order given: where its node is drawn and how big it is */
  nodes: Rect[];
  columns: number;
  /** of all the rows */
  width: number;
}

/** How tall a group node is, room below it included, with `pods` pods in `boxes` sub-group boxes. */
export function nodeHeight(expanded: boolean, pods: number, boxes: number): number {
  if (expanded) return 90 + pods * 22 + (boxes > 1 ? boxes * 8 : 0);
  return 110 + Math.max(0, Math.ceil(pods / PILLS_PER_LINE) - 3) * 14;
}

/** Roughly where pod `pod` of an expanded node sits (header and badges above it), to pan it into view. */
export function podRect(node: Rect, pod: number): Rect {
  return { x: node.x, y: node.y + 50 + pod * 22, width: node.width, height: 22 };
}

/**
 * Groups in rows of `COLUMNS[kind]`, row-major by position. A column is as wide as its widest node and a
 * row as tall as its tallest, so an expanded group pushes its column's right-hand neighbours over and the
 * rows below it down instead of covering them; nothing changes row or column. O(groups).
 */
export function layoutGroups(expanded: readonly boolean[], podsPerGroup: number, boxesPerGroup: number, kind: LayoutKind): GroupLayout {
  const columns = COLUMNS[kind];
  const columnWidths = new Array<number>(Math.min(columns, expanded.length)).fill(COLUMN_WIDTH[kind]);
  const rowHeights = new Array<number>(Math.ceil(expanded.length / columns)).fill(0);
  expanded.forEach((open, i) => {
    if (open) columnWidths[i % columns] = Math.max(columnWidths[i % columns], COLUMN_WIDTH.expanded);
    const row = Math.floor(i / columns);
    rowHeights[row] = Math.max(rowHeights[row], nodeHeight(open, podsPerGroup, boxesPerGroup));
  });
  const columnX = prefixSums(columnWidths, 0);
  const rowY = prefixSums(rowHeights, FIRST_ROW_TOP);
  const nodes = expanded.map((open, i) => ({
    x: columnX[i % columns],
    y: rowY[Math.floor(i / columns)],
    width: open ? NODE_WIDTH.expanded : NODE_WIDTH.collapsed,
    height: nodeHeight(open, podsPerGroup, boxesPerGroup),
  }));
  return { nodes, columns, width: columnX[columnWidths.length] ?? 0 };
}

/** [start, start + a0, start + a0 + a1, ...]: one more entry than `values`. */
function prefixSums(values: readonly number[], start: number): number[] {
  const sums = [start];
  for (const value of values) sums.push(sums[sums.length - 1] + value);
  return sums;
}

/** A group's pods in sub-group boxes (leader first): the order they are drawn and walked by keyboard in. */
export function subGroups(group: GroupView, size?: number): PodView[][] {
  const pods = [group.leader, ...group.workers].filter((p): p is PodView => p !== undefined);
  if (!size) return [pods];
  const boxes = new Map<number, PodView[]>();
  for (const pod of pods) {
    const key = pod.subGroupIndex ?? -1;
    const box = boxes.get(key);
    if (box) box.push(pod);
    else boxes.set(key, [pod]);
  }
  return [...boxes.entries()].sort(([a], [b]) => a - b).map(([, list]) => list);
}
