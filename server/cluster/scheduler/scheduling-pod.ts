/**
 * The part of a Pod the scheduler reads, compiled once from the API object: requests summed,
 * selectors parsed, affinity terms resolved (namespaces, matchLabelKeys) as framework.PodInfo does.
 */
import { LabelSelectorError, labelSelectorFromObject, type Requirement, type Selector } from "@/lib/k8s/label-selector";
import { isRecord, type KubeObject, type LabelSelector } from "@/lib/k8s/types";
import { arrayAt, numberAt, recordAt, stringAt, stringMapAt, stringsAt } from "./narrow";
import { CPU, MEMORY, isScalarResource, podRequests, type ResourceAmounts } from "./resources";
import { selectorShape, type SelectorShape } from "./selector-shape";
import { tolerationsAt, type Toleration } from "./taints";

/** A required pod (anti-)affinity term. */
export interface PodAffinityTerm {
  /** undefined for an absent labelSelector, which matches no pod. */
  selector: Selector | undefined;
  /** How the indexes answer the selector; undefined with the selector. */
  shape: SelectorShape | undefined;
  namespaces: ReadonlySet<string>;
  /** undefined when not set; an empty selector selects every namespace. */
  namespaceSelector: Selector | undefined;
  topologyKey: string;
}

/** A required node selector term: requirements on node labels and on `metadata.name`. */
export interface NodeSelectorTerm {
  labels: Selector;
  fields: Selector;
}

export interface SchedulingPod {
  /** namespace/name */
  key: string;
  namespace: string;
  name: string;
  labels: Readonly<Record<string, string>>;
  nodeName: string | undefined;
  /** Succeeded or Failed: holds no resources (the scheduler's pod informer filters these out). */
  terminal: boolean;
  priority: number;
  preemptionPolicy: string | undefined;
  /** uid of the controller owner, to spread siblings. */
  ownerUid: string | undefined;
  requests: Readonly<ResourceAmounts>;
  /** Requests with scoring's defaults for containers that request no cpu/memory. */
  nonZeroRequests: Readonly<ResourceAmounts>;
  /** What the fit filter checks, in its order: cpu, memory, ephemeral-storage, then extended resources by name. */
  fitResources: readonly string[];
  /** What scoring weighs: cpu, memory and the extended resources the pod requests. */
  scoredResources: readonly string[];
  nodeSelector: Readonly<Record<string, string>>;
  /** undefined when the pod sets no required node affinity; the terms are ORed. */
  requiredNodeAffinity: readonly NodeSelectorTerm[] | undefined;
  tolerations: readonly Toleration[];
  affinityTerms: readonly PodAffinityTerm[];
  antiAffinityTerms: readonly PodAffinityTerm[];
}

function selectorOrNothing(value: unknown): Selector | undefined {
  if (!isRecord(value)) return undefined;
  try {
    return labelSelectorFromObject(value as LabelSelector);
  } catch (e) {
    if (e instanceof LabelSelectorError) return undefined;
    throw e;
  }
}

/** matchLabelKeys / mismatchLabelKeys become In / NotIn on the pod's own values; keys it lacks are ignored. */
function labelKeyRequirements(term: Record<string, unknown>, labels: Record<string, string>): Requirement[] {
  const pick = (keys: unknown, operator: "in" | "notin") =>
    stringsAt(keys)
      .filter((key) => Object.hasOwn(labels, key))
      .map((key): Requirement => ({ key, operator, values: [labels[key]] }));
  return [...pick(term.matchLabelKeys, "in"), ...pick(term.mismatchLabelKeys, "notin")];
}

function affinityTerm(value: unknown, namespace: string, labels: Record<string, string>): PodAffinityTerm {
  const term = recordAt(value);
  const base = selectorOrNothing(term.labelSelector);
  const selector = base && [...base, ...labelKeyRequirements(term, labels)];
  const namespaces = stringsAt(term.namespaces);
  const namespaceSelector = isRecord(term.namespaceSelector) ? selectorOrNothing(term.namespaceSelector) : undefined;
  const ownNamespace = namespaces.length === 0 && term.namespaceSelector == null;
  return {
    selector,
    shape: selector && selectorShape(selector),
    namespaces: new Set(ownNamespace ? [namespace] : namespaces),
    namespaceSelector,
    topologyKey: stringAt(term.topologyKey) ?? "",
  };
}

function requiredTerms(affinity: Record<string, unknown>, kind: string): unknown[] {
  return arrayAt(recordAt(affinity[kind]).requiredDuringSchedulingIgnoredDuringExecution);
}

const NODE_OPERATORS: Record<string, Requirement["operator"]> = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!", Gt: "gt", Lt: "lt" };

/** A term with an unknown operator matches nothing, as upstream ignores terms it cannot parse. */
function nodeRequirements(exprs: unknown): Selector | undefined {
  const out: Requirement[] = [];
  for (const expr of arrayAt(exprs).map(recordAt)) {
    const operator = NODE_OPERATORS[stringAt(expr.operator) ?? ""];
    if (!operator) return undefined;
    out.push({ key: stringAt(expr.key) ?? "", operator, values: stringsAt(expr.values) });
  }
  return out;
}

function nodeSelectorTerms(affinity: Record<string, unknown>): NodeSelectorTerm[] | undefined {
  const required = recordAt(affinity.nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution;
  if (!isRecord(required)) return undefined;
  return arrayAt(required.nodeSelectorTerms).flatMap((t) => {
    const term = recordAt(t);
    const labels = nodeRequirements(term.matchExpressions);
    const fields = nodeRequirements(term.matchFields);
    const empty = labels?.length === 0 && fields?.length === 0;
    return labels && fields && !empty ? [{ labels, fields }] : [];
  });
}

function controllerUid(pod: KubeObject): string | undefined {
  return pod.metadata.ownerReferences?.find((ref) => ref.controller)?.uid;
}

const FIXED_RESOURCES = [CPU, MEMORY, "ephemeral-storage"];

/** Worked out once per pod rather than for every node examined. */
function resourcesToCheck(requests: ResourceAmounts): Pick<SchedulingPod, "fitResources" | "scoredResources"> {
  const scalars = Object.keys(requests).filter(isScalarResource).sort();
  return { fitResources: [...FIXED_RESOURCES, ...scalars], scoredResources: [CPU, MEMORY, ...scalars.filter((name) => requests[name] > 0)] };
}

export function schedulingPodFromObject(pod: KubeObject): SchedulingPod {
  const spec = recordAt(pod.spec);
  const namespace = pod.metadata.namespace ?? "default";
  const name = pod.metadata.name ?? "";
  const labels = stringMapAt(pod.metadata.labels);
  const affinity = recordAt(spec.affinity);
  const phase = stringAt(recordAt(pod.status).phase);
  const requests = podRequests(spec);
  return {
    key: `${namespace}/${name}`,
    namespace,
    name,
    labels,
    nodeName: stringAt(spec.nodeName) || undefined,
    terminal: phase === "Succeeded" || phase === "Failed",
    priority: numberAt(spec.priority) ?? 0,
    preemptionPolicy: stringAt(spec.preemptionPolicy),
    ownerUid: controllerUid(pod),
    requests,
    nonZeroRequests: podRequests(spec, true),
    ...resourcesToCheck(requests),
    nodeSelector: stringMapAt(spec.nodeSelector),
    requiredNodeAffinity: nodeSelectorTerms(affinity),
    tolerations: tolerationsAt(spec.tolerations),
    affinityTerms: requiredTerms(affinity, "podAffinity").map((t) => affinityTerm(t, namespace, labels)),
    antiAffinityTerms: requiredTerms(affinity, "podAntiAffinity").map((t) => affinityTerm(t, namespace, labels)),
  };
}
