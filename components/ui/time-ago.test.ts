import { describe, expect, it } from "vitest";
import { age, restartsText } from "./time-ago";

const NOW = Date.parse("2026-11-29T12:00:00Z");

describe("ages and restarts as kubectl prints them", () => {
  it.each([
    ["2026-11-29T11:59:15Z", "45s"],
    ["2026-11-29T11:55:00Z", "5m"],
    ["2026-11-29T07:00:00Z", "5h"],
    ["2026-11-26T12:00:00Z", "3d"],
  ])("%s is %s old", (timestamp, text) => {
    expect(age(timestamp, NOW)).toBe(text);
  });

  it("says when the last restart was, once there is one", () => {
    expect(restartsText(3, "2026-11-29T11:55:00Z", NOW)).toBe("3 (5m ago)");
    expect(restartsText(0, undefined, NOW)).toBe("0");
    expect(restartsText(2, undefined, NOW)).toBe("2");
  });
});
