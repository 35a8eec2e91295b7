import { Deployment } from "./apps-v1";
import { Binding, ConfigMap, Event, Namespace, PersistentVolumeClaim, Secret, Service } from "./core-v1";
import { Pod } from "./core-v1-pod";
import type { MessageDescriptor } from "./descriptors";
import { Eviction } from "./policy-v1";

/** The kinds whose protobuf bodies this server decodes, keyed by "apiVersion/kind". */
const KINDS: ReadonlyMap<string, MessageDescriptor> = new Map([
  ["v1/Namespace", Namespace],
  ["v1/ConfigMap", ConfigMap],
  ["v1/Secret", Secret],
  ["v1/Service", Service],
  ["v1/Pod", Pod],
  ["v1/Binding", Binding],
  ["v1/Event", Event],
  ["v1/PersistentVolumeClaim", PersistentVolumeClaim],
  ["apps/v1/Deployment", Deployment],
  ["policy/v1/Eviction", Eviction],
]);

export function messageForKind(apiVersion: string, kind: string): MessageDescriptor | undefined {
  return KINDS.get(`${apiVersion}/${kind}`);
}

/** "apiVersion/kind" for each decodable kind, for error messages and tests. */
export function decodableKinds(): string[] {
  return [...KINDS.keys()];
}
