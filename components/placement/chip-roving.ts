"use client";

import { useState, type FocusEvent, type KeyboardEvent } from "react";

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** The chip a key moves to from chip `at` of `count`, or undefined for a key that does not move. */
export function chipAfterKey(key: string, at: number, count: number): number | undefined {
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  if (STEP[key] === undefined) return undefined;
  return Math.min(count - 1, Math.max(0, at + STEP[key]));
}

/**
 * One tab stop for all the pod chips of a rack map (thousands of pods must not be thousands of
 * Tab presses): arrows move along the chips in reading order, Home and End to the ends. Chips
 * carry `data-chip` (their pod's uid); `tabStop(first)` names the one chip Tab reaches.
 */
export function useChipRoving(present: (uid: string) => boolean) {
  const [stop, setStop] = useState<string>();
  const tabStop = (first: string | undefined) => (stop !== undefined && present(stop) ? stop : first);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!(event.target instanceof HTMLElement) || event.target.dataset.chip === undefined) return;
    const chips = [...event.currentTarget.querySelectorAll<HTMLElement>("[data-chip]")];
    const next = chipAfterKey(event.key, chips.indexOf(event.target), chips.length);
    if (next === undefined) return;
    event.preventDefault();
    setStop(chips[next].dataset.chip);
    chips[next].focus();
  };
  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const uid = event.target instanceof HTMLElement ? event.target.dataset.chip : undefined;
    if (uid !== undefined && uid !== stop) setStop(uid);
  };
  return { tabStop, onKeyDown, onFocus };
}
