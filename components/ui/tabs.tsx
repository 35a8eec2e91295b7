"use client";

import { useRef, type KeyboardEvent, type ReactNode } from "react";

interface TabsProps<T extends string> {
  /** names the tab list for screen readers */
  label: string;
  /** prefix of the tabs' and panel's ids */
  id: string;
  tabs: readonly T[];
  selected: T;
  onSelect: (tab: T) => void;
  title?: (tab: T) => string;
  children: ReactNode;
}

const NEXT_KEYS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** WAI-ARIA tabs: one tab stop, arrow keys move between tabs, Home/End jump to the ends. */
export function Tabs<T extends string>({ label, id, tabs, selected, onSelect, title = (t) => t, children }: TabsProps<T>) {
  const list = useRef<HTMLDivElement>(null);
  const focus = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    onSelect(tab);
    list.current?.querySelector<HTMLButtonElement>(`#${id}-tab-${tab}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const current = tabs.indexOf(selected);
    if (event.key in NEXT_KEYS) focus(current + NEXT_KEYS[event.key]);
    else if (event.key === "Home") focus(0);
    else if (event.key === "End") focus(tabs.length - 1);
    else return;
    event.preventDefault();
  };
  return (
    <>
      <div ref={list} role="tablist" aria-label={label} onKeyDown={onKeyDown} className="flex gap-1 border-b border-slate-200 dark:border-slate-800">
        {tabs.map((t) => (
          <button key={t} type="button" role="tab" id={`${id}-tab-${t}`} aria-selected={selected === t} aria-controls={`${id}-panel`} tabIndex={selected === t ? 0 : -1} onClick={() => onSelect(t)} className={`px-3 py-1.5 text-sm capitalize focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 ${selected === t ? "border-b-2 border-sky-600 font-semibold" : "text-slate-600 dark:text-slate-300"}`}>
            {title(t)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selected}`} className="pt-3">
        {children}
      </div>
    </>
  );
}
