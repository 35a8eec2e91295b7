"use client";

import type { Verdict } from "@/lib/dashboard/diagnosis";
import type { NodePodsView, NodeView, PodView } from "@/lib/dashboard/view-models";
import { countTones, podTone, type ToneCounts } from "@/lib/dashboard/pod-tone";
import { POD_TONE_STYLE } from "../ui/health";
import { VerdictBadge } from "../ui/verdict-badge";
import { useChipRoving } from "./chip-roving";
import { PodSummary } from "./pod-summary";
import { layoutTopology, type ZoneLayout } from "./topology-layout";

// Past this many pods in the picture, or on one node, pods are counted rather than drawn one by one.
export const CHIP_LIMIT = 3_000;
const NODE_CHIP_LIMIT = 40;

export interface RackMapProps {
  /** arrays, not iterators: the map re-renders itself (keyboard focus) with the same props */
  nodes: readonly NodeView[];
  pods: readonly PodView[];
  /** each node's pods counted by the server, keyed `/<node>`: drawn in place of `pods`, as counts */
  podCounts?: ReadonlyMap<string, NodePodsView>;
  /** only racks holding these pods are drawn in full (an LWS's placement); all when unset */
  focus?: boolean;
  highlightGroup?: number;
  /** diagnosis verdicts by group index: a group that is not healthy is badged at its leader */
  groupVerdicts?: ReadonlyMap<number, Verdict>;
  onHoverGroup?: (group: number | undefined) => void;
  onSelectPod?: (pod: PodView) => void;
  /** what to draw under a node's name, given the pods placed on it */
  nodeActions?: (node: NodeView) => React.ReactNode;
}

/** A distinct hue per group, so a group's pods read as one colour across racks. */
export function groupHue(index: number): string {
  // Golden-angle hues from blue, skipping the reds and greens the health legend uses.
  const hue = (210 + index * 137.508) % 360;
  return `hsl(${hue < 25 || hue > 340 ? hue + 45 : hue > 95 && hue < 150 ? hue + 60 : hue} 60% 42%)`;
}

type ChipProps = Pick<RackMapProps, "highlightGroup" | "groupVerdicts" | "onHoverGroup" | "onSelectPod" | "nodeActions"> & { tabStop?: string };

/** The zones and racks drawn: with `focus`, only racks holding some of the pods. */
function shownZones(zones: ZoneLayout[], focus: boolean): ZoneLayout[] {
  if (!focus) return zones;
  return zones.map((zone) => ({ ...zone, racks: zone.racks.filter((r) => r.nodes.some((n) => n.pods.length > 0)) })).filter((zone) => zone.racks.length > 0);
}

/** Zones → racks → nodes with each pod drawn where it runs: exclusive placement, or its violation, at a glance. */
export function RackMap({ nodes, pods, podCounts, focus = false, ...chips }: RackMapProps) {
  const zones = shownZones(layoutTopology(nodes, pods), focus);
  const onNodes = zones.flatMap((z) => z.racks.flatMap((r) => r.nodes.map((n) => n.pods)));
  const placedCount = onNodes.reduce((sum, onNode) => sum + onNode.length, 0);
  const counted = (onNode: readonly PodView[]) => !!podCounts || placedCount > CHIP_LIMIT || onNode.length > NODE_CHIP_LIMIT;
  const drawn = onNodes.filter((onNode) => !counted(onNode)).flat();
  const uids = new Set(drawn.map((p) => p.uid));
  const roving = useChipRoving((uid) => uids.has(uid));
  const tabStop = roving.tabStop(drawn[0]?.uid);
  return (
    <div className="space-y-4" onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
      {zones.map((zone) => (
        <section key={zone.name} aria-label={`Zone ${zone.name}`}>
          <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{zone.name}</h3>
          <div className="grid gap-3" style={{ gridTemplateColumns: `repeat(${Math.min(zone.racks.length, 8)}, minmax(0, 1fr))` }}>
            {zone.racks.map((rack) => (
              <div key={rack.name} className="rounded-md border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900" role="group" aria-label={`Rack ${rack.name}`}>
                <div className="mb-1 text-xs font-medium">{rack.name}</div>
                <ul className="space-y-1">
                  {rack.nodes.map(({ node, pods: onNode }) => (
                    <NodeItem key={node.name} node={node} pods={onNode} counts={counted(onNode) ? (podCounts?.get(`/${node.name}`)?.counts ?? countTones(onNode)) : undefined} tabStop={tabStop} {...chips} />
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

/** One node: its name and state, its actions, and its pods drawn (or, given `counts`, summed up). */
function NodeItem({ node, pods, counts, tabStop, highlightGroup, groupVerdicts, onHoverGroup, onSelectPod, nodeActions }: ChipProps & { node: NodeView; pods: PodView[]; counts?: ToneCounts }) {
  return (
    <li className={`rounded border px-1.5 py-1 text-xs ${node.ready ? "border-slate-200 dark:border-slate-700" : "border-red-400 bg-red-50 dark:bg-red-950"}`}>
      <div className="flex items-center gap-1">
        <span className="truncate font-mono" title={node.name}>{node.name}</span>
        {!node.ready && <span className="rounded bg-red-600 px-1 text-[10px] text-white">NotReady</span>}
        {node.unschedulable && <span className="rounded bg-slate-500 px-1 text-[10px] text-white">Cordoned</span>}
      </div>
      {nodeActions && <div className="mt-1">{nodeActions(node)}</div>}
      {counts ? (
        <div className="mt-1">
          <PodSummary counts={counts} />
        </div>
      ) : (
        <div className="mt-1 flex flex-wrap gap-0.5">
          {pods.map((pod) => (
            <PodChip key={pod.uid} pod={pod} tabStop={tabStop === pod.uid} verdict={pod.groupIndex === undefined ? undefined : groupVerdicts?.get(pod.groupIndex)} dimmed={highlightGroup !== undefined && pod.groupIndex !== highlightGroup} onHoverGroup={onHoverGroup} onSelect={onSelectPod} />
          ))}
        </div>
      )}
    </li>
  );
}

function PodChip({ pod, tabStop, verdict, dimmed, onHoverGroup, onSelect }: { pod: PodView; tabStop: boolean; verdict?: Verdict; dimmed: boolean; onHoverGroup?: (g: number | undefined) => void; onSelect?: (pod: PodView) => void }) {
  const tone = podTone(pod);
  const unhealthy = verdict !== undefined && verdict !== "healthy";
  const label = `${pod.name}: ${pod.status}${pod.groupIndex !== undefined ? `, group ${pod.groupIndex}` : ""}${unhealthy ? ` (${verdict})` : ""}`;
  return (
    <>
      <button
        type="button"
        data-chip={pod.uid}
        tabIndex={tabStop ? 0 : -1}
        title={label}
        aria-label={label}
        onClick={() => onSelect?.(pod)}
        onMouseEnter={() => onHoverGroup?.(pod.groupIndex)}
        onMouseLeave={() => onHoverGroup?.(undefined)}
        onFocus={() => onHoverGroup?.(pod.groupIndex)}
        onBlur={() => onHoverGroup?.(undefined)}
        className={`h-4 min-w-4 rounded-sm border px-0.5 text-[9px] leading-3 ${POD_TONE_STYLE[tone]} ${dimmed ? "opacity-25" : ""} focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500`}
        style={pod.groupIndex !== undefined && tone === "ready" ? { backgroundColor: groupHue(pod.groupIndex), borderColor: groupHue(pod.groupIndex) } : undefined}
      >
        {pod.workerIndex === 0 ? "L" : (pod.workerIndex ?? "")}
      </button>
      {unhealthy && pod.workerIndex === 0 && <VerdictBadge verdict={verdict} className={`text-[9px] leading-4 ${dimmed ? "opacity-25" : ""}`} />}
    </>
  );
}
