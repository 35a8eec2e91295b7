import { describe, expect, it } from "vitest";
import { humanDuration } from "./human-duration";
import { DAY, HOUR, MINUTE, SECOND } from "./test-objects";

const YEAR = 365 * DAY;

describe("humanDuration", () => {
  it.each([
    // clock skew: up to one second in the future still reads as now
    [-2 * SECOND, "<invalid>"],
    [-1999, "0s"],
    [-SECOND, "0s"],
    [-1, "0s"],
    [0, "0s"],
    [999, "0s"],
    // seconds up to two minutes
    [SECOND, "1s"],
    [59 * SECOND, "59s"],
    [2 * MINUTE - 1, "119s"],
    // minutes and seconds below ten minutes
    [2 * MINUTE, "2m"],
    [2 * MINUTE + SECOND, "2m1s"],
    [6 * MINUTE + 10 * SECOND, "6m10s"],
    [10 * MINUTE - 1, "9m59s"],
    // whole minutes below three hours
    [10 * MINUTE, "10m"],
    [10 * MINUTE + 59 * SECOND, "10m"],
    [3 * HOUR - 1, "179m"],
    // hours and minutes below eight hours
    [3 * HOUR, "3h"],
    [3 * HOUR + 20 * MINUTE, "3h20m"],
    [8 * HOUR - 1, "7h59m"],
    // whole hours below two days
    [8 * HOUR, "8h"],
    [2 * DAY - 1, "47h"],
    // days and hours below eight days
    [2 * DAY, "2d"],
    [2 * DAY + 5 * HOUR, "2d5h"],
    [8 * DAY - 1, "7d23h"],
    // whole days below two years
    [8 * DAY, "8d"],
    [2 * YEAR - 1, "729d"],
    // years and days below eight years
    [2 * YEAR, "2y"],
    [2 * YEAR + DAY, "2y1d"],
    [3 * YEAR, "3y"],
    [8 * YEAR - 1, "7y364d"],
    // whole years beyond
    [8 * YEAR, "8y"],
    [10 * YEAR + 100 * DAY, "10y"],
  ])("%d ms prints %s", (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });

  it("treats a non-number as invalid rather than printing NaN", () => {
    expect(humanDuration(Number.NaN)).toBe("<invalid>");
  });
});
