/**
 * Label selectors as k8s.io/apimachinery/pkg/labels has them: the string form of list
 * queries and the structured metav1.LabelSelector of specs, with upstream's parse errors.
 */
import type { LabelSelector } from "@/lib/k8s/types";
import { fieldError, fieldErrorString, validateLabelKey, validateLabelValue, type FieldError } from "@/lib/k8s/validation";

export type Operator = "=" | "==" | "!=" | "in" | "notin" | "exists" | "!" | "gt" | "lt";

/** "exists" and "!" (does not exist) take no values; "gt"/"lt" compare integers, as upstream's Gt/Lt. */
export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** AND of requirements, sorted by key; empty selects everything. */
export type Selector = readonly Requirement[];

export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LabelSelectorError";
  }
}

/** Upstream's aggregate error: one message alone, several in brackets. */
function aggregate(errs: readonly FieldError[]): string {
  const msgs = errs.map(fieldErrorString);
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(", ")}]`;
}

function valueCountError(operator: Operator, count: number): string | undefined {
  switch (operator) {
    case "in":
    case "notin":
      return count === 0 ? "for 'in', 'notin' operators, values set can't be empty" : undefined;
    case "=":
    case "==":
    case "!=":
      return count === 1 ? undefined : "exact-match compatibility requires one single value";
    case "exists":
    case "!":
      return count === 0 ? undefined : "values set must be empty for exists and does not exist";
    case "gt":
    case "lt":
      return count === 1 ? undefined : "for 'Gt', 'Lt' operators, exactly one value is required";
  }
}

const INTEGER = /^[+-]?\d+$/;

/** labels.NewRequirement: checks the key, the number of values and each value. */
function newRequirement(key: string, operator: Operator, values: string[]): Requirement {
  const keyErrs = validateLabelKey(key);
  const errs: FieldError[] = keyErrs.length ? [fieldError.invalid("key", key, keyErrs.join("; "))] : [];
  const countError = valueCountError(operator, values.length);
  // Go prints a nil slice as null; only the structured form can reach here with no values.
  if (countError) errs.push(fieldError.invalid("values", values.length ? values : null, countError));
  values.forEach((value, i) => {
    if ((operator === "gt" || operator === "lt") && !INTEGER.test(value)) {
      errs.push(fieldError.invalid(`values[${i}]`, value, "for 'Gt', 'Lt' operators, the value must be an integer"));
    }
    const valueErrs = validateLabelValue(value);
    if (valueErrs.length) errs.push(fieldError.invalid(`values[${i}][${key}]`, value, valueErrs.join("; ")));
  });
  if (errs.length) throw new LabelSelectorError(aggregate(errs));
  return { key, operator, values };
}

function byKey(a: Requirement, b: Requirement): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

type TokenKind = "identifier" | "end" | "in" | "notin" | "(" | ")" | "," | "!" | "=" | "==" | "!=" | ">" | "<";

interface Token {
  kind: TokenKind;
  literal: string;
}

const SYMBOLS = new Set<string>(["(", ")", ",", "!", "=", "==", "!=", ">", "<"]);
const isSpecial = (ch: string) => "=!(),><".includes(ch);
const isWhitespace = (ch: string) => " \t\r\n".includes(ch);

/** An operator is the longest run of special characters that is a known symbol. */
function scanSymbol(text: string, pos: number): [Token, number] {
  const pair = text.slice(pos, pos + 2);
  const literal = SYMBOLS.has(pair) ? pair : text[pos];
  return [{ kind: literal as TokenKind, literal }, pos + literal.length];
}

/** Anything up to whitespace or a special character: a key, a value or a keyword. */
function scanWord(text: string, pos: number): [Token, number] {
  let end = pos;
  while (end < text.length && !isSpecial(text[end]) && !isWhitespace(text[end])) end++;
  const literal = text.slice(pos, end);
  const kind = literal === "in" || literal === "notin" ? literal : "identifier";
  return [{ kind, literal }, end];
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    while (pos < text.length && isWhitespace(text[pos])) pos++;
    if (pos >= text.length) return [...tokens, { kind: "end", literal: "" }];
    const [token, next] = isSpecial(text[pos]) ? scanSymbol(text, pos) : scanWord(text, pos);
    tokens.push(token);
    pos = next;
  }
}

const BINARY_OPERATORS: Partial<Record<TokenKind, Operator>> = {
  in: "in",
  notin: "notin",
  "=": "=",
  "==": "==",
  "!=": "!=",
  ">": "gt",
  "<": "lt",
};

/** Recursive descent over the tokens, with upstream's grammar and messages. */
class Parser {
  private position = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  /** In value position the keywords in/notin are plain identifiers. */
  private lookahead(asValue = true): Token {
    const t = this.tokens[this.position];
    return asValue && (t.kind === "in" || t.kind === "notin") ? { kind: "identifier", literal: t.literal } : t;
  }

  private consume(asValue = true): Token {
    const t = this.lookahead(asValue);
    this.position++;
    return t;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { kind, literal } = this.lookahead();
      if (kind === "end") return requirements;
      if (kind !== "identifier" && kind !== "!") throw new LabelSelectorError(`found '${literal}', expected: !, identifier, or 'end of string'`);
      requirements.push(this.parseRequirementOrThrow());
      const next = this.consume();
      if (next.kind === "end") return requirements;
      if (next.kind !== ",") throw new LabelSelectorError(`found '${next.literal}', expected: ',' or 'end of string'`);
      const after = this.lookahead();
      if (after.kind !== "identifier" && after.kind !== "!") throw new LabelSelectorError(`found '${after.literal}', expected: identifier after ','`);
    }
  }

  private parseRequirementOrThrow(): Requirement {
    try {
      return this.parseRequirement();
    } catch (e) {
      if (e instanceof LabelSelectorError) throw new LabelSelectorError(`unable to parse requirement: ${e.message}`);
      throw e;
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator) return newRequirement(key, operator, []);
    const binary = this.parseOperator();
    const values = binary === "in" || binary === "notin" ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, binary, [...values].sort());
  }

  private parseKeyAndInferOperator(): { key: string; operator?: "exists" | "!" } {
    let token = this.consume();
    const negated = token.kind === "!";
    if (negated) token = this.consume();
    if (token.kind !== "identifier") throw new LabelSelectorError(`found '${token.literal}', expected: identifier`);
    const keyErrs = validateLabelKey(token.literal);
    // The parser validates keys with a nil field path, which Go prints as "<nil>".
    if (keyErrs.length) throw new LabelSelectorError(fieldErrorString(fieldError.invalid("<nil>", token.literal, keyErrs.join("; "))));
    if (negated) return { key: token.literal, operator: "!" };
    const next = this.lookahead().kind;
    return { key: token.literal, operator: next === "end" || next === "," ? "exists" : undefined };
  }

  private parseOperator(): Operator {
    const { kind, literal } = this.consume(false);
    const operator = BINARY_OPERATORS[kind];
    if (!operator) throw new LabelSelectorError(`found '${literal}', expected: in, notin, =, ==, !=, gt, lt`);
    return operator;
  }

  private parseValues(): Set<string> {
    const open = this.consume();
    if (open.kind !== "(") throw new LabelSelectorError(`found '${open.literal}' expected: '('`);
    const { kind, literal } = this.lookahead();
    if (kind === ")") {
      this.consume();
      return new Set([""]);
    }
    if (kind !== "identifier" && kind !== ",") throw new LabelSelectorError(`found '${literal}', expected: ',', ')' or identifier`);
    const values = this.parseIdentifiersList();
    if (this.consume().kind !== ")") throw new LabelSelectorError(`found '${literal}', expected: ')'`);
    return values;
  }

  /** A comma-separated list in which empty items are the empty value: "(a,,b)", "(,a)", "(a,)". */
  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const { kind, literal } = this.consume();
      if (kind === "identifier") {
        values.add(literal);
        const next = this.lookahead();
        if (next.kind === ")") return values;
        if (next.kind !== ",") throw new LabelSelectorError(`found '${next.literal}', expected: ',' or ')'`);
        continue;
      }
      if (kind !== ",") throw new LabelSelectorError(`found '${literal}', expected: ',', or identifier`);
      if (values.size === 0) values.add("");
      const next = this.lookahead().kind;
      if (next === ")") return values.add("");
      if (next === ",") {
        this.consume();
        values.add("");
      }
    }
  }

  private parseExactValue(): Set<string> {
    const next = this.lookahead().kind;
    if (next === "end" || next === ",") return new Set([""]);
    const { kind, literal } = this.consume();
    if (kind !== "identifier") throw new LabelSelectorError(`found '${literal}', expected: identifier`);
    return new Set([literal]);
  }
}

/** labels.Parse: "a=b, c!=d, e in (x,y), f notin (z), g, !h". */
export function parseLabelSelector(text: string): Selector {
  return new Parser(tokenize(text)).parse().sort(byKey);
}

const EXPRESSION_OPERATORS: Record<string, Operator> = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!" };

/** metav1.LabelSelectorAsSelector. An absent selector (matching nothing upstream) is the caller's to handle. */
export function labelSelectorFromObject(sel: LabelSelector): Selector {
  const requirements = Object.entries(sel.matchLabels ?? {}).map(([key, value]) => newRequirement(key, "=", [value]));
  for (const expr of sel.matchExpressions ?? []) {
    const operator = EXPRESSION_OPERATORS[expr.operator];
    if (!operator) throw new LabelSelectorError(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    requirements.push(newRequirement(expr.key, operator, [...(expr.values ?? [])]));
  }
  return requirements.sort(byKey);
}

function matchesRequirement(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case "=":
    case "==":
    case "in":
      return has && r.values.includes(value);
    case "!=":
    case "notin":
      return !has || !r.values.includes(value);
    case "exists":
      return has;
    case "!":
      return !has;
    case "gt":
    case "lt":
      return has && INTEGER.test(value) && (r.operator === "gt" ? Number(value) > Number(r.values[0]) : Number(value) < Number(r.values[0]));
  }
}

export function matchesLabels(sel: Selector, labels: Record<string, string> | undefined): boolean {
  return sel.every((r) => matchesRequirement(r, labels ?? {}));
}

const OPERATOR_TEXT: Record<Operator, string> = { "=": "=", "==": "==", "!=": "!=", in: " in ", notin: " notin ", gt: ">", lt: "<", exists: "", "!": "" };

function requirementToString(r: Requirement): string {
  if (r.operator === "exists") return r.key;
  if (r.operator === "!") return `!${r.key}`;
  const values = [...r.values].sort().join(",");
  const shown = r.operator === "in" || r.operator === "notin" ? `(${values})` : values;
  return `${r.key}${OPERATOR_TEXT[r.operator]}${shown}`;
}

/** labels.Selector.String: requirements sorted by key, values sorted; "" for everything. */
export function selectorToString(sel: Selector): string {
  return [...sel].sort(byKey).map(requirementToString).join(",");
}

/**
 * The key=value pairs the selector pins exactly (=, == or a one-value in), as upstream's
 * RequiresExactMatch; undefined when there is none.
 */
export function equalityRequirements(sel: Selector): Record<string, string> | undefined {
  const exact = sel.filter((r) => (r.operator === "=" || r.operator === "==" || r.operator === "in") && r.values.length === 1);
  if (exact.length === 0) return undefined;
  const pairs: Record<string, string> = {};
  for (const r of exact) pairs[r.key] ??= r.values[0];
  return pairs;
}
