"use client";

import { useEffect, useState } from "react";

/**
 * The namespace a new LWS's manifest names, once it has stayed the same for a moment: the editor
 * streams that namespace, not each one typing passes through on the way.
 */
export function useSettledNamespace(namespace: string, ms = 400): string {
  const [settled, setSettled] = useState(namespace);
  useEffect(() => {
    if (namespace === settled) return;
    const timer = setTimeout(() => setSettled(namespace), ms);
    return () => clearTimeout(timer);
  }, [namespace, settled, ms]);
  return settled;
}
