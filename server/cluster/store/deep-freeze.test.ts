import { afterEach, describe, expect, it, vi } from "vitest";

async function freshDeepFreeze(): Promise<typeof import("./deep-freeze").deepFreeze> {
  vi.resetModules();
  return (await import("./deep-freeze")).deepFreeze;
}

describe("deepFreeze", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("freezes an object and everything in it outside production", async () => {
    const deepFreeze = await freshDeepFreeze();
    const pod = deepFreeze({ metadata: { labels: { app: "x" } }, spec: { containers: [{ name: "main" }] } });
    expect(Object.isFrozen(pod.metadata.labels)).toBe(true);
    expect(Object.isFrozen(pod.spec.containers[0])).toBe(true);
    expect(() => {
      (pod.metadata.labels as Record<string, string>).app = "y";
    }).toThrow(TypeError);
  });

  it("leaves objects as they are in production, where freezing costs each object a hidden class", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const deepFreeze = await freshDeepFreeze();
    const pod = { metadata: { name: "p" } };
    expect(deepFreeze(pod)).toBe(pod);
    expect(Object.isFrozen(pod.metadata)).toBe(false);
  });
});
