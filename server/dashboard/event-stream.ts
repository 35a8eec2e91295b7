import type { StreamHub, Subscription } from "./stream-hub";

const encoder = new TextEncoder();
// Bytes a tab may have unread before the hub holds its changes back (and coalesces them).
const HIGH_WATER_MARK = 256 * 1024;

/**
 * The HTTP side of /api/stream: filters from the query string, resumption from Last-Event-ID
 * (header, or `lastEventId` when the page reopens the stream itself), and backpressure from the
 * response stream's queue to the subscriber.
 */
export function openEventStream(hub: StreamHub, request: Request): Response {
  const url = new URL(request.url);
  const flag = (name: string) => url.searchParams.get(name) === "1" || undefined;
  const filter = { namespace: url.searchParams.get("namespace") || undefined, lws: url.searchParams.get("lws") || undefined, overview: flag("overview"), podCounts: flag("podCounts") };
  const lastEventId = request.headers.get("last-event-id") || url.searchParams.get("lastEventId") || undefined;
  let subscription: Subscription | undefined;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode("retry: 2000\n\n"));
        subscription = hub.subscribe(filter, lastEventId, {
          write(frame) {
            try {
              controller.enqueue(encoder.encode(frame));
              return (controller.desiredSize ?? 1) > 0;
            } catch {
              return false;
            }
          },
        });
      },
      pull() {
        subscription?.resume();
      },
      cancel() {
        subscription?.close();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_MARK }),
  );
  request.signal.addEventListener("abort", () => subscription?.close());
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
