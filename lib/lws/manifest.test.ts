import { describe, expect, it } from "vitest";
import { SAMPLE_LWS } from "./examples";
import { parseManifest, placeErrors } from "./manifest";

describe("LWS manifests in the editor", () => {
  it("accepts the concepts sample", () => {
    const parsed = parseManifest(SAMPLE_LWS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.object?.metadata.name).toBe("leaderworkerset-sample");
  });

  it("puts an invalid size on its line with upstream's message", () => {
    const parsed = parseManifest(SAMPLE_LWS.replace("size: 4", "size: 0"));
    expect(parsed.problems).toContainEqual({ field: "spec.leaderWorkerTemplate.size", line: 8, message: "Invalid value: 0: size must be equal or greater than 1" });
  });

  it("reports YAML syntax errors with their line, and refuses alias bombs", () => {
    expect(parseManifest("spec:\n  replicas: [1,\n").problems[0].line).toBeGreaterThan(0);
    const bomb = `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;
    expect(parseManifest(bomb).problems.length).toBeGreaterThan(0);
  });

  it("places a server's 422 causes on lines", () => {
    expect(placeErrors(SAMPLE_LWS, [{ field: "spec.replicas", message: "bad" }])).toEqual([{ field: "spec.replicas", message: "bad", line: 6 }]);
  });
});

describe("the examples gallery", () => {
  it("has only valid examples", async () => {
    const { EXAMPLES } = await import("./examples");
    for (const example of EXAMPLES) expect({ id: example.id, problems: parseManifest(example.yaml).problems }).toEqual({ id: example.id, problems: [] });
  });
});
