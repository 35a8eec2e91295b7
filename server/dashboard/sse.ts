/** One Server-Sent Events frame. `data` is JSON on a single line, as EventSource expects. */
export function sseFrame(event: string, id: string | undefined, data: unknown): string {
  return `${id !== undefined ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: keeps proxies and the browser from timing out an idle stream. */
export const SSE_HEARTBEAT = ": ping\n\n";
