import { parse as parseYaml } from "yaml";
import { badRequest, tooLarge } from "@/lib/k8s/api-errors";

/** kube-apiserver's limit on request bodies. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;
// Bounds YAML anchors/aliases so a small "billion laughs" document cannot expand without limit.
const MAX_YAML_ALIASES = 100;

/** Reads a request body as text (see readBodyBytes). */
export async function readBody(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  return (await readBodyBytes(request, limit)).toString("utf8");
}

/** Reads a request body, refusing (413) anything over the limit without buffering it all first. */
export async function readBodyBytes(request: Request, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw badRequest("the request body is empty");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`the request body is not valid JSON: ${(err as Error).message}`);
  }
}

/** Server-side apply bodies are YAML by media type (kubectl sends JSON, which is YAML too). */
export function parseYamlBody(text: string): unknown {
  if (text.trim() === "") throw badRequest("the request body is empty");
  try {
    return parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES, strict: true });
  } catch (err) {
    throw badRequest(`the request body is not valid YAML: ${(err as Error).message}`);
  }
}
