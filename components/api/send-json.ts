/** A Kubernetes Status as the dashboard's routes return it on a refusal. */
export interface ApiStatus {
  reason?: string;
  message?: string;
  details?: { causes?: Array<{ field?: string; message?: string }> };
}

export type SendResult = { ok: true; response: Response } | { ok: false; status: number; body: ApiStatus };

/**
 * Sends a JSON body to one of the dashboard's routes. A refusal, and an unreachable server too
 * (status 0), come back as a Status to show, never as a throw: a button must not stay busy, or
 * fail silently, because the network did.
 */
export async function sendJson(url: string, method: "POST" | "PUT", body: unknown): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch (err) {
    return { ok: false, status: 0, body: { message: `could not reach the server (${err instanceof Error ? err.message : String(err)})` } };
  }
  if (response.ok) return { ok: true, response };
  return { ok: false, status: response.status, body: (await response.json().catch(() => ({}))) as ApiStatus };
}
