import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedCluster } from "@/server/cluster/embedded-cluster";
import { openEventStream } from "./event-stream";
import { StreamHub } from "./stream-hub";

let cluster: EmbeddedCluster;
let hub: StreamHub;
beforeAll(async () => {
  cluster = new EmbeddedCluster({ dbPath: ":memory:" });
  await cluster.start();
  hub = new StreamHub(cluster.informers);
  await hub.start();
});
afterAll(() => {
  hub.stop();
  cluster.close();
});

describe("GET /api/stream", () => {
  it("answers an unbuffered event stream that starts with a snapshot, and lets go of the client on abort", async () => {
    const abort = new AbortController();
    const response = openEventStream(hub, new Request("http://127.0.0.1/api/stream?namespace=default&lws=x", { signal: abort.signal }));
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("event: snapshot")) text += new TextDecoder().decode((await reader.read()).value);
    expect(text.startsWith("retry: 2000\n\n")).toBe(true);
    expect(text).toMatch(/id: \d+\nevent: snapshot\ndata: \{"resourceVersion":"\d+","lws":\[\],"pod":\[\]/);
    expect(hub.subscriberCount).toBe(1);
    abort.abort();
    await reader.cancel();
    expect(hub.subscriberCount).toBe(0);
  });
});
