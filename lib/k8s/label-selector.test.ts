import { describe, expect, it } from "vitest";
import type { LabelSelector } from "@/lib/k8s/types";
import {
  equalityRequirements,
  LabelSelectorError,
  labelSelectorFromObject,
  matchesLabels,
  parseLabelSelector,
  selectorToString,
  type Requirement,
} from "@/lib/k8s/label-selector";

const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("parseLabelSelector", () => {
  it.each<[string, Requirement[]]>([
    ["", []],
    ["   ", []],
    ["a=b", [{ key: "a", operator: "=", values: ["b"] }]],
    ["  a = b  ,  c!=d ", [{ key: "a", operator: "=", values: ["b"] }, { key: "c", operator: "!=", values: ["d"] }]],
    ["a==b", [{ key: "a", operator: "==", values: ["b"] }]],
    ["a=", [{ key: "a", operator: "=", values: [""] }]],
    ["a=,b", [{ key: "a", operator: "=", values: [""] }, { key: "b", operator: "exists", values: [] }]],
    ["env in (prod, dev)", [{ key: "env", operator: "in", values: ["dev", "prod"] }]],
    ["env notin (qa)", [{ key: "env", operator: "notin", values: ["qa"] }]],
    ["x in (foo,,baz)", [{ key: "x", operator: "in", values: ["", "baz", "foo"] }]],
    ["x in (,a)", [{ key: "x", operator: "in", values: ["", "a"] }]],
    ["x in (a,)", [{ key: "x", operator: "in", values: ["", "a"] }]],
    ["z notin ()", [{ key: "z", operator: "notin", values: [""] }]],
    ["x in (in, notin)", [{ key: "x", operator: "in", values: ["in", "notin"] }]],
    ["in=notin", [{ key: "in", operator: "=", values: ["notin"] }]],
    ["b, !a", [{ key: "a", operator: "!", values: [] }, { key: "b", operator: "exists", values: [] }]],
    ["n>1,n<10", [{ key: "n", operator: "gt", values: ["1"] }, { key: "n", operator: "lt", values: ["10"] }]],
    ["app.kubernetes.io/name=web", [{ key: "app.kubernetes.io/name", operator: "=", values: ["web"] }]],
  ])("%j", (text, expected) => {
    expect(parseLabelSelector(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ["a=b c", "found 'c', expected: ',' or 'end of string'"],
    ["a=b,", "found '', expected: identifier after ','"],
    [",a", "found ',', expected: !, identifier, or 'end of string'"],
    ["!a=b", "found '=', expected: ',' or 'end of string'"],
    ["!", "unable to parse requirement: found '', expected: identifier"],
    ["a in b", "unable to parse requirement: found 'b' expected: '('"],
    ["a in (b", "unable to parse requirement: found '', expected: ',' or ')'"],
    ["a in (b c)", "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ["a in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ["a=(", "unable to parse requirement: found '(', expected: identifier"],
    ["a>x", `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["a=b/c", `unable to parse requirement: values[0][a]: Invalid value: "b/c": ${LABEL_VALUE_MSG}`],
    ["-a=b", `unable to parse requirement: <nil>: Invalid value: "-a": ${NAME_PART_MSG}`],
    [
      "a/b/c=d",
      "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ],
  ])("rejects %j", (text, message) => {
    const error = thrown(() => parseLabelSelector(text));
    expect(error).toBeInstanceOf(LabelSelectorError);
    expect((error as Error).message).toBe(message);
  });
});

describe("selectorToString", () => {
  it.each<[string, string]>([
    ["", ""],
    ["b=2,a=1", "a=1,b=2"],
    ["a==1", "a==1"],
    ["x in (foo,,baz),y,z notin ()", "x in (,baz,foo),y,z notin ()"],
    ["!b, a!=1, n>3", "a!=1,!b,n>3"],
    ["c in (z,a)", "c in (a,z)"],
  ])("%j -> %j", (text, canonical) => {
    const selector = parseLabelSelector(text);
    expect(selectorToString(selector)).toBe(canonical);
    expect(parseLabelSelector(canonical)).toEqual(selector);
  });
});

describe("matchesLabels", () => {
  const labels = { app: "web", tier: "fe", n: "5" };
  it.each<[string, boolean]>([
    ["", true],
    ["app=web", true],
    ["app==web", true],
    ["app=db", false],
    ["app!=db", true],
    ["app!=web", false],
    ["missing!=x", true],
    ["app in (db,web)", true],
    ["app in (db)", false],
    ["app notin (web)", false],
    ["missing notin (x)", true],
    ["app", true],
    ["missing", false],
    ["!missing", true],
    ["!app", false],
    ["n>4", true],
    ["n<5", false],
    ["app>1", false],
    ["missing<1", false],
    ["app=web,tier=fe", true],
    ["app=web,tier=be", false],
  ])("%j", (text, expected) => {
    expect(matchesLabels(parseLabelSelector(text), labels)).toBe(expected);
  });

  it("treats absent labels as none", () => {
    expect(matchesLabels(parseLabelSelector("!a"), undefined)).toBe(true);
    expect(matchesLabels(parseLabelSelector("a"), undefined)).toBe(false);
    expect(matchesLabels([], undefined)).toBe(true);
  });

  it("does not see inherited properties as labels", () => {
    expect(matchesLabels(parseLabelSelector("constructor"), {})).toBe(false);
  });
});

describe("labelSelectorFromObject", () => {
  it("combines matchLabels and matchExpressions, sorted by key", () => {
    const selector = labelSelectorFromObject({
      matchLabels: { b: "2", a: "1" },
      matchExpressions: [
        { key: "c", operator: "In", values: ["y", "x"] },
        { key: "d", operator: "DoesNotExist" },
        { key: "e", operator: "Exists" },
        { key: "f", operator: "NotIn", values: ["z"] },
      ],
    });
    expect(selectorToString(selector)).toBe("a=1,b=2,c in (x,y),!d,e,f notin (z)");
    expect(matchesLabels(selector, { a: "1", b: "2", c: "x", e: "" })).toBe(true);
    expect(matchesLabels(selector, { a: "1", b: "2", c: "x", e: "", d: "" })).toBe(false);
  });

  it("selects everything when empty", () => {
    expect(labelSelectorFromObject({})).toEqual([]);
    expect(labelSelectorFromObject({ matchLabels: {}, matchExpressions: [] })).toEqual([]);
  });

  it.each<[string, string, string]>([
    ["operator", '{"matchExpressions":[{"key":"a","operator":"Foo"}]}', '"Foo" is not a valid label selector operator'],
    ["In without values", '{"matchExpressions":[{"key":"a","operator":"In","values":[]}]}', "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"],
    ["Exists with values", '{"matchExpressions":[{"key":"a","operator":"Exists","values":["x"]}]}', 'values: Invalid value: ["x"]: values set must be empty for exists and does not exist'],
    ["bad matchLabels value", '{"matchLabels":{"a":"b c"}}', `values[0][a]: Invalid value: "b c": ${LABEL_VALUE_MSG}`],
    [
      "bad key and value",
      '{"matchExpressions":[{"key":"-a","operator":"In","values":["-"]}]}',
      `[key: Invalid value: "-a": ${NAME_PART_MSG}, values[0][-a]: Invalid value: "-": ${LABEL_VALUE_MSG}]`,
    ],
  ])("rejects %s", (_name, json, message) => {
    const sel = JSON.parse(json) as LabelSelector;
    const error = thrown(() => labelSelectorFromObject(sel));
    expect(error).toBeInstanceOf(LabelSelectorError);
    expect((error as Error).message).toBe(message);
  });
});

describe("equalityRequirements", () => {
  it.each<[string, Record<string, string> | undefined]>([
    ["a=1,b in (2),c!=3,d in (4,5),e==6,f", { a: "1", b: "2", e: "6" }],
    ["a!=1", undefined],
    ["a in (1,2)", undefined],
    ["", undefined],
  ])("%j", (text, expected) => {
    expect(equalityRequirements(parseLabelSelector(text))).toEqual(expected);
  });
});
