import { describe, it, expect } from "vitest";
import { QuantityError, formatQuantity, integerValue, milli, parseQuantity } from "./quantity";

describe("parseQuantity", () => {
  it.each([
    ["1", 1],
    ["500m", 0.5],
    ["100m", 0.1],
    ["1.5", 1.5],
    [".5", 0.5],
    ["2k", 2000],
    ["1M", 1e6],
    ["3G", 3e9],
    ["1T", 1e12],
    ["1P", 1e15],
    ["1E", 1e18],
    ["1Ki", 1024],
    ["1.5Ki", 1536],
    ["128Mi", 128 * 1024 ** 2],
    ["8Gi", 8 * 1024 ** 3],
    ["1Ti", 1024 ** 4],
    ["1Pi", 1024 ** 5],
    ["1Ei", 1024 ** 6],
    ["1e3", 1000],
    ["1E3", 1000],
    ["1.5e-3", 0.0015],
    ["250u", 0.00025],
    ["5n", 5e-9],
    ["-2", -2],
    ["+7", 7],
    [4, 4],
    [0.25, 0.25],
  ] as const)("%s → %s", (input, expected) => {
    expect(parseQuantity(input)).toBeCloseTo(expected, 12);
  });

  it.each(["", "abc", "1KiB", "1K", "1.2.3", "Gi", "1 Gi", "--1", "1e", "1mi"])("rejects %j", (input) => {
    expect(() => parseQuantity(input)).toThrow(QuantityError);
  });

  it("rejects non-finite numbers", () => {
    expect(() => parseQuantity(Number.NaN)).toThrow(QuantityError);
    expect(() => parseQuantity(Infinity)).toThrow(QuantityError);
  });
});

describe("milli and integerValue round up like MilliValue()/Value()", () => {
  it.each([
    ["100m", 100, 1],
    ["1", 1000, 1],
    ["0.1", 100, 1],
    ["1.5", 1500, 2],
    ["0.0001", 1, 1],
    ["2.5Gi", 2.5 * 1024 ** 3 * 1000, 2.5 * 1024 ** 3],
    ["1e-9", 1, 1],
    ["0", 0, 0],
  ] as const)("%s → %s milli, %s units", (input, expectedMilli, expectedUnits) => {
    expect(milli(input)).toBe(expectedMilli);
    expect(integerValue(input)).toBe(expectedUnits);
  });
});

describe("formatQuantity", () => {
  it.each([
    [0.1, "DecimalSI", "100m"],
    [0.5, "DecimalSI", "500m"],
    [1.5, "DecimalSI", "1500m"],
    [2, "DecimalSI", "2"],
    [1500, "DecimalSI", "1500"],
    [2000, "DecimalSI", "2k"],
    [1e6, "DecimalSI", "1M"],
    [0.00025, "DecimalSI", "250u"],
    [1e-12, "DecimalSI", "1n"],
    [0, "DecimalSI", "0"],
    [-0.5, "DecimalSI", "-500m"],
    [1024, "BinarySI", "1Ki"],
    [128 * 1024 ** 2, "BinarySI", "128Mi"],
    [8 * 1024 ** 3, "BinarySI", "8Gi"],
    [1536, "BinarySI", "1536"],
    [1023, "BinarySI", "1023"],
    [0.5, "BinarySI", "500m"],
  ] as const)("%s as %s → %s", (value, format, expected) => {
    expect(formatQuantity(value, format)).toBe(expected);
  });

  it.each(["100m", "2k", "8Gi", "1500m", "250u"])("round-trips %s", (text) => {
    const format = text.endsWith("i") ? "BinarySI" : "DecimalSI";
    expect(formatQuantity(parseQuantity(text), format)).toBe(text);
  });
});
