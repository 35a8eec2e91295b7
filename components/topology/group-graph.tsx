"use client";

import { Background, Controls, ReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo, useState } from "react";
import type { GroupView } from "@/lib/dashboard/groups";
import type { LwsView, PodView } from "@/lib/dashboard/view-models";
import { GroupNode, type GroupNodeData } from "./group-node";

const NODE_TYPES = { lwsGroup: GroupNode };
const COLUMNS = 6;
const COLUMN_WIDTH = 310;
// Drawing every pod's name stops being useful (and cheap) past this many groups: pills instead.
const EXPAND_LIMIT = 24;

export interface GroupGraphProps {
  lws: LwsView;
  groups: GroupView[];
  currentRevision?: string;
  partition: number;
  subGroupSize?: number;
  selectedPod?: string;
  onSelectPod: (pod: PodView) => void;
}

function rowHeight(expanded: boolean, size: number): number {
  return expanded ? 90 + size * 22 : 110;
}

/** The LWS → groups → leader/workers picture (React Flow), one node per group so 1,000 groups stay interactive. */
export function GroupGraph({ lws, groups, currentRevision, partition, subGroupSize, selectedPod, onSelectPod }: GroupGraphProps) {
  const [toggled, setToggled] = useState<Set<number>>(new Set());
  const { nodes, edges } = useMemo(() => {
    const expandedByDefault = groups.length <= EXPAND_LIMIT;
    const isExpanded = (index: number) => expandedByDefault !== toggled.has(index);
    const size = groups[0]?.size ?? 1;
    const rowTops: number[] = [];
    let top = 110;
    for (let row = 0; row * COLUMNS < groups.length; row++) {
      rowTops.push(top);
      const rowGroups = groups.slice(row * COLUMNS, (row + 1) * COLUMNS);
      top += rowHeight(rowGroups.some((g) => isExpanded(g.index)), size);
    }
    const width = Math.min(groups.length, COLUMNS) * COLUMN_WIDTH;
    const root: Node = { id: "lws", position: { x: width / 2 - 90, y: 0 }, data: { label: `LeaderWorkerSet ${lws.metadata.name}` }, type: "input", style: { width: 180 } };
    const groupNodes: Node<GroupNodeData>[] = groups.map((group, i) => ({
      id: `group-${group.index}`,
      type: "lwsGroup",
      position: { x: (i % COLUMNS) * COLUMN_WIDTH, y: rowTops[Math.floor(i / COLUMNS)] },
      data: {
        group,
        expanded: isExpanded(group.index),
        subGroupSize,
        oldRevision: !!currentRevision && !!group.revision && group.revision !== currentRevision,
        belowPartition: group.index < partition,
        selectedPod,
        onSelectPod,
        onToggle: (index: number) => setToggled((prev) => {
          const next = new Set(prev);
          if (next.has(index)) next.delete(index);
          else next.add(index);
          return next;
        }),
      },
    }));
    const links: Edge[] = groups.length <= 200 ? groups.map((g) => ({ id: `e-${g.index}`, source: "lws", target: `group-${g.index}` })) : [];
    return { nodes: [root, ...groupNodes], edges: links };
  }, [lws, groups, currentRevision, partition, subGroupSize, selectedPod, onSelectPod, toggled]);
  return (
    <div className="h-[560px] rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950" aria-label="Group topology">
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={NODE_TYPES} fitView minZoom={0.05} nodesDraggable={false} nodesConnectable={false} proOptions={{ hideAttribution: true }} onlyRenderVisibleElements>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
