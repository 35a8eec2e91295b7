import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/k8s/api-errors";
import { bytesField, concat, string, tag, varint, varintBytes } from "./test-encoder";
import { WireReader, WireType } from "./wire";

function failure(run: () => unknown): ApiError {
  try {
    run();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected an ApiError");
}

describe("WireReader varints", () => {
  it.each([
    [0, [0x00]],
    [1, [0x01]],
    [150, [0x96, 0x01]],
    [300, [0xac, 0x02]],
    [2 ** 35, [0x80, 0x80, 0x80, 0x80, 0x80, 0x01]],
    [Number.MAX_SAFE_INTEGER, [...varintBytes(Number.MAX_SAFE_INTEGER)]],
  ])("reads %d", (value, bytes) => {
    expect(new WireReader(Uint8Array.from(bytes)).int64()).toBe(value);
  });

  it("reads negative int32 and int64 from Go's 10-byte sign extension", () => {
    expect(varintBytes(-1)).toHaveLength(10);
    expect(new WireReader(varintBytes(-1)).int32()).toBe(-1);
    expect(new WireReader(varintBytes(-5)).int64()).toBe(-5);
    expect(new WireReader(varintBytes(-(2 ** 31))).int32()).toBe(-(2 ** 31));
  });

  it("refuses int64 values JSON numbers cannot hold exactly", () => {
    expect(failure(() => new WireReader(varintBytes(2n ** 53n)).int64()).message).toMatch(/cannot be represented/);
    expect(failure(() => new WireReader(varintBytes(-(2n ** 60n))).int64()).code).toBe(400);
  });

  it("refuses a varint longer than ten bytes", () => {
    const eleven = Uint8Array.from([...Array(10).fill(0xff), 0x01]);
    expect(failure(() => new WireReader(eleven).int64()).message).toMatch(/longer than 10 bytes/);
  });

  it("reads bools as any non-zero varint", () => {
    expect(new WireReader(Uint8Array.of(0x02)).bool()).toBe(true);
    expect(new WireReader(Uint8Array.of(0x00)).bool()).toBe(false);
  });
});

describe("WireReader tags, strings and skipping", () => {
  it("splits a tag into field number and wire type", () => {
    expect(new WireReader(tag(17, WireType.LengthDelimited)).tag()).toEqual({ field: 17, wireType: 2 });
  });

  it("refuses field number 0", () => {
    expect(failure(() => new WireReader(Uint8Array.of(0x02)).tag()).message).toMatch(/field number 0/);
  });

  it("decodes UTF-8 and replaces invalid sequences like Go's JSON encoder", () => {
    const reader = new WireReader(concat(string(1, "héllo ✓"), bytesField(2, Uint8Array.of(0x61, 0xff))));
    reader.tag();
    expect(reader.string()).toBe("héllo ✓");
    reader.tag();
    expect(reader.string()).toBe("a\uFFFD");
  });

  it("skips every wire type, including nested groups, and lands on the next field", () => {
    const fixed64 = concat(tag(1, WireType.Fixed64), new Uint8Array(8));
    const fixed32 = concat(tag(2, WireType.Fixed32), new Uint8Array(4));
    const group = concat(tag(3, WireType.StartGroup), varint(1, 7), tag(4, WireType.StartGroup), tag(4, WireType.EndGroup), tag(3, WireType.EndGroup));
    const reader = new WireReader(concat(fixed64, fixed32, group, varint(5, 300), string(6, "x"), varint(9, 42)));
    for (let i = 0; i < 5; i++) reader.skip(reader.tag().wireType);
    expect(reader.tag()).toEqual({ field: 9, wireType: WireType.Varint });
    expect(reader.int64()).toBe(42);
    expect(reader.done).toBe(true);
  });

  it.each([
    ["a truncated varint", Uint8Array.of(0x08, 0x96), (r: WireReader) => r.skip(r.tag().wireType)],
    ["a length past the end", concat(tag(1, WireType.LengthDelimited), varintBytes(5), Uint8Array.of(1, 2)), (r: WireReader) => r.skip(r.tag().wireType)],
    ["a truncated fixed64", concat(tag(1, WireType.Fixed64), new Uint8Array(7)), (r: WireReader) => r.skip(r.tag().wireType)],
    ["a truncated fixed32", concat(tag(1, WireType.Fixed32), new Uint8Array(3)), (r: WireReader) => r.skip(r.tag().wireType)],
    ["an unterminated group", concat(tag(1, WireType.StartGroup), varint(2, 1)), (r: WireReader) => r.skip(r.tag().wireType)],
    ["wire type 6", tag(1, 6), (r: WireReader) => r.skip(r.tag().wireType)],
    ["a string longer than its message", concat(tag(1, WireType.LengthDelimited), varintBytes(3), Uint8Array.of(0x61)), (r: WireReader) => (r.tag(), r.string())],
  ])("throws a 400 on %s", (_name, bytes, read) => {
    const err = failure(() => read(new WireReader(bytes)));
    expect(err.code).toBe(400);
    expect(err.message).toMatch(/^the request body is not valid protobuf: /);
  });

  it("refuses groups nested deeper than it will follow", () => {
    const deep = concat(...Array.from({ length: 100_000 }, () => tag(1, WireType.StartGroup)));
    const reader = new WireReader(deep);
    expect(failure(() => reader.skip(reader.tag().wireType)).message).toMatch(/nested deeper/);
  });

  it("never reads past the end it was given", () => {
    const buf = concat(string(1, "inside"), string(2, "outside"));
    const reader = new WireReader(buf, 0, 8);
    reader.skip(reader.tag().wireType);
    expect(reader.done).toBe(true);
    expect(failure(() => new WireReader(buf, 0, 5).string()).code).toBe(400);
  });
});
