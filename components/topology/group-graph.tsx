"use client";

import { Background, Controls, getViewportForBounds, Position, ReactFlow, type Edge, type Node, type ReactFlowInstance } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo, useRef } from "react";
import type { Verdict } from "@/lib/dashboard/diagnosis";
import type { GroupView } from "@/lib/dashboard/groups";
import type { LwsView, PodView } from "@/lib/dashboard/view-models";
import type { GroupLayout, Rect } from "./group-layout";
import { useTheme } from "../ui/theme-toggle";
import { GroupNode, type GroupNodeData } from "./group-node";
import { useGroupTopology } from "./use-group-topology";

const NODE_TYPES = { lwsGroup: GroupNode };
// Drawing every pod's name stops being useful (and cheap) past this many groups: pills instead.
const EXPAND_LIMIT = 24;
const HELP_ID = "group-topology-keys";
const MIN_ZOOM = 0.05;

/** What the graph opens on: the LWS node and the first `count` groups. */
function openingBounds(layout: GroupLayout, count: number): Rect {
  const shown = layout.nodes.slice(0, Math.max(1, count));
  const left = Math.min(...shown.map((n) => n.x));
  const right = Math.max(...shown.map((n) => n.x + n.width));
  return { x: left, y: 0, width: right - left, height: Math.max(...shown.map((n) => n.y + n.height)) };
}

export interface GroupGraphProps {
  lws: LwsView;
  groups: GroupView[];
  currentRevision?: string;
  partition: number;
  subGroupSize?: number;
  /** diagnosis verdicts by group index */
  verdicts?: ReadonlyMap<number, Verdict>;
  selectedPod?: string;
  onSelectPod: (pod: PodView) => void;
  /** the group index the page's URL names: the graph opens on it, expanded */
  linkedGroup?: number;
}

/** The LWS node and one node per group, where the layout puts them. */
function graphNodes(props: GroupGraphProps, layout: GroupLayout, expanded: readonly boolean[], onToggle: (index: number) => void): Node[] {
  const { lws, groups, currentRevision, partition, subGroupSize, verdicts, selectedPod, onSelectPod } = props;
  // Sizes and handles known up front. React Flow hides a node it has no size for until it measures
  // it (a replaced node object would blink out, losing clicks), and draws every node whose handles
  // it has not measured, visible or not: 1,000 groups would all be in the DOM after each update.
  const root: Node = { id: "lws", position: { x: layout.width / 2 - 90, y: 0 }, data: { label: `LeaderWorkerSet ${lws.metadata.name}` }, type: "input", style: { width: 180 }, initialWidth: 180, initialHeight: 60, handles: [{ type: "source", position: Position.Bottom, x: 90, y: 60 }] };
  const groupNodes: Node<GroupNodeData>[] = groups.map((group, i) => ({
    id: `group-${group.index}`,
    type: "lwsGroup",
    position: { x: layout.nodes[i].x, y: layout.nodes[i].y },
    initialWidth: layout.nodes[i].width,
    initialHeight: layout.nodes[i].height,
    handles: [{ type: "target", position: Position.Top, x: layout.nodes[i].width / 2, y: 0 }],
    data: {
      group,
      expanded: expanded[i],
      subGroupSize,
      oldRevision: !!currentRevision && !!group.revision && group.revision !== currentRevision,
      belowPartition: group.index < partition,
      verdict: verdicts?.get(group.index),
      selectedPod,
      onSelectPod,
      onToggle,
    },
  }));
  return [root, ...groupNodes];
}

/**
 * The LWS → groups → leader/workers picture (React Flow), one node per group so 1,000 groups stay
 * interactive. One tab stop: arrows, Home/End and Escape move within it (topology-keys.ts), Enter and
 * Space toggle a group or open a pod.
 */
export function GroupGraph({ lws, groups, currentRevision, partition, subGroupSize, verdicts, selectedPod, onSelectPod, linkedGroup }: GroupGraphProps) {
  const flow = useRef<ReactFlowInstance | null>(null);
  const container = useRef<HTMLDivElement>(null);
  // React Flow's own parts (the LWS node, the zoom controls) follow our theme, not the system's.
  const colorMode = useTheme();
  const expandedByDefault = groups.length <= EXPAND_LIMIT;
  const { expanded, layout, current, toggle, onKeyDown, onFocus } = useGroupTopology(container, flow, groups, expandedByDefault ? "expanded" : "collapsed", selectedPod, subGroupSize, linkedGroup);
  const base = useMemo(
    () => graphNodes({ lws, groups, currentRevision, partition, subGroupSize, verdicts, selectedPod, onSelectPod }, layout, expanded, toggle),
    [lws, groups, currentRevision, partition, subGroupSize, verdicts, selectedPod, onSelectPod, layout, expanded, toggle],
  );
  // Only the node holding the tab stop changes when focus moves, so React Flow redraws that one.
  const nodes = useMemo(() => base.map((node, i) => (i === current.group + 1 ? { ...node, data: { ...node.data, tabStop: current.pod ?? "header" } } : node)), [base, current.group, current.pod]);
  const edges: Edge[] = useMemo(() => (groups.length <= 200 ? groups.map((g) => ({ id: `e-${g.index}`, source: "lws", target: `group-${g.index}` })) : []), [groups]);
  // A large LWS opens on its first rows, readable, rather than on all of it at an unreadable zoom.
  // A group the URL names is what it opens on.
  const linked = groups.findIndex((g) => g.index === linkedGroup);
  const opening = linked >= 0 ? layout.nodes[linked] : openingBounds(layout, expandedByDefault ? groups.length : layout.columns * 3);
  return (
    <div ref={container} role="group" aria-label="Group topology" aria-describedby={HELP_ID} onKeyDown={onKeyDown} onFocus={onFocus} className="h-[560px] rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <p id={HELP_ID} className="sr-only">Arrow keys move between groups and into an expanded group&apos;s pods; Enter toggles a group or opens a pod; Escape collapses; Home and End go to the first and last group.</p>
      <ReactFlow colorMode={colorMode} nodes={nodes} edges={edges} nodeTypes={NODE_TYPES} onInit={(instance) => {
          flow.current = instance;
          // Fitted from the layout, not by React Flow's fitView, which waits until every node has been measured: with culling, the ones out of view never are.
          const box = container.current;
          if (box) void instance.setViewport(getViewportForBounds(opening, box.clientWidth, box.clientHeight, MIN_ZOOM, 1, 0.1));
        }} minZoom={MIN_ZOOM} nodesDraggable={false} nodesConnectable={false} nodesFocusable={false} edgesFocusable={false} panActivationKeyCode={null} proOptions={{ hideAttribution: true }} onlyRenderVisibleElements>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
