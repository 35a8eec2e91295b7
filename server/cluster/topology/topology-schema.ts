/**
 * The topology file: zones → racks → nodes, with capacity, labels and taints set at any level
 * (see README.md). Validated once here; everything after trusts the typed result.
 */
import { z } from "zod";
import { parseQuantity } from "@/lib/k8s/quantity";
import { validateDns1123Label, validateDns1123Subdomain, validateLabelKey, validateLabelValue } from "@/lib/k8s/validation";

/** More nodes than any simulation here needs, and few enough to refuse a typo like `nodes: 40000`. */
export const MAX_NODES_PER_RACK = 1000;

function checked(validate: (value: string) => string[]) {
  return (value: string, ctx: z.RefinementCtx) => {
    for (const message of validate(value)) ctx.addIssue({ code: "custom", message: `${JSON.stringify(value)}: ${message}` });
  };
}

function quantityErrors(value: string): string[] {
  try {
    return parseQuantity(value) < 0 ? ["must not be negative"] : [];
  } catch {
    return ["is not a valid quantity (e.g. 32, 500m, 256Gi)"];
  }
}

// YAML reads `cpu: 32` as a number; Kubernetes accepts both spellings of a quantity.
const quantity = z.union([z.string(), z.number()]).transform(String).superRefine(checked(quantityErrors));

const capacity = z.record(z.string().superRefine(checked(validateLabelKey)), quantity);

const labels = z.record(z.string().superRefine(checked(validateLabelKey)), z.string().superRefine(checked(validateLabelValue)));

const taint = z.strictObject({
  key: z.string().superRefine(checked(validateLabelKey)),
  value: z.string().superRefine(checked(validateLabelValue)).optional(),
  effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]),
});

/** What every level may set; a deeper level's capacity keys and labels win, taints add up. */
const settings = {
  capacity: capacity.optional(),
  labels: labels.optional(),
  taints: z.array(taint).optional(),
};

const domainName = z.string().superRefine(checked(validateDns1123Label));

const nodeSchema = z.strictObject({ name: z.string().superRefine(checked(validateDns1123Subdomain)), ...settings });

const rackSchema = z.strictObject({
  name: domainName,
  ...settings,
  /** a count of generated nodes, or the nodes themselves */
  nodes: z.union([z.number().int().min(1).max(MAX_NODES_PER_RACK), z.array(nodeSchema).min(1)]),
});

const zoneSchema = z.strictObject({ name: domainName, ...settings, racks: z.array(rackSchema).min(1) });

export const topologySchema = z.strictObject({ region: domainName.optional(), ...settings, zones: z.array(zoneSchema).min(1) });

export type Topology = z.output<typeof topologySchema>;
export type TopologyZone = z.output<typeof zoneSchema>;
export type TopologyRack = z.output<typeof rackSchema>;
export type TopologyNode = z.output<typeof nodeSchema>;
export type TopologyTaint = z.output<typeof taint>;
export type TopologySettings = Pick<Topology, "capacity" | "labels" | "taints">;
