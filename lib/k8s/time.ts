let lastSecond = Number.NaN;
let lastText = "";

/** RFC 3339 with whole seconds, the form Kubernetes writes metav1.Time in. Every write stamps one, mostly within the same second. */
export function rfc3339(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace(/\.\d+Z$/, "Z");
  }
  return lastText;
}

/** metav1.MicroTime, used by Events' eventTime and Leases. */
export function rfc3339Micro(date: Date): string {
  return date.toISOString().replace(/Z$/, "000Z");
}
