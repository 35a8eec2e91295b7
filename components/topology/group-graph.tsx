"use client";

import { Background, Controls, ReactFlow, type Edge, type Node, type ReactFlowInstance } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo, useRef } from "react";
import type { Verdict } from "@/lib/dashboard/diagnosis";
import type { GroupView } from "@/lib/dashboard/groups";
import type { LwsView, PodView } from "@/lib/dashboard/view-models";
import type { GroupLayout } from "./group-layout";
import { GroupNode, type GroupNodeData } from "./group-node";
import { useGroupTopology } from "./use-group-topology";

const NODE_TYPES = { lwsGroup: GroupNode };
// Drawing every pod's name stops being useful (and cheap) past this many groups: pills instead.
const EXPAND_LIMIT = 24;
const HELP_ID = "group-topology-keys";

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
}

/** The LWS node and one node per group, where the layout puts them. */
function graphNodes(props: GroupGraphProps, layout: GroupLayout, expanded: readonly boolean[], onToggle: (index: number) => void): Node[] {
  const { lws, groups, currentRevision, partition, subGroupSize, verdicts, selectedPod, onSelectPod } = props;
  // Sizes known up front: React Flow hides a node it has no size for until it measures it, and
  // every node object replaced (a live update, the tab stop moving) would blink out, losing clicks.
  const root: Node = { id: "lws", position: { x: layout.width / 2 - 90, y: 0 }, data: { label: `LeaderWorkerSet ${lws.metadata.name}` }, type: "input", style: { width: 180 }, initialWidth: 180, initialHeight: 60 };
  const groupNodes: Node<GroupNodeData>[] = groups.map((group, i) => ({
    id: `group-${group.index}`,
    type: "lwsGroup",
    position: { x: layout.nodes[i].x, y: layout.nodes[i].y },
    initialWidth: layout.nodes[i].width,
    initialHeight: layout.nodes[i].height,
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
export function GroupGraph({ lws, groups, currentRevision, partition, subGroupSize, verdicts, selectedPod, onSelectPod }: GroupGraphProps) {
  const flow = useRef<ReactFlowInstance | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const expandedByDefault = groups.length <= EXPAND_LIMIT;
  const { expanded, layout, current, toggle, onKeyDown, onFocus } = useGroupTopology(container, flow, groups, expandedByDefault ? "expanded" : "collapsed", subGroupSize);
  const base = useMemo(
    () => graphNodes({ lws, groups, currentRevision, partition, subGroupSize, verdicts, selectedPod, onSelectPod }, layout, expanded, toggle),
    [lws, groups, currentRevision, partition, subGroupSize, verdicts, selectedPod, onSelectPod, layout, expanded, toggle],
  );
  // Only the node holding the tab stop changes when focus moves, so React Flow redraws that one.
  const nodes = useMemo(() => base.map((node, i) => (i === current.group + 1 ? { ...node, data: { ...node.data, tabStop: current.pod ?? "header" } } : node)), [base, current.group, current.pod]);
  const edges: Edge[] = useMemo(() => (groups.length <= 200 ? groups.map((g) => ({ id: `e-${g.index}`, source: "lws", target: `group-${g.index}` })) : []), [groups]);
  // A large LWS opens on its first rows, readable, rather than on all of it at an unreadable zoom.
  const fitViewOptions = useMemo(() => (expandedByDefault ? undefined : { nodes: [{ id: "lws" }, ...groups.slice(0, layout.columns * 3).map((g) => ({ id: `group-${g.index}` }))] }), [expandedByDefault, groups, layout.columns]);
  return (
    <div ref={container} role="group" aria-label="Group topology" aria-describedby={HELP_ID} onKeyDown={onKeyDown} onFocus={onFocus} className="h-[560px] rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <p id={HELP_ID} className="sr-only">Arrow keys move between groups and into an expanded group&apos;s pods; Enter toggles a group or opens a pod; Escape collapses; Home and End go to the first and last group.</p>
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={NODE_TYPES} onInit={(instance) => (flow.current = instance)} fitView fitViewOptions={fitViewOptions} minZoom={0.05} nodesDraggable={false} nodesConnectable={false} nodesFocusable={false} edgesFocusable={false} panActivationKeyCode={null} proOptions={{ hideAttribution: true }} onlyRenderVisibleElements>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
