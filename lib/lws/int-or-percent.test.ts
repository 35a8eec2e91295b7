import { describe, expect, it } from "vitest";
import { fieldErrorString } from "@/lib/k8s/validation";
import { goAtoi, scaledValue, validateIntOrPercent } from "./int-or-percent";

describe("scaledValue", () => {
  it.each<[unknown, number, boolean, number]>([
    [3, 10, false, 3],
    [3, 10, true, 3],
    [15, 2, false, 15],
    ["25%", 2, false, 0],
    ["25%", 2, true, 1],
    ["50%", 3, false, 1],
    ["50%", 3, true, 2],
    ["100%", 7, false, 7],
    ["0%", 7, true, 0],
    ["150%", 2, false, 3],
    ["+10%", 10, false, 1],
    ["-10%", 10, false, -1],
  ])("%j of %i (round up: %s) is %i", (value, total, roundUp, expected) => {
    expect(scaledValue(value, total, roundUp)).toBe(expected);
  });

  it.each<[unknown, string]>([
    ["5", "invalid value for IntOrString: invalid type: string is not a percentage"],
    ["abc%", 'invalid value for IntOrString: invalid value "abc%": strconv.Atoi: parsing "abc": invalid syntax'],
    ["%", 'invalid value for IntOrString: invalid value "%": strconv.Atoi: parsing "": invalid syntax'],
    [1.5, "invalid value for IntOrString: invalid type: neither int nor percentage"],
    [undefined, "invalid value for IntOrString: invalid type: neither int nor percentage"],
  ])("rejects %j", (value, message) => {
    expect(() => scaledValue(value, 10, false)).toThrow(message);
  });
});

describe("goAtoi", () => {
  it.each([
    ["42", 42],
    ["+7", 7],
    ["-3", -3],
    ["007", 7],
  ])("parses %s", (text, expected) => expect(goAtoi(text)).toBe(expected));

  it.each([
    ["", 'strconv.Atoi: parsing "": invalid syntax'],
    ["1_000", 'strconv.Atoi: parsing "1_000": invalid syntax'],
    [" 1", 'strconv.Atoi: parsing " 1": invalid syntax'],
    ["9223372036854775808", 'strconv.Atoi: parsing "9223372036854775808": value out of range'],
  ])("rejects %j", (text, message) => expect(() => goAtoi(text)).toThrow(message));
});

describe("validateIntOrPercent", () => {
  const path = "spec.rolloutStrategy.rollingUpdateConfiguration.maxSurge";
  const PERCENT_MSG = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

  it.each<[unknown, string[]]>([
    [0, []],
    [2, []],
    ["30%", []],
    ["100%", []],
    [-1, [`${path}: Invalid value: -1: must be greater than or equal to 0`]],
    ["30", [`${path}: Invalid value: "30": ${PERCENT_MSG}`]],
    ["thirty%", [`${path}: Invalid value: "thirty%": ${PERCENT_MSG}`]],
    ["-5%", [`${path}: Invalid value: "-5%": ${PERCENT_MSG}`]],
    ["101%", [`${path}: Invalid value: "101%": must not be greater than 100%`]],
    ["99999999999999999999%", []],
    [true, [`${path}: Invalid value: true: must be an integer or percentage (e.g '5%%')`]],
  ])("%j", (value, expected) => {
    expect(validateIntOrPercent(value, path).map(fieldErrorString)).toEqual(expected);
  });
});
