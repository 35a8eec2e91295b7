import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { z } from "zod";
import { DEFAULT_TOPOLOGY } from "./default-topology";
import { nodeSpecs } from "./node-specs";
import { topologySchema, type Topology } from "./topology-schema";

// Bounds the expansion of YAML aliases (the "billion laughs" file).
const MAX_ALIAS_COUNT = 100;

/** A topology file that cannot be used; the message names the file and every offending field. */
export class TopologyError extends Error {
  constructor(source: string, problems: string[]) {
    super(`topology ${source} is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "TopologyError";
  }
}

/** zones[0].racks[1].capacity.cpu */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("") || "(top level)";
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
  if (keys.length > 0) return keys.map((k) => `${fieldPath([...issue.path, k])}: unknown field`).join("\n  - ");
  return `${fieldPath(issue.path)}: ${issue.message}`;
}

function duplicateNodeNames(topology: Topology): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { name } of nodeSpecs(topology)) (seen.has(name) ? duplicates : seen).add(name);
  return [...duplicates].map((name) => `zones: node name ${JSON.stringify(name)} is used more than once`);
}

/** Parses and validates a topology document; `source` names it in errors. */
export function parseTopology(text: string, source: string): Topology {
  let document: unknown;
  try {
    document = parse(text, { maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new TopologyError(source, [`not valid YAML: ${err instanceof Error ? err.message : String(err)}`]);
  }
  const result = topologySchema.safeParse(document);
  if (!result.success) throw new TopologyError(source, result.error.issues.map(describeIssue));
  const duplicates = duplicateNodeNames(result.data);
  if (duplicates.length > 0) throw new TopologyError(source, duplicates);
  return result.data;
}

/** The topology of the file (LWS_TOPOLOGY), or the built-in default when there is none. */
export function loadTopology(file: string | undefined): Topology {
  if (!file) return DEFAULT_TOPOLOGY;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new TopologyError(`file ${file}`, [`cannot be read: ${err instanceof Error ? err.message : String(err)}`]);
  }
  return parseTopology(text, `file ${file}`);
}
