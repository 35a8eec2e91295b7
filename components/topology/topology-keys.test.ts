import { describe, expect, it } from "vitest";
import { clampFocus, revealRect, topologyKey, type TopologyFocus, type TopologyShape } from "./topology-keys";

/** 25 groups in rows of 10, 3 pods each; groups 1, 11 and 24 expanded. */
const shape: TopologyShape = { count: 25, columns: 10, expanded: (g) => [1, 11, 24].includes(g), pods: () => 3 };
const at = (group: number, pod?: number): TopologyFocus => (pod === undefined ? { group } : { group, pod });

describe("topologyKey", () => {
  it.each([
    ["ArrowRight to the next group", "ArrowRight", at(3), at(4)],
    ["ArrowRight from a pod to the next group's header", "ArrowRight", at(1, 2), at(2)],
    ["ArrowRight stops at the last group", "ArrowRight", at(24), at(24)],
    ["ArrowLeft to the previous group", "ArrowLeft", at(10), at(9)],
    ["ArrowLeft stops at the first group", "ArrowLeft", at(0), at(0)],
    ["ArrowDown from a collapsed group to the group below", "ArrowDown", at(3), at(13)],
    ["ArrowDown into an expanded group's first pod", "ArrowDown", at(1), at(1, 0)],
    ["ArrowDown through the pods", "ArrowDown", at(1, 0), at(1, 1)],
    ["ArrowDown from the last pod to the group below", "ArrowDown", at(1, 2), at(11)],
    ["ArrowDown to the last group when the row below is short", "ArrowDown", at(19), at(24)],
    ["ArrowDown stays put in the last row", "ArrowDown", at(22), at(22)],
    ["ArrowDown stays on the last pod of the last row", "ArrowDown", at(24, 2), at(24, 2)],
    ["ArrowUp from a pod to the one before", "ArrowUp", at(11, 2), at(11, 1)],
    ["ArrowUp from the first pod to its header", "ArrowUp", at(11, 0), at(11)],
    ["ArrowUp to the last pod of the expanded group above", "ArrowUp", at(11), at(1, 2)],
    ["ArrowUp to the header of a collapsed group above", "ArrowUp", at(13), at(3)],
    ["ArrowUp stays in the first row", "ArrowUp", at(4), at(4)],
    ["Home to the first group", "Home", at(11, 1), at(0)],
    ["End to the last group", "End", at(3), at(24)],
  ])("%s", (_, key, from, to) => {
    expect(topologyKey(key, from, shape)).toEqual({ focus: to });
  });

  it.each([
    ["a pod", at(11, 1)],
    ["an expanded group's header", at(11)],
  ])("Escape on %s collapses its group and focuses the header", (_, from) => {
    expect(topologyKey("Escape", from, shape)).toEqual({ focus: at(11), collapse: 11 });
  });

  it.each([
    ["Escape on a collapsed group", "Escape", at(3)],
    ["Enter (the button's own)", "Enter", at(3)],
    ["Space (the button's own)", " ", at(1, 0)],
    ["Tab", "Tab", at(3)],
  ])("leaves %s alone", (_, key, from) => {
    expect(topologyKey(key, from, shape)).toBeUndefined();
  });

  it("does nothing without groups", () => {
    expect(topologyKey("ArrowDown", at(0), { ...shape, count: 0 })).toBeUndefined();
  });
});

describe("clampFocus", () => {
  it.each([
    ["a valid pod stays", at(1, 2), at(1, 2)],
    ["a pod of a collapsed group becomes its header", at(3, 1), at(3)],
    ["a group past the end becomes the last", at(40), at(24)],
    ["a pod past the group's end becomes its last pod", at(24, 9), at(24, 2)],
  ])("%s", (_, from, to) => {
    expect(clampFocus(from, shape)).toEqual(to);
  });
});

describe("revealRect", () => {
  const pane = { width: 800, height: 560 };
  it.each([
    ["in view: no pan", { x: 100, y: 100, width: 176, height: 110 }, { x: 0, y: 0, zoom: 1 }, undefined],
    ["off to the right: pans left just enough", { x: 900, y: 100, width: 176, height: 110 }, { x: 0, y: 0, zoom: 1 }, { x: -292, y: 0, zoom: 1 }],
    ["above: pans down to the margin", { x: 100, y: -200, width: 176, height: 110 }, { x: 0, y: 0, zoom: 1 }, { x: 0, y: 216, zoom: 1 }],
    ["below at half zoom", { x: 100, y: 1200, width: 176, height: 110 }, { x: 0, y: 0, zoom: 0.5 }, { x: 0, y: -111, zoom: 0.5 }],
    ["taller than the pane: its top at the margin", { x: 100, y: 100, width: 176, height: 1000 }, { x: 0, y: 0, zoom: 1 }, { x: 0, y: -84, zoom: 1 }],
  ])("%s", (_, rect, viewport, expected) => {
    expect(revealRect(rect, viewport, pane)).toEqual(expected);
  });
});
