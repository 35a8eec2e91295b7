import { describe, expect, it } from "vitest";
import { evictionDelayMs, timedTolerationsAt, type NoExecuteTaint } from "./eviction-time";

const notReady: NoExecuteTaint = { key: "node.kubernetes.io/not-ready", value: "", effect: "NoExecute", addedAt: 1_000 };
const custom: NoExecuteTaint = { key: "maintenance", value: "yes", effect: "NoExecute", addedAt: 5_000 };
const tolerate = (key: string, seconds?: number) => ({ key, operator: "Exists", effect: "NoExecute", ...(seconds === undefined ? {} : { tolerationSeconds: seconds }) });

describe("when the taint manager evicts", () => {
  it.each([
    ["no NoExecute taints", [], [], undefined],
    ["an untolerated taint", [notReady], [], 0],
    ["the default 300 s toleration, 100 ms in", [notReady], [tolerate(notReady.key, 300)], 1_000 + 300_000 - 1_100],
    ["a toleration for ever", [notReady], [tolerate(notReady.key)], undefined],
    ["the shortest of two tolerations", [notReady], [tolerate(notReady.key, 300), tolerate("", 60)], 1_000 + 60_000 - 1_100],
    ["a second taint not tolerated", [notReady, custom], [tolerate(notReady.key, 300)], 0],
    ["negative seconds (evict now)", [notReady], [tolerate(notReady.key, -5)], 0],
  ])("%s", (_, taints, tolerations, expected) => {
    expect(evictionDelayMs(taints, timedTolerationsAt(tolerations), 1_100, 1000)).toBe(expected);
  });

  it("scales toleration seconds by msPerSecond", () => {
    expect(evictionDelayMs([notReady], timedTolerationsAt([tolerate(notReady.key, 300)]), 1_000, 1)).toBe(300);
  });
});
