/**
 * A group (or sub-group) that needs a topology domain of its own and finds none, in words: the
 * count per reason in the summary, each domain's reason in the evidence, and the fixes that fit.
 */
import { amountsText, domainNoun, EXCLUSION_TEXT, listed, totalRequests, type Shortfall } from "../capacity-reasons";
import type { DomainVerdict, ExclusiveUnit } from "./domain-verdicts";
import { plural } from "./group-pods";
import type { PlacementView } from "./placement-view";
import { groupsText } from "../group-ranges";

type Kind = DomainVerdict["kind"];
type Of<K extends Kind> = Extract<DomainVerdict, { kind: K }>;

/** Most domains worth listing one by one in the evidence; the summary counts them all. */
const MAX_DETAILS = 24;

const freeText = (amount: string, resource: string) => (resource === "pod slot" ? `${amount} pod slot${amount === "1" ? "" : "s"} free` : `${amount} free ${resource}`);

/** `short`: for the summary, "has 8 free nvidia.com/gpu of 16 needed". */
function shortfallText(s: Shortfall | undefined, perPod: boolean, unit: string, short = false): string {
  if (!s) return `has too little room left to place the ${unit}'s pods together`;
  if (perPod) return `has no node with ${freeText(s.want, s.resource)} for one pod${short ? "" : ` (the most is ${s.most} on ${s.node})`}`;
  return `has ${freeText(s.most, s.resource)}${short ? ` of ${s.want} needed` : `, the ${unit} needs ${s.want}`}`;
}

function exclusionsText(v: Of<"unusable">): string {
  return [...v.exclusions].map(([why, n]) => `${n} ${EXCLUSION_TEXT[why]}`).join(", ");
}

/** One domain's reason, for the evidence. */
function detail(v: DomainVerdict, unit: string): string {
  switch (v.kind) {
    case "own": return `${v.value} is taken by ${groupsText(v.groups)}`;
    case "other": return `${v.value} holds pods of LWS ${v.lws.join(", ")} in this namespace, and exclusive placement keeps every LWS's groups apart there (upstream #539)`;
    case "unusable": return `${v.value} has no node the ${unit} may use: of ${plural(v.nodes, "node")}, ${exclusionsText(v)}`;
    case "small": return `${v.value} ${shortfallText(v.shortfall, v.perPod, unit)}${v.unusableNodes > 0 ? ` (${plural(v.unusableNodes, "node")} there it may not use)` : ""}`;
    case "room": return `${v.value} has room for the ${unit} now: the scheduler places it on its next attempt`;
  }
}

/** The summary's phrase for the domains of one kind: named when one, counted when more. */
function phrase(kind: Kind, of: DomainVerdict[], unit: string): string {
  const [first] = of;
  const one = of.length === 1;
  const who = one ? first.value : String(of.length);
  switch (kind) {
    case "own": return `${who} ${one ? "is" : "are"} taken by ${groupsText([...new Set(of.flatMap((v) => (v.kind === "own" ? v.groups : [])))].sort((a, b) => a - b))}`;
    case "other": return `${who} ${one ? "holds" : "hold"} pods of LWS ${[...new Set(of.flatMap((v) => (v.kind === "other" ? v.lws : [])))].join(", ")} (upstream #539)`;
    case "unusable": return one && first.kind === "unusable" ? `${who} has no node it may use (${exclusionsText(first)})` : `${who} have no node it may use`;
    case "small": return one && first.kind === "small" ? `${who} ${shortfallText(first.shortfall, first.perPod, unit, true)}` : `${who} are too small for it`;
    case "room": return `${who} ${one ? "has" : "have"} room now`;
  }
}

const ORDER: Kind[] = ["own", "other", "small", "unusable", "room"];

function byKind(verdicts: DomainVerdict[]): Array<[Kind, DomainVerdict[]]> {
  return ORDER.map((kind): [Kind, DomainVerdict[]] => [kind, verdicts.filter((v) => v.kind === kind)]).filter(([, of]) => of.length > 0);
}

function fixes(view: PlacementView, unit: ExclusiveUnit, verdicts: DomainVerdict[]): string[] {
  const of = <K extends Kind>(kind: K) => verdicts.filter((v): v is Of<K> => v.kind === kind);
  const noun = domainNoun(unit.key);
  const usable = of("own").length + of("room").length;
  const capacity = unit.name === "group" && usable < view.replicas ? `add a ${noun} with room for a group (nodes labelled ${unit.key}) or lower replicas to ${usable}` : `add a ${noun} with room for the ${unit.name}`;
  const exclusions = new Set(of("unusable").flatMap((v) => [...v.exclusions.keys()]));
  return [
    of("own").length > 0 || verdicts.length === 0 ? capacity : "",
    of("other").length > 0 ? `move LWS ${[...new Set(of("other").flatMap((v) => v.lws))].join(", ")} to another namespace, or give this LWS one of its own` : "",
    of("small").length > 0 ? `free or add capacity on ${listed(of("small").map((v) => v.value))}, or lower the group's size or requests` : "",
    exclusions.has("cordoned") ? "uncordon the cordoned nodes (kubectl uncordon)" : "",
    exclusions.has("not ready") ? "bring the NotReady nodes back" : "",
    exclusions.has("tainted") ? "tolerate the nodes' taints or remove them" : "",
    exclusions.has("nodeSelector") || exclusions.has("node affinity") ? "fix the template's nodeSelector or node affinity" : "",
  ].filter(Boolean);
}

export interface ExclusiveFindings {
  /** after "N pods cannot be scheduled: " */
  reason: string;
  evidence: string[];
  suggestion: string;
}

/** Why no domain of `unit.key` takes the unit, from a verdict per domain. */
export function exclusiveFindings(view: PlacementView, unit: ExclusiveUnit, verdicts: DomainVerdict[]): ExclusiveFindings {
  const noun = domainNoun(unit.key);
  const owner = unit.name === "group" ? "" : ` for ${unit.name}`;
  const needs = `exclusive topology needs a ${noun} of its own${owner} with room for ${amountsText(totalRequests(unit.pods), unit.pods.length)}`;
  if (verdicts.length === 0) return { reason: `${needs}, and no node has the label "${unit.key}"`, evidence: [], suggestion: `label the nodes with "${unit.key}", or fix the exclusive-topology annotation` };
  const kinds = byKind(verdicts);
  const all = domainNoun(unit.key, verdicts.length);
  const breakdown =
    kinds.length === 1 && verdicts.length > 1
      ? `all ${verdicts.length} ${all} ${phrase(kinds[0][0], kinds[0][1], unit.name).replace(/^\d+ /, "")}`
      : `of ${verdicts.length} ${all}, ${kinds.map(([kind, of]) => phrase(kind, of, unit.name)).join(", ")}`;
  const details = verdicts.slice(0, MAX_DETAILS).map((v) => detail(v, unit.name));
  const more = verdicts.length > MAX_DETAILS ? [`and ${verdicts.length - MAX_DETAILS} more ${all}`] : [];
  return { reason: `${needs}; ${breakdown}`, evidence: [...details, ...more], suggestion: fixes(view, unit, verdicts).join("; ") };
}
