"use client";

import { useSyncExternalStore } from "react";

export type Theme = "light" | "dark";
const THEME_EVENT = "lws-theme";

/** Runs before the page paints (inlined in the layout): no flash of the wrong theme. */
export const THEME_BOOTSTRAP = `(()=>{try{const t=localStorage.getItem("theme")||(matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light");document.documentElement.classList.toggle("dark",t==="dark")}catch{}})()`;

function subscribe(onChange: () => void): () => void {
  window.addEventListener(THEME_EVENT, onChange);
  return () => window.removeEventListener(THEME_EVENT, onChange);
}

const current = (): Theme => (document.documentElement.classList.contains("dark") ? "dark" : "light");

/** The theme in use ("light" on the server and while hydrating), following the toggle. */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, current, () => "light" as Theme);
}

/** Dark and light themes; the choice is remembered, the system's is the default. */
export function ThemeToggle() {
  const theme = useTheme();
  const toggle = () => {
    const next = theme === "dark" ? "light" : "dark";
    localStorage.setItem("theme", next);
    document.documentElement.classList.toggle("dark", next === "dark");
    window.dispatchEvent(new Event(THEME_EVENT));
  };
  return (
    <button type="button" onClick={toggle} className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:hover:bg-slate-800" aria-label={`Switch to ${theme === "dark" ? "light" : "dark"} theme`}>
      {theme === "dark" ? "Light" : "Dark"} theme
    </button>
  );
}
