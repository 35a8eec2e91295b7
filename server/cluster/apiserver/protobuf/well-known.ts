/**
 * The apimachinery types whose JSON form differs from their protobuf message: Quantity,
 * Time, MicroTime and IntOrString.
 */
import { WireReader, WireType, malformedProtobuf } from "./wire";

/** resource.Quantity { string = 1 }: JSON is the string itself. */
export function decodeQuantity(bytes: Uint8Array): string {
  let value = "0";
  const reader = new WireReader(bytes);
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field === 1 && wireType === WireType.LengthDelimited) value = reader.string();
    else reader.skip(wireType);
  }
  return value;
}

/** intstr.IntOrString { type = 1, intVal = 2, strVal = 3 }: type 1 means the string. */
export function decodeIntOrString(bytes: Uint8Array): number | string {
  let type = 0;
  let intVal = 0;
  let strVal = "";
  const reader = new WireReader(bytes);
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field === 1 && wireType === WireType.Varint) type = reader.int64();
    else if (field === 2 && wireType === WireType.Varint) intVal = reader.int32();
    else if (field === 3 && wireType === WireType.LengthDelimited) strVal = reader.string();
    else reader.skip(wireType);
  }
  return type === 1 ? strVal : intVal;
}

/**
 * meta/v1 Time { seconds = 1, nanos = 2 }. Go writes the zero Time as an empty message, so empty
 * means unset (undefined). Go's Time keeps whole seconds only, so nanos are dropped.
 */
export function decodeTime(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return undefined;
  return rfc3339(readTimestamp(bytes).seconds);
}

/** meta/v1 MicroTime: like Time but kept to the microsecond, as RFC 3339 with six decimals. */
export function decodeMicroTime(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return undefined;
  const { seconds, nanos } = readTimestamp(bytes);
  return rfc3339(seconds, Math.floor(nanos / 1000));
}

function readTimestamp(bytes: Uint8Array): { seconds: number; nanos: number } {
  const timestamp = { seconds: 0, nanos: 0 };
  const reader = new WireReader(bytes);
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    if (field === 1 && wireType === WireType.Varint) timestamp.seconds = reader.int64();
    else if (field === 2 && wireType === WireType.Varint) timestamp.nanos = reader.int32();
    else reader.skip(wireType);
  }
  if (timestamp.nanos < 0 || timestamp.nanos > 999_999_999) throw malformedProtobuf(`nanos ${timestamp.nanos} out of range`);
  return timestamp;
}

const MIN_SECONDS = -62135596800; // 0001-01-01T00:00:00Z
const MAX_SECONDS = 253402300799; // 9999-12-31T23:59:59Z

function rfc3339(seconds: number, micros?: number): string {
  if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) throw malformedProtobuf(`time ${seconds}s is out of range`);
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  return micros === undefined ? `${base}Z` : `${base}.${String(micros).padStart(6, "0")}Z`;
}
