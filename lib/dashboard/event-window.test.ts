import { describe, expect, it } from "vitest";
import { eventWindow } from "./event-window";
import type { EventView } from "./view-models";

function event(name: string, minute: number, over: Partial<EventView> = {}): EventView {
  return { namespace: "default", name, uid: name, resourceVersion: "1", involved: { kind: "Pod", name: "p" }, reason: "Started", message: "", type: "Normal", count: 1, lastTimestamp: `2026-01-01T00:${String(minute).padStart(2, "0")}:00Z`, ...over };
}

describe("eventWindow", () => {
  it("keeps everything under the limit", () => {
    const events = [event("a", 1), event("b", 2)];
    expect(eventWindow(events, 5)).toEqual(events);
  });

  it("keeps warnings and group recreations, then the newest routine events", () => {
    const events = [event("old", 1), event("warning", 0, { type: "Warning" }), event("new", 9), event("recreate", 2, { reason: "RecreateGroup" }), event("mid", 5)];
    expect(eventWindow(events, 4).map((e) => e.name)).toEqual(["recreate", "warning", "new", "mid"]);
  });
});
