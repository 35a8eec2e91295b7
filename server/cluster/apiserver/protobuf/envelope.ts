import { WireReader, WireType, malformedProtobuf } from "./wire";

/** Every Kubernetes protobuf body starts with these four bytes: "k8s" and a NUL. */
export const KUBERNETES_PROTOBUF_MAGIC: readonly number[] = [0x6b, 0x38, 0x73, 0x00];

/** runtime.Unknown, the envelope around the object's own message (k8s.io/apimachinery/pkg/runtime). */
export interface UnknownEnvelope {
  apiVersion: string;
  kind: string;
  /** The object's message, without TypeMeta. */
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

export function hasKubernetesProtobufMagic(body: Uint8Array): boolean {
  return KUBERNETES_PROTOBUF_MAGIC.every((byte, i) => body[i] === byte);
}

export function readEnvelope(body: Uint8Array): UnknownEnvelope {
  if (!hasKubernetesProtobufMagic(body)) throw malformedProtobuf('missing the "k8s\\x00" prefix');
  const envelope: UnknownEnvelope = { apiVersion: "", kind: "", raw: new Uint8Array(), contentEncoding: "", contentType: "" };
  const reader = new WireReader(body, KUBERNETES_PROTOBUF_MAGIC.length);
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (wireType !== WireType.LengthDelimited) {
      reader.skip(wireType);
      continue;
    }
    if (field === 1) Object.assign(envelope, readTypeMeta(reader.bytes()));
    else if (field === 2) envelope.raw = reader.bytes();
    else if (field === 3) envelope.contentEncoding = reader.string();
    else if (field === 4) envelope.contentType = reader.string();
    else reader.skip(wireType);
  }
  return envelope;
}

/** runtime.TypeMeta: apiVersion = 1, kind = 2. */
function readTypeMeta(bytes: Uint8Array): { apiVersion: string; kind: string } {
  const typeMeta = { apiVersion: "", kind: "" };
  const reader = new WireReader(bytes);
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (wireType === WireType.LengthDelimited && field === 1) typeMeta.apiVersion = reader.string();
    else if (wireType === WireType.LengthDelimited && field === 2) typeMeta.kind = reader.string();
    else reader.skip(wireType);
  }
  return typeMeta;
}
