/**
 * JSON Patch (RFC 6902), the body of `application/json-patch+json` — what client-node sends
 * by default and what `kubectl patch --type=json` sends.
 */
import { ApiError, badRequest } from "@/lib/k8s/api-errors";
import { isRecord } from "@/lib/k8s/types";

type Container = Record<string, unknown> | unknown[];

interface Operation {
  op: "add" | "remove" | "replace" | "move" | "copy" | "test";
  path: string;
  from?: string;
  value?: unknown;
}

const OPS: ReadonlySet<string> = new Set(["add", "remove", "replace", "move", "copy", "test"]);

/** Applies an RFC 6902 patch to a copy of `doc`. 400 for a malformed patch, 422 for an operation that does not apply. */
export function applyJsonPatch(doc: unknown, patch: unknown): unknown {
  const ops = parseOperations(patch);
  // The document hangs off a holder so that "" (the whole document) has a parent like any other path.
  const holder: Record<string, unknown> = { doc: structuredClone(doc) };
  for (const op of ops) applyOperation(holder, op);
  return holder.doc;
}

function parseOperations(patch: unknown): Operation[] {
  if (!Array.isArray(patch)) throw badRequest("json patch must be an array of operations");
  return patch.map(parseOperation);
}

function parseOperation(raw: unknown, index: number): Operation {
  const where = `json patch operation ${index}`;
  if (!isRecord(raw)) throw badRequest(`${where} is not an object`);
  const { op, path, from } = raw;
  if (typeof op !== "string" || !OPS.has(op)) throw badRequest(`${where}: unknown op ${JSON.stringify(op)}`);
  if (typeof path !== "string") throw badRequest(`${where} (${op}): missing "path"`);
  if ((op === "move" || op === "copy") && typeof from !== "string") throw badRequest(`${where} (${op}): missing "from"`);
  if ((op === "add" || op === "replace" || op === "test") && !("value" in raw)) {
    throw badRequest(`${where} (${op}): missing "value"`);
  }
  return { op: op as Operation["op"], path, from: from as string | undefined, value: raw.value };
}

function applyOperation(holder: Record<string, unknown>, op: Operation): void {
  const path = pointerTokens(op.path);
  switch (op.op) {
    case "add":
      return add(holder, path, structuredClone(op.value), op);
    case "remove":
      remove(holder, path, op);
      return;
    case "replace":
      remove(holder, path, op);
      return add(holder, path, structuredClone(op.value), op);
    case "move":
      return move(holder, pointerTokens(op.from ?? ""), path, op);
    case "copy":
      return add(holder, path, structuredClone(read(holder, pointerTokens(op.from ?? ""), op)), op);
    case "test":
      if (!deepEqual(read(holder, path, op), op.value)) throw notApplicable(op, `value at "${op.path}" does not match`);
  }
}

function move(holder: Record<string, unknown>, from: string[], path: string[], op: Operation): void {
  const isInside = path.length > from.length && from.every((token, i) => token === path[i]);
  if (isInside) throw notApplicable(op, `cannot move "${op.from}" into itself`);
  add(holder, path, remove(holder, from, op), op);
}

/** JSON Pointer (RFC 6901) to reference tokens, prefixed with the holder's key. */
function pointerTokens(pointer: string): string[] {
  if (pointer === "") return ["doc"];
  if (!pointer.startsWith("/")) throw badRequest(`json patch path ${JSON.stringify(pointer)} must start with "/"`);
  return ["doc", ...pointer.slice(1).split("/").map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"))];
}

/** The container holding the last token of `tokens`, walking from the holder. */
function parentOf(holder: Record<string, unknown>, tokens: string[], op: Operation): Container {
  let node: unknown = holder;
  for (const token of tokens.slice(0, -1)) {
    const child = childOf(node, token);
    if (child === undefined) throw missing(op);
    node = child;
  }
  if (!isRecord(node) && !Array.isArray(node)) throw missing(op);
  return node;
}

function childOf(node: unknown, token: string): unknown {
  if (Array.isArray(node)) {
    const index = arrayIndex(token, node.length - 1);
    return index === undefined ? undefined : node[index];
  }
  return isRecord(node) && Object.hasOwn(node, token) ? node[token] : undefined;
}

/** An array index token ("0", "12"; no leading zeros), if it is within 0..max. */
function arrayIndex(token: string, max: number): number | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
  const index = Number(token);
  return index <= max ? index : undefined;
}

function read(holder: Record<string, unknown>, tokens: string[], op: Operation): unknown {
  const value = childOf(parentOf(holder, tokens, op), tokens[tokens.length - 1]);
  if (value === undefined) throw missing(op);
  return value;
}

function add(holder: Record<string, unknown>, tokens: string[], value: unknown, op: Operation): void {
  const parent = parentOf(holder, tokens, op);
  const last = tokens[tokens.length - 1];
  if (!Array.isArray(parent)) {
    parent[last] = value;
    return;
  }
  const index = last === "-" ? parent.length : arrayIndex(last, parent.length);
  if (index === undefined) throw missing(op);
  parent.splice(index, 0, value);
}

function remove(holder: Record<string, unknown>, tokens: string[], op: Operation): unknown {
  if (tokens.length === 1 && op.op === "remove") throw notApplicable(op, "cannot remove the whole document");
  const parent = parentOf(holder, tokens, op);
  const last = tokens[tokens.length - 1];
  const value = childOf(parent, last);
  if (value === undefined) throw missing(op);
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return value;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return a === b;
}

function missing(op: Operation): ApiError {
  const path = op.op === "move" || (op.op === "copy" && op.from !== undefined) ? `"${op.from}" or "${op.path}"` : `"${op.path}"`;
  return notApplicable(op, `the document is missing path ${path}`);
}

/**
 * Upstream answers 422 Invalid for a patch that parses but does not apply, with the generic
 * "the server rejected our request due to an error in our request" and the jsonpatch error
 * only in details.causes; we put the jsonpatch error in the message, where kubectl shows it.
 */
function notApplicable(op: Operation, why: string): ApiError {
  const message = `json patch ${op.op} operation does not apply: ${why}`;
  return new ApiError(422, "Invalid", message, { causes: [{ reason: "FieldValueInvalid", field: op.path, message }] });
}
