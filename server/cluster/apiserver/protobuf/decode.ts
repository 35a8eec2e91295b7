import type { KubeObject, ObjectMeta } from "@/lib/k8s/types";
import { isRecord } from "@/lib/k8s/types";
import { badRequest, unsupportedMediaType } from "@/lib/k8s/api-errors";
import { readEnvelope } from "./envelope";
import { decodableKinds, messageForKind } from "./kinds";
import { decodeMessage } from "./message";

/** The media type of Kubernetes protobuf bodies (client-go's typed clients send it). */
export const KUBERNETES_PROTOBUF = "application/vnd.kubernetes.protobuf";

/**
 * Decodes a `application/vnd.kubernetes.protobuf` request body into the object its JSON form
 * would be: zero scalars omitted as omitempty JSON would, Quantity as its string, Time as RFC 3339,
 * IntOrString as a number or a string. Throws 400 for malformed bytes and 415 for kinds this
 * server has no descriptor for.
 */
export function decodeKubernetesProtobuf(body: Uint8Array): KubeObject {
  const { apiVersion, kind, raw, contentEncoding } = readEnvelope(body);
  if (kind === "" || apiVersion === "") throw badRequest("the protobuf envelope does not name the object's apiVersion and kind");
  if (contentEncoding !== "") {
    throw unsupportedMediaType(`protobuf bodies with content encoding "${contentEncoding}" are not supported`);
  }
  const descriptor = messageForKind(apiVersion, kind);
  if (descriptor === undefined) {
    throw unsupportedMediaType(
      `this server cannot decode ${kind} (${apiVersion}) from protobuf; send it as application/json ` +
        `(protobuf is understood for ${decodableKinds().join(", ")})`,
    );
  }
  const { metadata, ...fields } = decodeMessage(raw, descriptor);
  // The ObjectMeta descriptor yields exactly ObjectMeta's JSON fields.
  const meta = (isRecord(metadata) ? metadata : {}) as ObjectMeta;
  return { apiVersion, kind, metadata: meta, ...fields };
}
