import { reviewAdmission, WEBHOOK_PATHS } from "@/server/lws/admission-webhooks";
import type { PodWebhookOptions } from "@/server/lws/pod-mutation";

const PATHS = new Set<string>(Object.values(WEBHOOK_PATHS));
const MAX_REVIEW_BYTES = 3 * 1024 * 1024;

export function isWebhookPath(url: string | undefined): boolean {
  return PATHS.has((url ?? "").split("?")[0]);
}

/** POST <webhook path>: an AdmissionReview in, an AdmissionReview out (real clusters call these over TLS). */
export async function handleWebhook(request: Request, options: PodWebhookOptions = {}): Promise<Response> {
  if (request.method !== "POST") return new Response("method not allowed", { status: 405 });
  const text = await request.text();
  if (text.length > MAX_REVIEW_BYTES) return new Response("request entity too large", { status: 413 });
  try {
    return Response.json(reviewAdmission(new URL(request.url).pathname, JSON.parse(text), options));
  } catch (err) {
    return new Response(err instanceof Error ? err.message : String(err), { status: 400 });
  }
}
