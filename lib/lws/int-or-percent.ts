const PERCENT = /^[0-9]+%$/;

/** An int-or-percent against a total: percent rounds down (maxUnavailable) or up (maxSurge). */
export function scaledValue(value: number | string, total: number, roundUp: boolean): number {
  if (typeof value === "number") return value;
  if (!PERCENT.test(value)) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  const exact = (Number(value.slice(0, -1)) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** Upstream's checks of an int-or-percent field: the messages of apps validation. */
export function intOrPercentErrors(value: unknown): string[] {
  if (typeof value === "number") return value < 0 ? ["must be greater than or equal to 0"] : [];
  if (typeof value !== "string") return [];
  if (!PERCENT.test(value)) return ["a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"];
  return Number(value.slice(0, -1)) > 100 ? ["must not be greater than 100%"] : [];
}
