/**
 * How a Kubernetes protobuf message maps onto its JSON form. Field numbers come from the upstream
 * generated.proto files; names are the JSON names. Group files (meta-v1.ts, core-v1-*.ts, ...)
 * declare messages with the small constructors below, e.g. `11: map(str("labels"))`.
 */

/** What one value on the wire is, and how it is written in JSON. */
export type ValueType =
  | "string"
  | "bool"
  /** int32 or int64 varint */
  | "int"
  /** bytes, written as base64 in JSON */
  | "bytes"
  /** resource.Quantity: written as its string */
  | "quantity"
  /** meta/v1 Time: RFC 3339 in seconds */
  | "time"
  /** meta/v1 MicroTime: RFC 3339 with microseconds */
  | "microTime"
  /** intstr.IntOrString: a number or a string */
  | "intOrString"
  | { message: () => MessageDescriptor };

export interface FieldDescriptor {
  /** JSON name; empty for an inline (embedded) message. */
  readonly name: string;
  readonly type: ValueType;
  readonly shape: "single" | "repeated" | "map";
  /**
   * A Go pointer field: Go marshals it only when set, so a zero value on the wire is meaningful
   * (e.g. `replicas: 0`). Other zero scalars are omitted, as omitempty JSON would.
   */
  readonly pointer?: boolean;
  /** A Go embedded struct (e.g. LocalObjectReference) whose fields JSON writes at this level. */
  readonly inline?: boolean;
}

export interface MessageDescriptor {
  readonly [fieldNumber: number]: FieldDescriptor;
}

function single(name: string, type: ValueType): FieldDescriptor {
  return { name, type, shape: "single" };
}

export const str = (name: string) => single(name, "string");
export const bool = (name: string) => single(name, "bool");
export const int = (name: string) => single(name, "int");
export const bytes = (name: string) => single(name, "bytes");
export const quantity = (name: string) => single(name, "quantity");
export const time = (name: string) => single(name, "time");
export const microTime = (name: string) => single(name, "microTime");
export const intOrString = (name: string) => single(name, "intOrString");
/** A nested message; a thunk so messages can refer to ones declared later or in other files. */
export const msg = (name: string, of: () => MessageDescriptor) => single(name, { message: of });

export const list = (field: FieldDescriptor): FieldDescriptor => ({ ...field, shape: "repeated" });
/** map<string, V>, with V given by the field's type. */
export const map = (field: FieldDescriptor): FieldDescriptor => ({ ...field, shape: "map" });
export const ptr = (field: FieldDescriptor): FieldDescriptor => ({ ...field, pointer: true });
export const inline = (of: () => MessageDescriptor): FieldDescriptor => ({ ...msg("", of), inline: true });
