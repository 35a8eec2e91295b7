import { describe, expect, it } from "vitest";
import { validateLabelKey } from "@/lib/k8s/validation";
import { ANNOTATIONS, CONDITIONS, CONDITION_TYPES, ENV, EVENT_REASONS, LABELS, TPU, TPU_ENV } from "./constants";

describe("LWS constants", () => {
  it("uses upstream's label and annotation domain, which is not the API group", () => {
    const own = [...Object.values(LABELS), ...Object.values(ANNOTATIONS)].filter((key) => !key.startsWith("scheduling."));
    expect(own.every((key) => key.startsWith("leaderworkerset.sigs.k8s.io/"))).toBe(true);
    expect(LABELS.templateRevisionHash).toBe("leaderworkerset.sigs.k8s.io/template-revision-hash");
    expect(ANNOTATIONS.subdomainPolicy).toBe("leaderworkerset.sigs.k8s.io/subdomainPolicy");
  });

  it("has only valid, distinct label and annotation keys", () => {
    const keys = [...Object.values(LABELS), ...Object.values(ANNOTATIONS)];
    expect(keys.flatMap(validateLabelKey)).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("names the env vars as upstream does", () => {
    expect(Object.values(ENV)).toEqual(["LWS_LEADER_ADDRESS", "LWS_GROUP_SIZE", "LWS_WORKER_INDEX"]);
    expect(Object.values(TPU_ENV)).toEqual(["TPU_WORKER_HOSTNAMES", "TPU_WORKER_ID", "TPU_NAME", "TPU_PROCESS_ADDRESSES", "TPU_PROCESS_PORT"]);
    expect(TPU).toEqual({ resourceName: "google.com/tpu", defaultProcessPort: 8476 });
  });

  it("gives each condition type its reason and message", () => {
    expect(CONDITIONS[CONDITION_TYPES.available]).toEqual({ reason: EVENT_REASONS.allGroupsReady, message: "All replicas are ready" });
    expect(CONDITIONS[CONDITION_TYPES.progressing]).toEqual({ reason: "GroupsProgressing", message: "Replicas are progressing" });
    expect(CONDITIONS[CONDITION_TYPES.updateInProgress]).toEqual({ reason: "GroupsUpdating", message: "Rolling Upgrade is in progress" });
  });
});
