/**
 * Name formats and ObjectMeta validation with kube-apiserver's rules and wording
 * (k8s.io/apimachinery util/validation and api/validation), so 422 causes read as upstream's.
 */
import type { ObjectMeta, OwnerReference, StatusCause } from "@/lib/k8s/types";

export type FieldErrorReason =
  | "FieldValueInvalid"
  | "FieldValueRequired"
  | "FieldValueForbidden"
  | "FieldValueTooLong"
  | "FieldValueNotSupported"
  | "FieldValueDuplicate";

/**
 * One field-level failure, as upstream's field.Error. `message` is the detail; `value` is the
 * offending value, printed in front of the detail for the reasons that show it.
 */
export interface FieldError {
  field: string;
  reason: FieldErrorReason;
  message: string;
  value?: unknown;
}

function invalid(field: string, value: unknown, detail: string): FieldError {
  return { field, reason: "FieldValueInvalid", message: detail, value };
}

function required(field: string, detail = ""): FieldError {
  return { field, reason: "FieldValueRequired", message: detail };
}

function forbidden(field: string, detail: string): FieldError {
  return { field, reason: "FieldValueForbidden", message: detail };
}

function tooLong(field: string, maxBytes: number): FieldError {
  return { field, reason: "FieldValueTooLong", message: `may not be more than ${maxBytes} ${maxBytes === 1 ? "byte" : "bytes"}` };
}

function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(", ")}` : "";
  return { field, reason: "FieldValueNotSupported", message: detail, value };
}

function duplicate(field: string, value: unknown): FieldError {
  return { field, reason: "FieldValueDuplicate", message: "", value };
}

/** Constructors named after upstream's field.Invalid, field.Required, ... */
export const fieldError = { invalid, required, forbidden, tooLong, notSupported, duplicate };

const REASON_TEXT: Record<FieldErrorReason, string> = {
  FieldValueInvalid: "Invalid value",
  FieldValueRequired: "Required value",
  FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long",
  FieldValueNotSupported: "Unsupported value",
  FieldValueDuplicate: "Duplicate value",
};

/** Go prints simple values bare, strings with %q and everything else as JSON; JSON.stringify matches for printable text. */
function formatBadValue(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value ?? null);
}

/** The message without the field, as upstream's field.Error.ErrorBody. */
export function fieldErrorBody(e: FieldError): string {
  const showsValue = e.reason === "FieldValueInvalid" || e.reason === "FieldValueNotSupported" || e.reason === "FieldValueDuplicate";
  const head = showsValue ? `${REASON_TEXT[e.reason]}: ${formatBadValue(e.value)}` : REASON_TEXT[e.reason];
  return e.message ? `${head}: ${e.message}` : head;
}

/** "<field>: <body>", as upstream's field.Error.Error. */
export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}

export function toStatusCause(e: FieldError): StatusCause {
  return { reason: e.reason, message: fieldErrorBody(e), field: e.field };
}


/** Go's len(): limits are in bytes. Counted without encoding: every write validates dozens of strings. */
export function byteLength(s: string): number {
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) continue;
    // Two UTF-16 units of a surrogate pair are 4 UTF-8 bytes: 2 + 2 more here.
    bytes += code < 0x800 ? 1 : code >= 0xd800 && code <= 0xdbff ? 1 : code >= 0xdc00 && code <= 0xdfff ? 1 : 2;
  }
  return bytes;
}

function maxLenError(length: number): string {
  return `must be no more than ${length} bytes`;
}

function regexError(msg: string, re: string, ...examples: string[]): string {
  const eg = examples.map((e) => `'${e}', `).join(" or ");
  return examples.length ? `${msg} (e.g. ${eg}regex used for validation is '${re}')` : `${msg} (regex used for validation is '${re}')`;
}

const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
const LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;

const anchored = (fmt: string) => new RegExp(`^${fmt}$`);
const dns1123Label = anchored(DNS1123_LABEL_FMT);
const dns1123Subdomain = anchored(DNS1123_SUBDOMAIN_FMT);
const dns1035Label = anchored(DNS1035_LABEL_FMT);
const labelKeyName = anchored(LABEL_KEY_FMT);
const labelValue = anchored(LABEL_VALUE_FMT);

export function validateDns1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!dns1123Subdomain.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        "example.com",
      ),
    );
  }
  return errs;
}

export function validateDns1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (dns1123Label.test(value)) return errs;
  // A valid subdomain that is not a valid label (length already checked) can only be failing on dots.
  if (dns1123Subdomain.test(value)) errs.push("must not contain dots");
  else {
    errs.push(
      regexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        DNS1123_LABEL_FMT,
        "my-name",
        "123-abc",
      ),
    );
  }
  return errs;
}

export function validateDns1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!dns1035Label.test(value)) {
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL_FMT,
        "my-name",
        "abc-123",
      ),
    );
  }
  return errs;
}

const LABEL_KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

// Objects of one kind carry the same few label and annotation keys: a key found valid once is not parsed again.
const VALID_KEYS_LIMIT = 10_000;
const VALID_KEYS = new Set<string>();

/** A qualified name: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
export function validateLabelKey(key: string): string[] {
  if (VALID_KEYS.has(key)) return [];
  const errs = labelKeyErrors(key);
  if (errs.length === 0) {
    if (VALID_KEYS.size >= VALID_KEYS_LIMIT) VALID_KEYS.clear();
    VALID_KEYS.add(key);
  }
  return errs;
}

function labelKeyErrors(key: string): string[] {
  const parts = key.split("/");
  if (parts.length > 2) {
    return [
      `a valid label key ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  const errs = parts.length === 2 ? validateKeyPrefix(parts[0]) : [];
  const name = parts[parts.length - 1];
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (byteLength(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!labelKeyName.test(name)) errs.push(`name part ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")}`);
  return errs;
}

function validateKeyPrefix(prefix: string): string[] {
  if (prefix.length === 0) return ["prefix part must be non-empty"];
  return validateDns1123Subdomain(prefix).map((msg) => `prefix part ${msg}`);
}

export function validateLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!labelValue.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        "MyValue",
        "my_value",
        "12345",
      ),
    );
  }
  return errs;
}

export type NameRule = "subdomain" | "label" | "dns1035";

const NAME_RULES: Record<NameRule, (value: string) => string[]> = {
  subdomain: validateDns1123Subdomain,
  label: validateDns1123Label,
  dns1035: validateDns1035Label,
};

/** A generateName prefix may end in '-': upstream masks the tail before checking (its quirk: two characters become one). */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith("-") ? `${name.slice(0, -2)}a` : name;
}

function invalidEach(field: string, value: unknown, msgs: readonly string[]): FieldError[] {
  return msgs.map((msg) => invalid(field, value, msg));
}

function validateNames(meta: ObjectMeta, rule: NameRule, path: string): FieldError[] {
  const check = NAME_RULES[rule];
  const errs: FieldError[] = [];
  if (meta.generateName) {
    errs.push(...invalidEach(`${path}.generateName`, meta.generateName, check(maskTrailingDash(meta.generateName))));
  }
  if (meta.name) errs.push(...invalidEach(`${path}.name`, meta.name, check(meta.name)));
  else if (!meta.generateName) errs.push(required(`${path}.name`, "name or generateName is required"));
  return errs;
}

function validateNamespaceField(namespace: string | undefined, namespaced: boolean, path: string): FieldError[] {
  const field = `${path}.namespace`;
  if (!namespaced) return namespace ? [forbidden(field, "not allowed on this type")] : [];
  if (!namespace) return [required(field)];
  return invalidEach(field, namespace, validateDns1123Label(namespace));
}

export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(labels ?? {})) {
    const value = (labels as Record<string, string>)[key];
    for (const msg of validateLabelKey(key)) errs.push(invalid(field, key, msg));
    for (const msg of validateLabelValue(value)) errs.push(invalid(field, value, msg));
  }
  return errs;
}

export const TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

export function validateAnnotations(annotations: Record<string, string> | undefined, field: string): FieldError[] {
  const entries = Object.entries(annotations ?? {});
  // Annotation keys follow the label-key rule, except that case does not matter.
  const errs = entries.flatMap(([key]) => invalidEach(field, key, validateLabelKey(key.toLowerCase())));
  const size = entries.reduce((sum, [key, value]) => sum + byteLength(key) + byteLength(value), 0);
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) errs.push(tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
  return errs;
}

/** schema.ParseGroupVersion: "v1" or "group/version"; anything else yields no version. */
function versionOf(apiVersion: string): { group: string; version: string } {
  const parts = apiVersion.split("/");
  if (parts.length === 1) return { group: "", version: parts[0] };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  return { group: "", version: "" };
}

/** Upstream reports owner-reference problems on the list path, without an index. */
function validateOwnerReference(ref: OwnerReference, field: string): FieldError[] {
  const { group, version } = versionOf(ref.apiVersion ?? "");
  const errs: FieldError[] = [];
  if (!version) errs.push(invalid(`${field}.apiVersion`, ref.apiVersion ?? "", "version must not be empty"));
  for (const key of ["kind", "name", "uid"] as const) {
    if (!ref[key]) errs.push(invalid(`${field}.${key}`, ref[key] ?? "", "must not be empty"));
  }
  if (group === "" && version === "v1" && ref.kind === "Event") {
    errs.push(invalid(field, ref, "/v1, Kind=Event is disallowed from being an owner"));
  }
  return errs;
}

export function validateOwnerReferences(refs: readonly OwnerReference[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = "";
  for (const ref of refs ?? []) {
    errs.push(...validateOwnerReference(ref, field));
    if (ref.controller !== true) continue;
    const current = `${ref.kind}/${ref.name}`;
    if (!firstController) firstController = current;
    else {
      errs.push(
        invalid(field, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`),
      );
    }
  }
  return errs;
}

export function validateFinalizers(finalizers: readonly string[] | undefined, field: string): FieldError[] {
  const list = finalizers ?? [];
  const errs = list.flatMap((f) => invalidEach(field, f, validateLabelKey(f)));
  if (list.includes("orphan") && list.includes("foregroundDeletion")) {
    errs.push(invalid(field, list, "finalizer orphan and foregroundDeletion cannot be both set"));
  }
  return errs;
}

/** The parts checked alike on create and update. */
function validateMetaContents(meta: ObjectMeta, path: string): FieldError[] {
  return [
    ...validateLabels(meta.labels, `${path}.labels`),
    ...validateAnnotations(meta.annotations, `${path}.annotations`),
    ...validateOwnerReferences(meta.ownerReferences, `${path}.ownerReferences`),
    ...validateFinalizers(meta.finalizers, `${path}.finalizers`),
  ];
}

export interface ObjectMetaRules {
  namespaced: boolean;
  nameRule: NameRule;
  /** defaults to "metadata" */
  path?: string;
}

/**
 * Validates metadata on create. Unlike upstream, which runs after name generation, a
 * generateName alone satisfies the name requirement, so callers may validate before generating.
 */
export function validateObjectMeta(meta: ObjectMeta, opts: ObjectMetaRules): FieldError[] {
  const path = opts.path ?? "metadata";
  const errs = [...validateNames(meta, opts.nameRule, path), ...validateNamespaceField(meta.namespace, opts.namespaced, path)];
  if (meta.generation !== undefined && meta.generation < 0) {
    errs.push(invalid(`${path}.generation`, meta.generation, "must be greater than or equal to 0"));
  }
  return [...errs, ...validateMetaContents(meta, path)];
}

/** Absent strings compare and print as "", absent timestamps and numbers as null, as Go's zero values do. */
const IMMUTABLE_FIELDS = [
  ["name", ""],
  ["namespace", ""],
  ["uid", ""],
  ["creationTimestamp", null],
  ["deletionTimestamp", null],
  ["deletionGracePeriodSeconds", null],
] as const;

function validateImmutable(oldMeta: ObjectMeta, newMeta: ObjectMeta, path: string): FieldError[] {
  return IMMUTABLE_FIELDS.flatMap(([key, zero]) => {
    const before = oldMeta[key] ?? zero;
    const after = newMeta[key] ?? zero;
    return before === after ? [] : [invalid(`${path}.${key}`, after, "field is immutable")];
  });
}

/** Go's %#v of a []string, which upstream prints in this message. */
function goStringSlice(values: readonly string[]): string {
  return `[]string{${values.map((v) => JSON.stringify(v)).join(", ")}}`;
}

function validateNoNewFinalizers(oldMeta: ObjectMeta, newMeta: ObjectMeta, path: string): FieldError[] {
  if (!oldMeta.deletionTimestamp) return [];
  const before = new Set(oldMeta.finalizers ?? []);
  const added = [...new Set(newMeta.finalizers ?? [])].filter((f) => !before.has(f)).sort();
  if (added.length === 0) return [];
  return [forbidden(`${path}.finalizers`, `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(added)}`)];
}

/**
 * Validates metadata on update. Like upstream, the caller is expected to have carried over
 * what an update may not touch (uid when omitted, creationTimestamp, deletionTimestamp,
 * resourceVersion for unconditional updates) before validating.
 */
export function validateObjectMetaUpdate(oldMeta: ObjectMeta, newMeta: ObjectMeta, path = "metadata"): FieldError[] {
  return [...validateNoNewFinalizers(oldMeta, newMeta, path), ...validateImmutable(oldMeta, newMeta, path), ...validateMetaContents(newMeta, path)];
}
