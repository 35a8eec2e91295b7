"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False on the server and while the page hydrates, true after. The stream can fill the cache
 * before a part of the page has hydrated; that part must first render what the server did (no
 * data yet), or React throws the whole page's HTML away (error #418).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(never, () => true, () => false);
}
