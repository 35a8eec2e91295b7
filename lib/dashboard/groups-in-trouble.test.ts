import { describe, expect, it } from "vitest";
import { troubleRows, type GroupInTrouble } from "./groups-in-trouble";
import type { Verdict } from "./diagnosis";

const NO_RACK = "1 pod cannot be scheduled: exclusive topology needs a rack of its own";
const inTrouble = (lws: string, index: number, summary = NO_RACK, verdict: Verdict = "stuck"): GroupInTrouble => ({
  key: `${lws}/${index}`,
  lws,
  index,
  verdict,
  href: `/lws/${lws}?tab=diagnosis&group=${index}`,
  summary,
});

describe("the overview's lines of groups in trouble", () => {
  it("puts the groups of one LWS stuck for the same reason on one line, linked to the first", () => {
    const rows = troubleRows([inTrouble("ml/racks", 5), inTrouble("ml/racks", 6), inTrouble("ml/racks", 7), inTrouble("ml/racks", 9)]);
    expect(rows).toEqual([{ key: "ml/racks/5", href: "/lws/ml/racks?tab=diagnosis&group=5", label: "ml/racks groups 5-7, 9 (stuck)", summary: NO_RACK }]);
  });

  it("keeps apart other LWSes, other causes and other verdicts", () => {
    const rows = troubleRows([inTrouble("ml/racks", 1), inTrouble("ml/other", 2), inTrouble("ml/racks", 3, "the leader keeps crashing"), inTrouble("ml/racks", 4, NO_RACK, "failing"), inTrouble("ml/racks", 8)]);
    expect(rows.map((r) => r.label)).toEqual(["ml/racks groups 1, 8 (stuck)", "ml/other group 2 (stuck)", "ml/racks group 3 (stuck)", "ml/racks group 4 (failing)"]);
  });
});
