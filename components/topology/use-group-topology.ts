"use client";

import type { ReactFlowInstance } from "@xyflow/react";
import { useCallback, useMemo, useState, type FocusEvent, type KeyboardEvent, type RefObject } from "react";
import type { GroupView } from "@/lib/dashboard/groups";
import { layoutGroups, type LayoutKind } from "./group-layout";
import { clampFocus, topologyKey, type TopologyFocus, type TopologyShape } from "./topology-keys";
import { useFocusReveal } from "./use-focus-reveal";

/** `${group index}` for a group's header, `${group index}/${pod position}` for a pod: what focus is looked up by. */
function focusKey(groups: readonly GroupView[], focus: TopologyFocus): string {
  const index = groups[focus.group]?.index ?? 0;
  return focus.pod === undefined ? String(index) : `${index}/${focus.pod}`;
}

function focusFromKey(groups: readonly GroupView[], key: string): TopologyFocus | undefined {
  const [index, pod] = key.split("/").map(Number);
  const group = groups.findIndex((g) => g.index === index);
  return group < 0 ? undefined : { group, ...(pod === undefined ? {} : { pod }) };
}

function toggled(set: ReadonlySet<number>, index: number): Set<number> {
  const next = new Set(set);
  if (next.has(index)) next.delete(index);
  else next.add(index);
  return next;
}

/**
 * The topology's state: which groups are expanded, where each is drawn, and the keyboard's one tab stop.
 * `openPod`: the pod whose panel is open beside the graph; the focus is kept in view as the graph narrows.
 * `linkedGroup`: the group index the page's URL names, which starts out expanded and as the tab stop.
 */
export function useGroupTopology(container: RefObject<HTMLElement | null>, flow: RefObject<ReactFlowInstance | null>, groups: GroupView[], kind: LayoutKind, openPod: string | undefined, subGroupSize?: number, linkedGroup?: number) {
  const linked = groups.findIndex((g) => g.index === linkedGroup);
  const [toggledGroups, setToggled] = useState<ReadonlySet<number>>(() => new Set(kind === "collapsed" && linked >= 0 ? [groups[linked].index] : []));
  const [focus, setFocus] = useState<TopologyFocus>({ group: Math.max(0, linked) });
  const expanded = useMemo(() => groups.map((g) => (kind === "expanded") !== toggledGroups.has(g.index)), [groups, toggledGroups, kind]);
  const size = groups[0]?.size ?? 1;
  const layout = useMemo(() => layoutGroups(expanded, size, subGroupSize ? Math.ceil(size / subGroupSize) : 1, kind), [expanded, size, subGroupSize, kind]);
  const shape: TopologyShape = useMemo(() => ({ count: groups.length, columns: layout.columns, expanded: (i) => expanded[i], pods: (i) => (groups[i]?.leader ? 1 : 0) + (groups[i]?.workers.length ?? 0) }), [groups, layout, expanded]);
  const current = clampFocus(focus, shape);
  const reveal = useFocusReveal(container, flow, layout, current, focusKey(groups, current), openPod);
  const toggle = useCallback((index: number) => {
    reveal.afterRender();
    setToggled((prev) => toggled(prev, index));
  }, [reveal]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!(event.target instanceof HTMLElement) || !event.target.closest("[data-topology-key]")) return;
    const outcome = topologyKey(event.key, current, shape);
    if (!outcome) return;
    event.preventDefault();
    if (outcome.collapse !== undefined && groups[outcome.collapse]) toggle(groups[outcome.collapse].index);
    reveal.afterRender();
    setFocus(outcome.focus);
  };
  // A click or Tab into an item makes it the tab stop.
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const key = event.target instanceof HTMLElement ? event.target.dataset.topologyKey : undefined;
    const focused = key ? focusFromKey(groups, key) : undefined;
    if (focused && (focused.group !== current.group || focused.pod !== current.pod)) setFocus(focused);
  };
  return { expanded, layout, current, toggle, onKeyDown, onFocus };
}
