import { parseDocument, stringify } from "yaml";
import type { TheirChange } from "@/lib/k8s/rebase";
import type { KubeObject, ObjectMeta } from "@/lib/k8s/types";
import { yamlStyleOf } from "./yaml-style";

/**
 * The part of a live LeaderWorkerSet a person edits: its identity, labels, annotations,
 * finalizers and spec. Status and server-owned metadata stay out of the editor; the update
 * carries the resourceVersion separately, for optimistic concurrency.
 */
export function editableManifest(lws: KubeObject): KubeObject {
  const { name, namespace, labels, annotations, finalizers } = lws.metadata;
  const metadata: ObjectMeta = { name, namespace };
  if (labels && Object.keys(labels).length > 0) metadata.labels = labels;
  if (annotations && Object.keys(annotations).length > 0) metadata.annotations = annotations;
  if (finalizers && finalizers.length > 0) metadata.finalizers = finalizers;
  return { apiVersion: lws.apiVersion, kind: lws.kind, metadata, spec: lws.spec };
}

/** YAML as the editor shows a manifest: block style, long commands never folded. */
export function manifestYaml(object: unknown): string {
  return stringify(object, { lineWidth: 0 });
}

/** Lays someone else's changes over the user's manifest text, keeping its comments and layout. */
export function applyTheirChanges(source: string, changes: readonly TheirChange[]): string {
  const doc = parseDocument(source);
  for (const { path, value } of changes) {
    if (value === undefined) doc.deleteIn(path);
    else doc.setIn(path, doc.createNode(value));
  }
  return doc.toString(yamlStyleOf(source));
}
