import { isRecord } from "@/lib/k8s/types";
import type { FieldDescriptor, MessageDescriptor, ValueType } from "./descriptors";
import { decodeIntOrString, decodeMicroTime, decodeQuantity, decodeTime } from "./well-known";
import { WireReader, WireType, malformedProtobuf, utf8Text } from "./wire";

type JsonObject = Record<string, unknown>;

/** Decodes one protobuf message into its JSON form, skipping fields the descriptor does not name. */
export function decodeMessage(bytes: Uint8Array, descriptor: MessageDescriptor): JsonObject {
  const out: JsonObject = {};
  const reader = new WireReader(bytes);
  while (!reader.done) {
    const { field, wireType } = reader.tag();
    const fieldDescriptor = descriptor[field];
    if (fieldDescriptor === undefined) reader.skip(wireType);
    else decodeField(reader, wireType, fieldDescriptor, out);
  }
  return out;
}

function decodeField(reader: WireReader, wireType: number, field: FieldDescriptor, out: JsonObject): void {
  if (field.inline) {
    Object.assign(out, decodeMessage(expectBytes(reader, wireType, field), nestedMessage(field)));
  } else if (field.shape === "map") {
    const [key, value] = decodeMapEntry(expectBytes(reader, wireType, field), field);
    // defineProperty keeps a "__proto__" key as an ordinary entry, as JSON.parse would.
    Object.defineProperty(objectAt(out, field.name), key, { value, enumerable: true, writable: true, configurable: true });
  } else if (field.shape === "repeated") {
    const list = arrayAt(out, field.name);
    if (isPacked(field, wireType)) list.push(...decodePacked(reader.bytes(), field));
    else list.push(decodeValue(reader, wireType, field));
  } else {
    // Proto semantics: the last occurrence of a singular field wins.
    const value = decodeValue(reader, wireType, field);
    if (value === undefined || (!field.pointer && isZero(value))) delete out[field.name];
    else out[field.name] = value;
  }
}

/** One value of the field's type; undefined only for an unset (empty) Time. */
function decodeValue(reader: WireReader, wireType: number, field: FieldDescriptor): unknown {
  if (field.type === "bool" || field.type === "int") {
    if (wireType !== WireType.Varint) throw wrongWireType(field, wireType, WireType.Varint);
    return field.type === "bool" ? reader.bool() : reader.int64();
  }
  return decodeLengthDelimited(expectBytes(reader, wireType, field), field.type);
}

function decodeLengthDelimited(bytes: Uint8Array, type: Exclude<ValueType, "bool" | "int">): unknown {
  if (typeof type === "object") return decodeMessage(bytes, type.message());
  switch (type) {
    case "string":
      return utf8Text(bytes);
    case "bytes":
      return Buffer.from(bytes).toString("base64");
    case "quantity":
      return decodeQuantity(bytes);
    case "time":
      return decodeTime(bytes);
    case "microTime":
      return decodeMicroTime(bytes);
    case "intOrString":
      return decodeIntOrString(bytes);
  }
}

/** A map entry is a message { key = 1, value = 2 }; an absent part takes its zero value. */
function decodeMapEntry(bytes: Uint8Array, field: FieldDescriptor): [string, unknown] {
  let key = "";
  let value: unknown = zeroValue(field.type);
  const reader = new WireReader(bytes);
  while (!reader.done) {
    const { field: number, wireType } = reader.tag();
    if (number === 1) key = utf8Text(expectBytes(reader, wireType, field));
    else if (number === 2) value = decodeValue(reader, wireType, field) ?? value;
    else reader.skip(wireType);
  }
  return [key, value];
}

/** Repeated varints may also arrive packed into one length-delimited run. */
function isPacked(field: FieldDescriptor, wireType: number): boolean {
  return (field.type === "int" || field.type === "bool") && wireType === WireType.LengthDelimited;
}

function decodePacked(bytes: Uint8Array, field: FieldDescriptor): unknown[] {
  const values: unknown[] = [];
  const reader = new WireReader(bytes);
  while (!reader.done) values.push(decodeValue(reader, WireType.Varint, field));
  return values;
}

function expectBytes(reader: WireReader, wireType: number, field: FieldDescriptor): Uint8Array {
  if (wireType !== WireType.LengthDelimited) throw wrongWireType(field, wireType, WireType.LengthDelimited);
  return reader.bytes();
}

function wrongWireType(field: FieldDescriptor, actual: number, expected: number) {
  return malformedProtobuf(`field "${field.name || "(inline)"}" has wire type ${actual}, expected ${expected}`);
}

function nestedMessage(field: FieldDescriptor): MessageDescriptor {
  if (typeof field.type !== "object") throw new Error(`descriptor bug: inline field of type ${field.type}`);
  return field.type.message();
}

function zeroValue(type: ValueType): unknown {
  if (typeof type === "object") return {};
  if (type === "int") return 0;
  if (type === "bool") return false;
  if (type === "quantity") return "0";
  return "";
}

function isZero(value: unknown): boolean {
  return value === "" || value === 0 || value === false;
}

function objectAt(out: JsonObject, name: string): JsonObject {
  const existing = out[name];
  if (isRecord(existing)) return existing;
  const created: JsonObject = {};
  out[name] = created;
  return created;
}

function arrayAt(out: JsonObject, name: string): unknown[] {
  const existing = out[name];
  if (Array.isArray(existing)) return existing;
  const created: unknown[] = [];
  out[name] = created;
  return created;
}
