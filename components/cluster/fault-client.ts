"use client";

export type Fault =
  | { action: "crashContainer"; namespace: string; pod: string; container?: string }
  | { action: "failPod"; namespace: string; pod: string }
  | { action: "deletePod"; namespace: string; pod: string }
  | { action: "setNodeReady"; node: string; ready: boolean }
  | { action: "cordon" | "uncordon" | "drain"; node: string };

/** Sends a fault to /api/faults; resolves to an error message, or undefined on success. */
export async function injectFault(fault: Fault): Promise<string | undefined> {
  const res = await fetch("/api/faults", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(fault) });
  if (res.ok) return undefined;
  const status = (await res.json().catch(() => ({}))) as { message?: string };
  return status.message ?? `request failed with ${res.status}`;
}
