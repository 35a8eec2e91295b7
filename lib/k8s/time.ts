/** RFC 3339 with whole seconds, the form Kubernetes writes metav1.Time in. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, "Z");
}

/** metav1.MicroTime, used by Events' eventTime and Leases. */
export function rfc3339Micro(date: Date): string {
  return date.toISOString().replace(/Z$/, "000Z");
}
