import { describe, expect, it } from "vitest";
import type { ObjectMeta } from "@/lib/k8s/types";
import {
  byteLength,
  fieldError,
  fieldErrorString,
  toStatusCause,
  validateDns1035Label,
  validateDns1123Label,
  validateDns1123Subdomain,
  validateLabelKey,
  validateLabelValue,
  validateObjectMeta,
  validateObjectMetaUpdate,
  type FieldError,
} from "@/lib/k8s/validation";

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe("name formats", () => {
  it.each<[string, (v: string) => string[], string, string[]]>([
    ["subdomain", validateDns1123Subdomain, "example.com", []],
    ["subdomain", validateDns1123Subdomain, "a-b.c-d.e1", []],
    ["subdomain", validateDns1123Subdomain, "Example.com", [SUBDOMAIN_MSG]],
    ["subdomain", validateDns1123Subdomain, "-a", [SUBDOMAIN_MSG]],
    ["subdomain", validateDns1123Subdomain, "a..b", [SUBDOMAIN_MSG]],
    ["subdomain", validateDns1123Subdomain, "", [SUBDOMAIN_MSG]],
    ["subdomain", validateDns1123Subdomain, "a".repeat(253), []],
    ["subdomain", validateDns1123Subdomain, "a".repeat(254), ["must be no more than 253 bytes"]],
    ["label", validateDns1123Label, "my-name", []],
    ["label", validateDns1123Label, "123-abc", []],
    ["label", validateDns1123Label, "a.b", ["must not contain dots"]],
    ["label", validateDns1123Label, "My_Name", [LABEL_MSG]],
    ["label", validateDns1123Label, "a".repeat(64), ["must be no more than 63 bytes"]],
    ["label", validateDns1123Label, "-".repeat(64), ["must be no more than 63 bytes", LABEL_MSG]],
    ["dns1035", validateDns1035Label, "my-svc", []],
    ["dns1035", validateDns1035Label, "1svc", [DNS1035_MSG]],
    ["dns1035", validateDns1035Label, "svc-", [DNS1035_MSG]],
  ])("%s %j", (_rule, check, value, expected) => {
    expect(check(value)).toEqual(expected);
  });
});

describe("label keys and values", () => {
  it.each<[string, string[]]>([
    ["app", []],
    ["app.kubernetes.io/name", []],
    ["leaderworkerset.sigs.k8s.io/group-index", []],
    ["My_Key.1", []],
    ["", ["name part must be non-empty", NAME_PART_MSG]],
    ["-app", [NAME_PART_MSG]],
    ["/app", ["prefix part must be non-empty"]],
    ["Example.com/app", [`prefix part ${SUBDOMAIN_MSG}`]],
    ["example.com/", ["name part must be non-empty", NAME_PART_MSG]],
    ["k".repeat(64), ["name part must be no more than 63 bytes"]],
    [
      "a/b/c",
      [
        "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    ],
  ])("key %j", (key, expected) => {
    expect(validateLabelKey(key)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ["", []],
    ["v1.2_3-x", []],
    ["a b", [LABEL_VALUE_MSG]],
    ["-x", [LABEL_VALUE_MSG]],
    ["v".repeat(64), ["must be no more than 63 bytes"]],
  ])("value %j", (value, expected) => {
    expect(validateLabelValue(value)).toEqual(expected);
  });
});

describe("field errors as status causes", () => {
  it.each<[FieldError, string]>([
    [fieldError.invalid("metadata.name", "Bad", "detail"), 'metadata.name: Invalid value: "Bad": detail'],
    [fieldError.invalid("spec.replicas", -1, "must be greater than or equal to 0"), "spec.replicas: Invalid value: -1: must be greater than or equal to 0"],
    [fieldError.invalid("values", null, "empty"), "values: Invalid value: null: empty"],
    [fieldError.invalid("x", ["a"], "d"), 'x: Invalid value: ["a"]: d'],
    [fieldError.required("metadata.namespace"), "metadata.namespace: Required value"],
    [fieldError.required("metadata.name", "name or generateName is required"), "metadata.name: Required value: name or generateName is required"],
    [fieldError.forbidden("metadata.namespace", "not allowed on this type"), "metadata.namespace: Forbidden: not allowed on this type"],
    [fieldError.tooLong("metadata.annotations", 262144), "metadata.annotations: Too long: may not be more than 262144 bytes"],
    [fieldError.notSupported("spec.policy", "X", ["A", "B"]), 'spec.policy: Unsupported value: "X": supported values: "A", "B"'],
    [fieldError.duplicate("spec.ports[1].name", "http"), 'spec.ports[1].name: Duplicate value: "http"'],
  ])("%j", (error, expected) => {
    expect(fieldErrorString(error)).toBe(expected);
  });

  it("carries reason, field and body", () => {
    expect(toStatusCause(fieldError.invalid("metadata.name", "X", "bad"))).toEqual({
      reason: "FieldValueInvalid",
      field: "metadata.name",
      message: 'Invalid value: "X": bad',
    });
  });
});

function messages(errors: FieldError[]): string[] {
  return errors.map(fieldErrorString);
}

const podRules = { namespaced: true, nameRule: "subdomain" } as const;

describe("validateObjectMeta", () => {
  it("accepts well-formed metadata", () => {
    const meta: ObjectMeta = {
      name: "web-0",
      namespace: "default",
      labels: { app: "web", "leaderworkerset.sigs.k8s.io/name": "" },
      annotations: { "Example.COM/Note": "x" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: "u1", controller: true }],
      finalizers: ["kubernetes.io/pvc-protection"],
    };
    expect(validateObjectMeta(meta, podRules)).toEqual([]);
  });

  it.each<[string, ObjectMeta, Parameters<typeof validateObjectMeta>[1], string[]]>([
    ["missing name", { namespace: "ns" }, podRules, ["metadata.name: Required value: name or generateName is required"]],
    ["generateName only", { generateName: "web-", namespace: "ns" }, podRules, []],
    ["bad generateName", { generateName: "Web-", namespace: "ns" }, podRules, [`metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN_MSG}`]],
    ["bad name", { name: "Web", namespace: "ns" }, podRules, [`metadata.name: Invalid value: "Web": ${SUBDOMAIN_MSG}`]],
    ["service name", { name: "1svc", namespace: "ns" }, { namespaced: true, nameRule: "dns1035" }, [`metadata.name: Invalid value: "1svc": ${DNS1035_MSG}`]],
    ["namespace name with dots", { name: "a.b" }, { namespaced: false, nameRule: "label" }, ['metadata.name: Invalid value: "a.b": must not contain dots']],
    ["missing namespace", { name: "p" }, podRules, ["metadata.namespace: Required value"]],
    ["bad namespace", { name: "p", namespace: "a.b" }, podRules, ['metadata.namespace: Invalid value: "a.b": must not contain dots']],
    ["namespace on cluster kind", { name: "n", namespace: "x" }, { namespaced: false, nameRule: "subdomain" }, ["metadata.namespace: Forbidden: not allowed on this type"]],
    ["custom path", { namespace: "ns" }, { ...podRules, path: "spec.template.metadata" }, ["spec.template.metadata.name: Required value: name or generateName is required"]],
    ["negative generation", { name: "p", namespace: "ns", generation: -1 }, podRules, ["metadata.generation: Invalid value: -1: must be greater than or equal to 0"]],
  ])("%s", (_name, meta, rules, expected) => {
    expect(messages(validateObjectMeta(meta, rules))).toEqual(expected);
  });

  it("checks label keys and values", () => {
    const meta: ObjectMeta = { name: "p", namespace: "ns", labels: { "-bad": "ok", good: "bad value" } };
    expect(messages(validateObjectMeta(meta, podRules))).toEqual([
      `metadata.labels: Invalid value: "-bad": ${NAME_PART_MSG}`,
      `metadata.labels: Invalid value: "bad value": ${LABEL_VALUE_MSG}`,
    ]);
  });

  it("checks annotation keys case-insensitively and their total size", () => {
    const big = { "a/b/c": "x", big: "v".repeat(256 * 1024) };
    const errors = validateObjectMeta({ name: "p", namespace: "ns", annotations: big }, podRules);
    expect(errors.map((e) => [e.field, e.reason])).toEqual([
      ["metadata.annotations", "FieldValueInvalid"],
      ["metadata.annotations", "FieldValueTooLong"],
    ]);
    expect(fieldErrorString(errors[1])).toBe("metadata.annotations: Too long: may not be more than 262144 bytes");
    const atLimit = { k: "v".repeat(256 * 1024 - 1) };
    expect(validateObjectMeta({ name: "p", namespace: "ns", annotations: atLimit }, podRules)).toEqual([]);
  });

  it("checks owner references on the list path, as upstream", () => {
    const meta: ObjectMeta = {
      name: "p",
      namespace: "ns",
      ownerReferences: [
        { apiVersion: "", kind: "", name: "", uid: "" },
        { apiVersion: "v1", kind: "Event", name: "e", uid: "u" },
      ],
    };
    expect(messages(validateObjectMeta(meta, podRules))).toEqual([
      'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
      'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
      'metadata.ownerReferences: Invalid value: {"apiVersion":"v1","kind":"Event","name":"e","uid":"u"}: /v1, Kind=Event is disallowed from being an owner',
    ]);
  });

  it("allows one controller owner only", () => {
    const refs = [
      { apiVersion: "apps/v1", kind: "StatefulSet", name: "a", uid: "1", controller: true },
      { apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", name: "b", uid: "2", controller: true },
    ];
    const errors = validateObjectMeta({ name: "p", namespace: "ns", ownerReferences: refs }, podRules);
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe("metadata.ownerReferences");
    expect(errors[0].message).toBe('Only one reference can have Controller set to true. Found "true" in references for StatefulSet/a and LeaderWorkerSet/b');
    expect(errors[0].value).toEqual(refs);
  });

  it("checks finalizers", () => {
    const meta: ObjectMeta = { name: "p", namespace: "ns", finalizers: ["orphan", "foregroundDeletion", "a/b/c"] };
    const errors = validateObjectMeta(meta, podRules);
    expect(errors.map((e) => [e.field, e.value])).toEqual([
      ["metadata.finalizers", "a/b/c"],
      ["metadata.finalizers", ["orphan", "foregroundDeletion", "a/b/c"]],
    ]);
    expect(errors[1].message).toBe("finalizer orphan and foregroundDeletion cannot be both set");
  });
});

describe("validateObjectMetaUpdate", () => {
  const old: ObjectMeta = { name: "p", namespace: "ns", uid: "u1", creationTimestamp: "2024-01-01T00:00:00Z", finalizers: ["a"] };

  it("accepts changes to mutable fields", () => {
    expect(validateObjectMetaUpdate(old, { ...old, labels: { x: "y" }, annotations: { n: "1" }, finalizers: [] })).toEqual([]);
  });

  it.each<[string, ObjectMeta, string[]]>([
    ["name", { ...old, name: "q" }, ['metadata.name: Invalid value: "q": field is immutable']],
    ["namespace", { ...old, namespace: "other" }, ['metadata.namespace: Invalid value: "other": field is immutable']],
    ["uid removed", { ...old, uid: undefined }, ['metadata.uid: Invalid value: "": field is immutable']],
    ["creationTimestamp", { ...old, creationTimestamp: "2025-01-01T00:00:00Z" }, ['metadata.creationTimestamp: Invalid value: "2025-01-01T00:00:00Z": field is immutable']],
    ["deletionTimestamp set", { ...old, deletionTimestamp: "2025-01-01T00:00:00Z" }, ['metadata.deletionTimestamp: Invalid value: "2025-01-01T00:00:00Z": field is immutable']],
    ["bad label", { ...old, labels: { k: "-" } }, [`metadata.labels: Invalid value: "-": ${LABEL_VALUE_MSG}`]],
  ])("%s", (_name, next, expected) => {
    expect(messages(validateObjectMetaUpdate(old, next))).toEqual(expected);
  });

  it("forbids new finalizers once deletion started", () => {
    const deleting = { ...old, deletionTimestamp: "2025-01-01T00:00:00Z" };
    expect(messages(validateObjectMetaUpdate(deleting, { ...deleting, finalizers: ["a", "c", "b"] }))).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b", "c"}',
    ]);
    expect(validateObjectMetaUpdate(deleting, { ...deleting, finalizers: [] })).toEqual([]);
  });
});

describe("byteLength", () => {
  it.each(["", "abc", "é", "日本", "😀", "a😀é日"])("counts %j as UTF-8 does", (s) => {
    expect(byteLength(s)).toBe(new TextEncoder().encode(s).length);
  });
});
