import { describe, expect, it } from "vitest";
import { readConfig } from "./config";

const env = (vars: Record<string, string | undefined>): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...vars });

describe("readConfig: LWS_GANG_SCHEDULING", () => {
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["volcano", "volcano"],
  ])("%j gives %j", (value, expected) => {
    expect(readConfig(env({ LWS_GANG_SCHEDULING: value })).gangScheduling).toBe(expected);
  });

  it("rejects a provider upstream does not support", () => {
    expect(() => readConfig(env({ LWS_GANG_SCHEDULING: "yunikorn" }))).toThrow('LWS_GANG_SCHEDULING must be one of volcano, got "yunikorn"');
  });
});
