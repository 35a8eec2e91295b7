import { describe, expect, it } from "vitest";
import { concat, string, varint } from "./test-encoder";
import { decodeIntOrString, decodeMicroTime, decodeQuantity, decodeTime } from "./well-known";

describe("decodeTime and decodeMicroTime", () => {
  it.each([
    ["the epoch", concat(varint(1, 0)), "1970-01-01T00:00:00Z"],
    ["whole seconds, dropping nanos as Go's Time does", concat(varint(1, 1_700_000_000), varint(2, 999_999_999)), "2023-11-14T22:13:20Z"],
    ["year 1", concat(varint(1, -62135596800)), "0001-01-01T00:00:00Z"],
    ["year 9999", concat(varint(1, 253402300799)), "9999-12-31T23:59:59Z"],
  ])("formats %s as RFC 3339", (_name, bytes, expected) => {
    expect(decodeTime(bytes)).toBe(expected);
  });

  it("treats an empty message as the unset (zero) time", () => {
    expect(decodeTime(new Uint8Array())).toBeUndefined();
    expect(decodeMicroTime(new Uint8Array())).toBeUndefined();
  });

  it("keeps microseconds for MicroTime", () => {
    expect(decodeMicroTime(concat(varint(1, 1_700_000_000), varint(2, 1_500)))).toBe("2023-11-14T22:13:20.000001Z");
  });

  it.each([
    ["before year 1", concat(varint(1, -62135596801))],
    ["after year 9999", concat(varint(1, 253402300800))],
    ["negative nanos", concat(varint(1, 0), varint(2, -1))],
    ["nanos past a second", concat(varint(1, 0), varint(2, 1_000_000_000))],
  ])("refuses %s with a 400", (_name, bytes) => {
    expect(() => decodeMicroTime(bytes)).toThrow(expect.objectContaining({ code: 400 }));
  });
});

describe("decodeQuantity and decodeIntOrString", () => {
  it("returns a Quantity's string, and 0 for an empty one", () => {
    expect(decodeQuantity(string(1, "1536Mi"))).toBe("1536Mi");
    expect(decodeQuantity(new Uint8Array())).toBe("0");
  });

  it.each([
    ["an int", concat(varint(1, 0), varint(2, 8080), string(3, "")), 8080],
    ["a string", concat(varint(1, 1), varint(2, 0), string(3, "http")), "http"],
    ["a negative int", concat(varint(2, -1)), -1],
    ["an empty message as 0", new Uint8Array(), 0],
  ])("decodes IntOrString holding %s", (_name, bytes, expected) => {
    expect(decodeIntOrString(bytes)).toBe(expected);
  });
});
