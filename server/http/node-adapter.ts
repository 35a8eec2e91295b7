import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

export type FetchHandler = (request: Request) => Promise<Response>;

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const url = `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`;
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

async function writeResponse(response: Response, res: ServerResponse, streaming: boolean): Promise<void> {
  const headers = Object.fromEntries(response.headers.entries());
  if (!streaming || !response.body) {
    // One write: headers and body leave together.
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...headers, "content-length": String(body.length) });
    return void res.end(body);
  }
  res.writeHead(response.status, headers);
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise((resolve) => res.once("drain", resolve));
  }
  res.end();
}

/** Watches and followed logs stream; every other response is sent in one piece. */
function isStreaming(url: string | undefined): boolean {
  return /[?&](watch=(true|1)|follow=true)(&|$)/.test(url ?? "");
}

/** Serves a fetch-style handler on node:http (tests and benchmarks; the app serves through Next). */
export function nodeListener(handler: FetchHandler) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    handler(toRequest(req, abort.signal))
      .then((response) => writeResponse(response, res, isStreaming(req.url)))
      .catch((err) => {
        console.error("http adapter:", err);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  };
}
