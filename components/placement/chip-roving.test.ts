import { describe, expect, it } from "vitest";
import { chipAfterKey } from "./chip-roving";

describe("moving along the rack map's pod chips by keyboard", () => {
  it.each([
    ["ArrowRight", 3, 4],
    ["ArrowDown", 3, 4],
    ["ArrowLeft", 3, 2],
    ["ArrowUp", 3, 2],
    ["Home", 3, 0],
    ["End", 3, 9],
    ["ArrowRight", 9, 9],
    ["ArrowLeft", 0, 0],
  ])("%s from chip %i of 10 goes to chip %i", (key, at, to) => {
    expect(chipAfterKey(key, at, 10)).toBe(to);
  });

  it("leaves other keys to the chips (Enter opens, Tab leaves)", () => {
    expect(chipAfterKey("Enter", 3, 10)).toBeUndefined();
    expect(chipAfterKey("Tab", 3, 10)).toBeUndefined();
  });
});
