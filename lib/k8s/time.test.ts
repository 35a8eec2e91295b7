import { describe, expect, it } from "vitest";
import { rfc3339, rfc3339Micro } from "./time";

describe("rfc3339", () => {
  it.each([
    ["2026-11-29T09:06:07.999Z", "2026-11-29T09:06:07Z"],
    ["2026-11-29T09:06:08.000Z", "2026-11-29T09:06:08Z"],
    ["1969-12-31T23:59:59.500Z", "1969-12-31T23:59:59Z"],
    ["2026-11-29T09:06:07.001Z", "2026-11-29T09:06:07Z"],
  ])("%s → %s, whole seconds truncated", (iso, expected) => {
    expect(rfc3339(new Date(iso))).toBe(expected);
  });

  it("writes microseconds for MicroTime", () => {
    expect(rfc3339Micro(new Date("2026-11-29T09:06:07.123Z"))).toBe("2026-11-29T09:06:07.123000Z");
  });
});
