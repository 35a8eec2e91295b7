import { isMap, parseDocument, type Document } from "yaml";
import type { KubeObject } from "@/lib/k8s/types";
import { fieldErrorBody, type FieldError } from "@/lib/k8s/validation";
import { applyWebhookDefaults } from "./defaults";
import { validateLeaderWorkerSet } from "./validation";

/** Bounds on what the editor parses: a manifest, not a document bomb. */
export const MAX_MANIFEST_BYTES = 512 * 1024;
const MAX_ALIASES = 50;

export interface ManifestProblem {
  /** 1-based line, when the problem can be placed */
  line?: number;
  field?: string;
  message: string;
}

export interface ParsedManifest {
  object?: KubeObject;
  problems: ManifestProblem[];
}

function lineOf(doc: Document, source: string, field: string): number | undefined {
  const path = field.replace(/\[(\d+)\]/g, ".$1").split(".").filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  for (let n = path.length; n > 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return source.slice(0, node.range[0]).split("\n").length;
  }
  return undefined;
}

/** Places field errors (from the validator or a server's 422 causes) on the manifest's lines. */
export function placeErrors(source: string, errors: Array<{ field?: string; message: string }>): ManifestProblem[] {
  const doc = parseDocument(source);
  return errors.map((e) => ({ ...e, line: e.field ? lineOf(doc, source, e.field) : undefined }));
}

/**
 * Parses an LWS manifest and checks it with the same rules the API server applies (webhook
 * defaults, then validation), so the editor shows upstream's messages as the user types.
 */
export function parseManifest(source: string): ParsedManifest {
  if (source.length > MAX_MANIFEST_BYTES) return { problems: [{ message: `the manifest is larger than ${MAX_MANIFEST_BYTES} bytes` }] };
  const doc = parseDocument(source, { prettyErrors: true });
  if (doc.errors.length > 0) return { problems: doc.errors.map((e) => ({ line: e.linePos?.[0]?.line, message: e.message.split("\n")[0] })) };
  if (!isMap(doc.contents)) return { problems: [{ line: 1, message: "the manifest must be a YAML mapping (an object)" }] };
  let object: KubeObject;
  try {
    object = doc.toJS({ maxAliasCount: MAX_ALIASES }) as KubeObject;
  } catch (err) {
    return { problems: [{ message: err instanceof Error ? err.message : String(err) }] };
  }
  const problems: ManifestProblem[] = [];
  if (object.apiVersion !== "leaderworkerset.x-k8s.io/v1" || object.kind !== "LeaderWorkerSet") problems.push({ line: 1, field: "kind", message: "expected apiVersion leaderworkerset.x-k8s.io/v1 and kind LeaderWorkerSet" });
  const checked = { ...object, metadata: { namespace: "default", ...object.metadata } };
  const errors: FieldError[] = validateLeaderWorkerSet(applyWebhookDefaults(checked));
  for (const e of errors) problems.push({ field: e.field, line: lineOf(doc, source, e.field), message: fieldErrorBody(e) });
  return { object, problems };
}
