import type { KubeObject, StatusCause } from "@/lib/k8s/types";

/** Context a strategy may need: the clock and read access to other objects (for allocators). */
export interface StrategyContext {
  now: Date;
  list(resource: string): Iterable<KubeObject>;
}

/**
 * What is particular to one kind, as kube-apiserver's REST strategies hold it: defaults, the
 * fields the server owns, validation, and which changes bump metadata.generation.
 */
export interface KindStrategy {
  /** fills defaults and server-owned fields on a new object (mutates the draft) */
  prepareForCreate?(object: KubeObject, ctx: StrategyContext): void;
  /** carries server-owned fields over from the old object on update (mutates the draft) */
  prepareForUpdate?(object: KubeObject, old: KubeObject, ctx: StrategyContext): void;
  /** the kind's rules, which check the spec: not run for a write that keeps the stored spec (a status write) */
  validate?(object: KubeObject): StatusCause[];
  validateUpdate?(object: KubeObject, old: KubeObject): StatusCause[];
  /** seconds a delete waits before the object goes (pods bound to a node); 0 or absent = at once */
  gracefulDeletion?(object: KubeObject, requestedGraceSeconds: number | undefined): number;
  /** true while something other than metadata.finalizers holds the object on delete (a Namespace's spec.finalizers) */
  holdsDeletion?(object: KubeObject): boolean;
}
