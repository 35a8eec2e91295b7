/** Short ages like kubectl's (12s, 5m, 3h, 2d). */
export function age(timestamp: string | undefined, now = Date.now()): string {
  if (!timestamp) return "";
  const seconds = Math.max(0, Math.floor((now - Date.parse(timestamp)) / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 3 * 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 48 * 3600) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}

/** kubectl's RESTARTS cell: "3 (5m ago)" once a container has restarted, else the count. */
export function restartsText(count: number, lastAt: string | undefined, now = Date.now()): string {
  return count > 0 && lastAt ? `${count} (${age(lastAt, now)} ago)` : String(count);
}
