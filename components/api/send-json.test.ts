import { afterEach, describe, expect, it, vi } from "vitest";
import { sendJson } from "./send-json";

afterEach(() => vi.unstubAllGlobals());

const answer = (response: Response | Error) => vi.stubGlobal("fetch", vi.fn(async () => (response instanceof Error ? Promise.reject(response) : response)));

describe("sendJson", () => {
  it("sends the body as JSON and hands back a success", async () => {
    const fetch = vi.fn(async () => new Response("{}", { status: 201 }));
    vi.stubGlobal("fetch", fetch);
    const result = await sendJson("/api/lws", "POST", { a: 1 });
    expect(result.ok).toBe(true);
    expect(fetch).toHaveBeenCalledWith("/api/lws", { method: "POST", headers: { "content-type": "application/json" }, body: '{"a":1}' });
  });

  it("hands back a refusal's Status", async () => {
    answer(new Response(JSON.stringify({ reason: "Conflict", message: "changed meanwhile" }), { status: 409 }));
    expect(await sendJson("/api/x", "PUT", {})).toEqual({ ok: false, status: 409, body: { reason: "Conflict", message: "changed meanwhile" } });
  });

  it("turns a refusal without a JSON body into an empty Status", async () => {
    answer(new Response("<html>bad gateway</html>", { status: 502 }));
    expect(await sendJson("/api/x", "POST", {})).toEqual({ ok: false, status: 502, body: {} });
  });

  it("turns an unreachable server into a message instead of a throw", async () => {
    answer(new TypeError("fetch failed"));
    expect(await sendJson("/api/x", "POST", {})).toEqual({ ok: false, status: 0, body: { message: "could not reach the server (fetch failed)" } });
  });
});
