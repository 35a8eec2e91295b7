"use client";

import type { ReactFlowInstance } from "@xyflow/react";
import { useEffect, useMemo, useRef, type RefObject } from "react";
import { podRect, type GroupLayout } from "./group-layout";
import { revealRect, type TopologyFocus } from "./topology-keys";

// React Flow draws only the nodes in view: a node panned to is in the DOM a frame or a few later.
const FOCUS_ATTEMPTS = 30;

function focusWhenDrawn(container: HTMLElement, key: string, attempts = FOCUS_ATTEMPTS): void {
  const element = container.querySelector<HTMLElement>(`[data-topology-key="${key}"]`);
  if (element) element.focus({ preventScroll: true });
  else if (attempts > 0) requestAnimationFrame(() => focusWhenDrawn(container, key, attempts - 1));
}

/** Pans the graph, if need be, so the focused group or pod is in view. */
function panTo(container: HTMLElement, instance: ReactFlowInstance | null, layout: GroupLayout, focus: TopologyFocus): void {
  const node = layout.nodes[focus.group];
  if (!node || !instance) return;
  const viewport = revealRect(focus.pod === undefined ? node : podRect(node, focus.pod), instance.getViewport(), { width: container.clientWidth, height: container.clientHeight });
  if (viewport) void instance.setViewport(viewport, { duration: 120 });
}

/**
 * After the next render that follows `afterRender()` (a key press, a group toggled), pans the graph so
 * the focused group or pod is in view and moves DOM focus to it. Other renders (the live stream's) leave
 * focus where it is. While a pod's panel is open beside the graph (`openPod`), the focus is brought into
 * view when the pod is opened and whenever the graph is resized: the panel opening narrows it.
 */
export function useFocusReveal(container: RefObject<HTMLElement | null>, flow: RefObject<ReactFlowInstance | null>, layout: GroupLayout, focus: TopologyFocus, key: string, openPod: string | undefined): { afterRender(): void } {
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current || !container.current) return;
    pending.current = false;
    panTo(container.current, flow.current, layout, focus);
    focusWhenDrawn(container.current, key);
  });
  // The latest focus, read by the resize observer, which lives as long as one pod is open.
  const latest = useRef({ layout, focus });
  useEffect(() => {
    latest.current = { layout, focus };
  });
  useEffect(() => {
    const box = container.current;
    if (openPod === undefined || !box) return;
    const observer = new ResizeObserver(() => panTo(box, flow.current, latest.current.layout, latest.current.focus));
    observer.observe(box);
    return () => observer.disconnect();
  }, [openPod, container, flow]);
  return useMemo(() => ({ afterRender: () => (pending.current = true) }), []);
}
