/**
 * A minimal protobuf writer for tests: builds wire bytes field by field, so tests can state a
 * message in terms of its generated.proto numbers.
 */
import { KUBERNETES_PROTOBUF_MAGIC } from "./envelope";
import { WireType } from "./wire";

export function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

/** Varint bytes of a value, negatives as 64-bit two's complement (10 bytes), as Go writes them. */
export function varintBytes(value: number | bigint): Uint8Array {
  let rest = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    out.push(rest === 0n ? low : low | 0x80);
  } while (rest !== 0n);
  return Uint8Array.from(out);
}

export function tag(field: number, wireType: number): Uint8Array {
  return varintBytes(field * 8 + wireType);
}

export function varint(field: number, value: number | bigint | boolean): Uint8Array {
  return concat(tag(field, WireType.Varint), varintBytes(typeof value === "boolean" ? Number(value) : value));
}

export function bytesField(field: number, content: Uint8Array): Uint8Array {
  return concat(tag(field, WireType.LengthDelimited), varintBytes(content.length), content);
}

export function string(field: number, value: string): Uint8Array {
  return bytesField(field, new TextEncoder().encode(value));
}

export function message(field: number, ...fields: Uint8Array[]): Uint8Array {
  return bytesField(field, concat(...fields));
}

/** One map<string, V> entry: key = 1, value = 2. */
export function mapEntry(field: number, key: string, value: Uint8Array): Uint8Array {
  return message(field, string(1, key), value);
}

/** The "k8s\0" magic and the runtime.Unknown envelope around an object's message. */
export function kubernetesProtobuf(apiVersion: string, kind: string, object: Uint8Array, contentEncoding = ""): Uint8Array {
  return concat(
    Uint8Array.from(KUBERNETES_PROTOBUF_MAGIC),
    message(1, string(1, apiVersion), string(2, kind)),
    bytesField(2, object),
    string(3, contentEncoding),
    string(4, ""),
  );
}
