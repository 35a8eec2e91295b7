import type { Rect } from "./group-layout";

/** Where keyboard focus is in the topology: a group's header, or one of its pods (leader first). */
export interface TopologyFocus {
  /** position of the group in the graph, not its group index */
  group: number;
  pod?: number;
}

export interface TopologyShape {
  count: number;
  columns: number;
  expanded(group: number): boolean;
  pods(group: number): number;
}

/** What a key does: focus moves, and an Escape also collapses a group. */
export interface KeyOutcome {
  focus: TopologyFocus;
  collapse?: number;
}

/** The focus still valid after groups went away or a group collapsed. */
export function clampFocus(focus: TopologyFocus, shape: TopologyShape): TopologyFocus {
  const group = Math.max(0, Math.min(focus.group, shape.count - 1));
  if (focus.pod === undefined || !shape.expanded(group) || shape.pods(group) === 0) return { group };
  return { group, pod: Math.min(focus.pod, shape.pods(group) - 1) };
}

function header(group: number): KeyOutcome {
  return { focus: { group } };
}

/** Down: into an expanded group's pods, through them, then to the group below. */
function down({ group, pod }: TopologyFocus, shape: TopologyShape): KeyOutcome {
  const pods = shape.expanded(group) ? shape.pods(group) : 0;
  if ((pod ?? -1) + 1 < pods) return { focus: { group, pod: (pod ?? -1) + 1 } };
  const lastRow = Math.floor((shape.count - 1) / shape.columns);
  if (Math.floor(group / shape.columns) === lastRow) return { focus: { group, pod } };
  return header(Math.min(group + shape.columns, shape.count - 1));
}

/** Up: back through the pods to the header, then to the last pod (or header) of the group above. */
function up({ group, pod }: TopologyFocus, shape: TopologyShape): KeyOutcome {
  if (pod !== undefined) return pod > 0 ? { focus: { group, pod: pod - 1 } } : header(group);
  const above = group - shape.columns;
  if (above < 0) return header(group);
  const pods = shape.expanded(above) ? shape.pods(above) : 0;
  return pods > 0 ? { focus: { group: above, pod: pods - 1 } } : header(above);
}

/**
 * The topology's keys, as a grid of groups with each expanded group a list of pods: arrows move,
 * Home/End jump to the first/last group, Escape collapses. Enter and Space are left to the buttons
 * (toggle a group, open a pod). undefined: the key is not the topology's.
 */
export function topologyKey(key: string, focus: TopologyFocus, shape: TopologyShape): KeyOutcome | undefined {
  if (shape.count === 0) return undefined;
  switch (key) {
    case "ArrowRight":
      return header(Math.min(focus.group + 1, shape.count - 1));
    case "ArrowLeft":
      return header(Math.max(focus.group - 1, 0));
    case "ArrowDown":
      return down(focus, shape);
    case "ArrowUp":
      return up(focus, shape);
    case "Home":
      return header(0);
    case "End":
      return header(shape.count - 1);
    case "Escape":
      return shape.expanded(focus.group) ? { focus: { group: focus.group }, collapse: focus.group } : undefined;
    default:
      return undefined;
  }
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The viewport that brings `rect` (flow coordinates) into a pane of `pane` px with the least panning; undefined when it is in view. */
export function revealRect(rect: Rect, viewport: Viewport, pane: { width: number; height: number }, margin = 16): Viewport | undefined {
  const shift = (start: number, size: number, paneSize: number) => {
    const end = start + size;
    if (start < margin || size > paneSize - 2 * margin) return margin - start;
    if (end > paneSize - margin) return paneSize - margin - end;
    return 0;
  };
  const dx = shift(rect.x * viewport.zoom + viewport.x, rect.width * viewport.zoom, pane.width);
  const dy = shift(rect.y * viewport.zoom + viewport.y, rect.height * viewport.zoom, pane.height);
  return dx === 0 && dy === 0 ? undefined : { x: viewport.x + dx, y: viewport.y + dy, zoom: viewport.zoom };
}
