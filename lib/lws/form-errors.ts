/** Which form field shows an error reported at a field path: the validator's, or a 422's causes. */
import {
  CLAIM_KEYS,
  CLAIMS_PATH,
  claimField,
  POD_KEYS,
  podField,
  SCALAR_FIELDS,
  SUBGROUP_POLICY_PATH,
  TEMPLATE_PATHS,
  type FormField,
  type Path,
  type PathField,
  type ScalarField,
} from "./form-fields";

const ANNOTATIONS_DOT = "metadata.annotations.";
const SEGMENT = /([^.[\]]+)|\[([^\]]*)\]/g;

/** `a.b[0].c[key.with.dots]` as path segments. */
function segmentsOf(errorField: string): Path {
  // Upstream reports the subgroup annotation as `metadata.annotations.<key>`: the key's own dots are not steps.
  if (errorField.startsWith(ANNOTATIONS_DOT)) return ["metadata", "annotations", errorField.slice(ANNOTATIONS_DOT.length)];
  return [...errorField.matchAll(SEGMENT)].map(([, name, key]) => {
    if (name !== undefined) return name === "SubGroupPolicy" ? "subGroupPolicy" : name; // upstream's capital S
    return /^\d+$/.test(key) ? Number(key) : key;
  });
}

const isPrefix = (prefix: Path, path: Path) => prefix.length <= path.length && prefix.every((key, i) => key === path[i]);

function pathFields(claim: number | undefined): Array<[FormField, PathField]> {
  const fields: Array<[FormField, PathField]> = (Object.keys(SCALAR_FIELDS) as ScalarField[]).map((key) => [key, SCALAR_FIELDS[key]]);
  for (const role of ["leader", "worker"] as const) for (const key of POD_KEYS) fields.push([`${role}.${key}`, podField(role, key)]);
  if (claim !== undefined) for (const key of CLAIM_KEYS) fields.push([`volumeClaims.${claim}.${key}`, claimField(claim, key)]);
  return fields;
}

/** The field whose path is the longest prefix of the error's. */
function closestField(segments: Path, claim: number | undefined): FormField | undefined {
  let best: { field: FormField; length: number } | undefined;
  for (const [field, { paths }] of pathFields(claim)) {
    for (const path of paths) if (isPrefix(path, segments) && path.length > (best?.length ?? 0)) best = { field, length: path.length };
  }
  return best?.field;
}

const TOGGLES: Array<[FormField, Path]> = [["leaderTemplate", TEMPLATE_PATHS.leader], ["subGroups", SUBGROUP_POLICY_PATH]];

/**
 * Maps an error's field path (`spec.leaderWorkerTemplate.size`, `metadata.annotations[...]`,
 * `...volumeClaimTemplates[1].spec.resources.requests[storage]`) to the form field that shows it;
 * undefined when the form has no such field.
 */
export function formFieldOf(errorField: string): FormField | undefined {
  const segments = segmentsOf(errorField);
  const index = isPrefix(CLAIMS_PATH, segments) ? segments[CLAIMS_PATH.length] : undefined;
  const claim = typeof index === "number" ? index : undefined;
  const closest = closestField(segments, claim);
  if (closest) return closest;
  if (claim !== undefined) return `volumeClaims.${claim}`;
  return TOGGLES.find(([, path]) => path.length === segments.length && isPrefix(path, segments))?.[0];
}
