"use client";

import { sendJson } from "../api/send-json";

export type Fault =
  | { action: "crashContainer"; namespace: string; pod: string; container?: string }
  | { action: "failPod"; namespace: string; pod: string }
  | { action: "deletePod"; namespace: string; pod: string }
  | { action: "setNodeReady"; node: string; ready: boolean }
  | { action: "cordon" | "uncordon" | "drain"; node: string };

/** Sends a fault to /api/faults; resolves to an error message, or undefined on success. */
export async function injectFault(fault: Fault): Promise<string | undefined> {
  const res = await sendJson("/api/faults", "POST", fault);
  return res.ok ? undefined : (res.body.message ?? `request failed with ${res.status}`);
}
