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

/**
 * After the next render that follows `afterRender()` (a key press, a group toggled), pans the graph so
 * the focused group or pod is in view and moves DOM focus to it. Other renders (the live stream's) leave
 * focus where it is.
 */
export function useFocusReveal(container: RefObject<HTMLElement | null>, flow: RefObject<ReactFlowInstance | null>, layout: GroupLayout, focus: TopologyFocus, key: string): { afterRender(): void } {
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current || !container.current) return;
    pending.current = false;
    const node = layout.nodes[focus.group];
    const instance = flow.current;
    if (node && instance) {
      const viewport = revealRect(focus.pod === undefined ? node : podRect(node, focus.pod), instance.getViewport(), { width: container.current.clientWidth, height: container.current.clientHeight });
      if (viewport) void instance.setViewport(viewport, { duration: 120 });
    }
    focusWhenDrawn(container.current, key);
  });
  return useMemo(() => ({ afterRender: () => (pending.current = true) }), []);
}
