"use client";

import { Background, Controls, ReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo, useState } from "react";
import type { Verdict } from "@/lib/dashboard/diagnosis";
import type { GroupView } from "@/lib/dashboard/groups";
import type { LwsView, PodView } from "@/lib/dashboard/view-models";
import { GroupNode, type GroupNodeData } from "./group-node";

const NODE_TYPES = { lwsGroup: GroupNode };
const COLUMNS = { expanded: 6, collapsed: 10 };
const COLUMN_WIDTH = { expanded: 310, collapsed: 200 };
// Drawing every pod's name stops being useful (and cheap) past this many groups: pills instead.
const EXPAND_LIMIT = 24;

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

function rowHeight(expanded: boolean, size: number): number {
  return expanded ? 90 + size * 22 : 110;
}

/** The LWS → groups → leader/workers picture (React Flow), one node per group so 1,000 groups stay interactive. */
export function GroupGraph({ lws, groups, currentRevision, partition, subGroupSize, verdicts, selectedPod, onSelectPod }: GroupGraphProps) {
  const [toggled, setToggled] = useState<Set<number>>(new Set());
  const expandedByDefault = groups.length <= EXPAND_LIMIT;
  const layout = expandedByDefault ? "expanded" : "collapsed";
  const columns = COLUMNS[layout];
  const { nodes, edges } = useMemo(() => {
    const isExpanded = (index: number) => expandedByDefault !== toggled.has(index);
    const size = groups[0]?.size ?? 1;
    const rowTops: number[] = [];
    let top = 110;
    for (let row = 0; row * columns < groups.length; row++) {
      rowTops.push(top);
      const rowGroups = groups.slice(row * columns, (row + 1) * columns);
      top += rowHeight(rowGroups.some((g) => isExpanded(g.index)), size);
    }
    const width = Math.min(groups.length, columns) * COLUMN_WIDTH[layout];
    const root: Node = { id: "lws", position: { x: width / 2 - 90, y: 0 }, data: { label: `LeaderWorkerSet ${lws.metadata.name}` }, type: "input", style: { width: 180 } };
    const groupNodes: Node<GroupNodeData>[] = groups.map((group, i) => ({
      id: `group-${group.index}`,
      type: "lwsGroup",
      // An expanded group in the compact layout is wider than its column: it floats above its neighbours.
      zIndex: isExpanded(group.index) && !expandedByDefault ? 10 : 0,
      position: { x: (i % columns) * COLUMN_WIDTH[layout], y: rowTops[Math.floor(i / columns)] },
      data: {
        group,
        expanded: isExpanded(group.index),
        subGroupSize,
        oldRevision: !!currentRevision && !!group.revision && group.revision !== currentRevision,
        belowPartition: group.index < partition,
        verdict: verdicts?.get(group.index),
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
  }, [lws, groups, currentRevision, partition, subGroupSize, verdicts, selectedPod, onSelectPod, toggled, expandedByDefault, columns, layout]);
  // A large LWS opens on its first rows, readable, rather than on all of it at an unreadable zoom.
  const fitViewOptions = useMemo(() => (expandedByDefault ? undefined : { nodes: [{ id: "lws" }, ...groups.slice(0, columns * 3).map((g) => ({ id: `group-${g.index}` }))] }), [expandedByDefault, groups, columns]);
  return (
    <div className="h-[560px] rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950" aria-label="Group topology">
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={NODE_TYPES} fitView fitViewOptions={fitViewOptions} minZoom={0.05} nodesDraggable={false} nodesConnectable={false} proOptions={{ hideAttribution: true }} onlyRenderVisibleElements>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
