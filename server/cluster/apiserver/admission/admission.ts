import type { KubeObject, StatusCause } from "@/lib/k8s/types";
import type { ResourceInfo } from "@/lib/k8s/resources";

export type AdmissionOperation = "CREATE" | "UPDATE" | "DELETE";

/** What an admission plugin sees: the attributes kube-apiserver passes to admission. */
export interface AdmissionRequest {
  operation: AdmissionOperation;
  resource: ResourceInfo;
  /** "" for the main resource, else "status", "scale", ... */
  subresource: string;
  namespace: string;
  name: string;
  /** the object being written (a mutable draft for mutating plugins); for DELETE the live object */
  object: KubeObject;
  oldObject?: KubeObject;
  dryRun: boolean;
}

/**
 * A step of the admission chain. Mutating plugins edit `request.object` in place (or return a
 * replacement); validating plugins return the causes of a 422, or throw an ApiError themselves.
 */
export interface AdmissionPlugin {
  name: string;
  appliesTo(request: AdmissionRequest): boolean;
  mutate?(request: AdmissionRequest): KubeObject | void | Promise<KubeObject | void>;
  validate?(request: AdmissionRequest): StatusCause[] | void | Promise<StatusCause[] | void>;
}

/** Mutating plugins run first, in registration order, then every validating plugin; as in kube-apiserver. */
export class AdmissionChain {
  private readonly plugins: AdmissionPlugin[] = [];

  register(plugin: AdmissionPlugin): () => void {
    this.plugins.push(plugin);
    return () => {
      const i = this.plugins.indexOf(plugin);
      if (i >= 0) this.plugins.splice(i, 1);
    };
  }

  async mutate(request: AdmissionRequest): Promise<KubeObject> {
    for (const plugin of this.plugins) {
      if (!plugin.mutate || !plugin.appliesTo(request)) continue;
      const replaced = await plugin.mutate(request);
      if (replaced) request.object = replaced;
    }
    return request.object;
  }

  async validate(request: AdmissionRequest): Promise<StatusCause[]> {
    const causes: StatusCause[] = [];
    for (const plugin of this.plugins) {
      if (!plugin.validate || !plugin.appliesTo(request)) continue;
      causes.push(...((await plugin.validate(request)) ?? []));
    }
    return causes;
  }
}
