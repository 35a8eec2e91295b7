import { badRequest, type ApiError } from "@/lib/k8s/api-errors";

/** Protobuf wire types (https://protobuf.dev/programming-guides/encoding/#structure). */
export const WireType = {
  Varint: 0,
  Fixed64: 1,
  LengthDelimited: 2,
  StartGroup: 3,
  EndGroup: 4,
  Fixed32: 5,
} as const;

export interface FieldTag {
  field: number;
  wireType: number;
}

/** The 400 every malformed protobuf body becomes. */
export function malformedProtobuf(detail: string): ApiError {
  return badRequest(`the request body is not valid protobuf: ${detail}`);
}

const MAX_VARINT_BYTES = 10;
// Groups nest without a schema to bound them; this keeps a hostile body from exhausting the stack.
const MAX_GROUP_DEPTH = 64;
const utf8 = new TextDecoder("utf-8");

/** Invalid UTF-8 becomes U+FFFD, as Go's JSON encoder would write it. */
export function utf8Text(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/**
 * A bounds-checked cursor over one protobuf message. Every read throws a 400 on truncated or
 * malformed input instead of reading past the end, because the bytes come from the network.
 */
export class WireReader {
  private pos: number;

  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    private readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  tag(): FieldTag {
    const key = this.uint();
    const field = Math.floor(key / 8);
    if (field === 0) throw malformedProtobuf(`field number 0 at byte ${this.pos}`);
    return { field, wireType: key % 8 };
  }

  /** An unsigned varint that must fit a JS number exactly (tags, lengths). */
  uint(): number {
    const value = this.varint();
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw malformedProtobuf(`varint ${value} is too large`);
    return Number(value);
  }

  /** int64 fields: two's complement, returned as a number when it is exactly representable. */
  int64(): number {
    const value = BigInt.asIntN(64, this.varint());
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw malformedProtobuf(`int64 ${value} cannot be represented exactly in JSON`);
    }
    return Number(value);
  }

  /** int32 fields: Go sign-extends negatives to 10 bytes, so only the low 32 bits count. */
  int32(): number {
    return Number(BigInt.asIntN(32, this.varint()));
  }

  bool(): boolean {
    return this.varint() !== 0n;
  }

  bytes(): Uint8Array {
    const length = this.uint();
    const start = this.pos;
    this.advance(length);
    return this.buf.subarray(start, start + length);
  }

  string(): string {
    return utf8Text(this.bytes());
  }

  /** Skips one value of any wire type, including (deprecated) groups. */
  skip(wireType: number, depth = 0): void {
    switch (wireType) {
      case WireType.Varint:
        this.varint();
        return;
      case WireType.Fixed64:
        this.advance(8);
        return;
      case WireType.LengthDelimited:
        this.advance(this.uint());
        return;
      case WireType.StartGroup:
        this.skipGroup(depth + 1);
        return;
      case WireType.Fixed32:
        this.advance(4);
        return;
      default:
        throw malformedProtobuf(`unexpected wire type ${wireType} at byte ${this.pos}`);
    }
  }

  private skipGroup(depth: number): void {
    if (depth > MAX_GROUP_DEPTH) throw malformedProtobuf(`groups nested deeper than ${MAX_GROUP_DEPTH}`);
    for (;;) {
      if (this.done) throw malformedProtobuf("unterminated group");
      const { wireType } = this.tag();
      if (wireType === WireType.EndGroup) return;
      this.skip(wireType, depth);
    }
  }

  private varint(): bigint {
    let result = 0n;
    for (let i = 0; i < MAX_VARINT_BYTES; i++) {
      const byte = this.byte();
      result |= BigInt(byte & 0x7f) << BigInt(7 * i);
      if ((byte & 0x80) === 0) return BigInt.asUintN(64, result);
    }
    throw malformedProtobuf(`varint longer than ${MAX_VARINT_BYTES} bytes at byte ${this.pos}`);
  }

  private byte(): number {
    if (this.pos >= this.end) throw malformedProtobuf(`unexpected end of data at byte ${this.pos}`);
    return this.buf[this.pos++];
  }

  private advance(length: number): void {
    if (length > this.end - this.pos) {
      throw malformedProtobuf(`${length} bytes needed at byte ${this.pos}, only ${this.end - this.pos} left`);
    }
    this.pos += length;
  }
}
