import { describe, expect, it } from "vitest";
import { groupsText } from "./group-ranges";

describe("groups named by their indexes", () => {
  it.each([
    [[4], "group 4"],
    [[3, 4], "groups 3-4"],
    [[0, 2, 3, 4, 5, 9], "groups 0, 2-5, 9"],
    [[1, 2, 3, 7, 8, 9, 10, 12], "groups 1-3, 7-10, 12"],
  ])("%j → %s", (indexes, text) => {
    expect(groupsText(indexes)).toBe(text);
  });
});
