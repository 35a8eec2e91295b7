"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import type { Verdict } from "@/lib/dashboard/diagnosis";
import type { GroupView } from "@/lib/dashboard/groups";
import type { PodView } from "@/lib/dashboard/view-models";
import { podTone } from "@/lib/dashboard/pod-tone";
import { HEALTH_STYLE, POD_TONE_STYLE } from "../ui/health";
import { VerdictBadge } from "../ui/verdict-badge";
import { NODE_WIDTH, subGroups } from "./group-layout";

export interface GroupNodeData extends Record<string, unknown> {
  group: GroupView;
  expanded: boolean;
  subGroupSize?: number;
  /** the group runs an older revision than the LWS's current one */
  oldRevision: boolean;
  belowPartition: boolean;
  /** the diagnosis verdict, badged when not healthy */
  verdict?: Verdict;
  selectedPod?: string;
  onSelectPod: (pod: PodView) => void;
  onToggle: (index: number) => void;
  /** this group holds the topology's one tab stop: on its header, or on its pod at that position */
  tabStop?: "header" | number;
}

const FOCUS_RING = "focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-500";

interface PodPillProps {
  pod: PodView;
  expanded: boolean;
  selected: boolean;
  focusKey: string;
  tabStop: boolean;
  onSelect: (pod: PodView) => void;
}

function PodPill({ pod, expanded, selected, focusKey, tabStop, onSelect }: PodPillProps) {
  const label = `${pod.name}: ${pod.status}, ${pod.readyContainers} ready${pod.restarts ? `, ${pod.restarts} restarts` : ""}`;
  return (
    <button
      type="button"
      title={label}
      aria-label={label}
      aria-pressed={selected}
      data-topology-key={focusKey}
      tabIndex={tabStop ? 0 : -1}
      onClick={(e) => {
        e.stopPropagation();
        onSelect(pod);
      }}
      className={`nodrag rounded border text-left font-mono ${FOCUS_RING} ${POD_TONE_STYLE[podTone(pod)]} ${selected ? "ring-2 ring-sky-500" : ""} ${expanded ? "w-full px-1.5 py-0.5 text-[10px]" : "h-3 w-3"}`}
    >
      {expanded && (
        <span className="flex items-center gap-1">
          {pod.workerIndex === 0 && <span className="rounded bg-black/25 px-0.5 font-sans font-bold" aria-hidden>L</span>}
          <span className="truncate">{pod.name}</span>
          <span className="ml-auto font-sans">{pod.status}</span>
        </span>
      )}
    </button>
  );
}

/** A group: leader and workers (in sub-group boxes), coloured by health, old revisions dashed. */
export function GroupNode({ data }: NodeProps & { data: GroupNodeData }) {
  const { group, expanded, tabStop } = data;
  const style = HEALTH_STYLE[group.health];
  const boxes = subGroups(group, data.subGroupSize);
  // Pods are numbered across the sub-group boxes, leader first, as the keyboard walks them.
  const positions = new Map(boxes.flat().map((pod, i) => [pod.uid, i]));
  return (
    <div style={{ width: expanded ? NODE_WIDTH.expanded : NODE_WIDTH.collapsed }} className={`rounded-lg border-2 bg-white p-2 shadow-sm dark:bg-slate-900 ${data.oldRevision ? "border-dashed" : ""} ${group.health === "ready" ? "border-emerald-500" : group.health === "failing" ? "border-red-500" : "border-amber-400"}`}>
      <Handle type="target" position={Position.Top} />
      <button type="button" data-topology-key={String(group.index)} tabIndex={tabStop === "header" ? 0 : -1} onClick={() => data.onToggle(group.index)} className={`nodrag flex w-full items-center gap-2 text-left text-xs ${FOCUS_RING}`} aria-expanded={expanded}>
        <span className="font-semibold">Group {group.index}</span>
        <span className={style.text}>{style.label}</span>
        <span className="ml-auto tabular-nums">{group.readyPods}/{group.size}</span>
      </button>
      <div className="mt-0.5 flex gap-1 text-[10px] text-slate-500 dark:text-slate-400">
        {data.verdict && data.verdict !== "healthy" && <VerdictBadge verdict={data.verdict} />}
        {group.revision && <span title="template-revision-hash">rev {group.revision}{data.oldRevision ? " (old)" : ""}</span>}
        {group.surge && <span>surge</span>}
        {data.belowPartition && <span>held by partition</span>}
      </div>
      <div className={`mt-1 ${expanded ? "space-y-1" : "flex flex-wrap gap-1"}`}>
        {boxes.map((pods, i) => (
          <div key={i} className={data.subGroupSize ? "rounded border border-slate-300 p-0.5 dark:border-slate-600" : ""} aria-label={data.subGroupSize ? `Sub-group ${pods[0]?.subGroupIndex ?? "none"}` : undefined}>
            <div className={expanded ? "space-y-0.5" : "flex flex-wrap gap-0.5"}>
              {pods.map((pod) => (
                <PodPill key={pod.uid} pod={pod} expanded={expanded} selected={data.selectedPod === pod.name} focusKey={`${group.index}/${positions.get(pod.uid)}`} tabStop={tabStop === positions.get(pod.uid)} onSelect={data.onSelectPod} />
              ))}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
