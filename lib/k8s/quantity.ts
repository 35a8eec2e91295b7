/**
 * Kubernetes resource quantities (`500m`, `1.5Gi`, `2e3`): parsing to plain numbers and
 * formatting back to the canonical text kube-apiserver would print.
 *
 * Parsing goes through an exact decimal (BigInt digits × 10^exponent) so `milli` and
 * `integerValue` round exactly like Quantity.MilliValue()/Value() instead of inheriting
 * binary floating-point error (0.1 + 0.2 style).
 */

export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QuantityError";
  }
}

export type Quantity = string | number;
export type QuantityFormat = "DecimalSI" | "BinarySI";

/** value = digits × 10^exponent, digits signed. */
interface ExactDecimal {
  digits: bigint;
  exponent: number;
}

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([numkMGTPE])|[eE]([+-]?\d+))?$/;
const BINARY_POWERS: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_EXPONENTS: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIXES = new Map(Object.entries(DECIMAL_EXPONENTS).map(([suffix, exp]) => [exp, suffix]));
const BINARY_SUFFIXES = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

function parseExact(q: Quantity): ExactDecimal {
  if (typeof q === "number" && !Number.isFinite(q)) throw new QuantityError(`quantity must be finite, got ${q}`);
  const text = typeof q === "number" ? String(q) : q.trim();
  const match = QUANTITY.exec(text);
  if (!match) throw new QuantityError(`quantities must match the regular expression '${QUANTITY.source}': ${JSON.stringify(q)}`);
  const [, sign, number, binary, decimal, exponentText] = match;
  const [whole, fraction = ""] = number.split(".");
  let digits = BigInt(`${whole}${fraction}` || "0");
  let exponent = -fraction.length;
  if (binary) digits *= 1024n ** BigInt(BINARY_POWERS[binary]);
  if (decimal) exponent += DECIMAL_EXPONENTS[decimal];
  if (exponentText) exponent += Number(exponentText);
  return { digits: sign === "-" ? -digits : digits, exponent };
}

/** The smallest integer ≥ digits × 10^shift. */
function ceilScaled({ digits, exponent }: ExactDecimal, shift: number): bigint {
  const exp = exponent + shift;
  if (exp >= 0) return digits * 10n ** BigInt(exp);
  const divisor = 10n ** BigInt(-exp);
  const quotient = digits / divisor;
  return digits % divisor > 0n ? quotient + 1n : quotient;
}

/** The quantity in base units: cores for cpu (fractional), bytes for memory, devices, and so on. */
export function parseQuantity(q: Quantity): number {
  const { digits, exponent } = parseExact(q);
  return Number(`${digits}e${exponent}`);
}

/** The quantity in thousandths, rounded up, like Quantity.MilliValue() (cpu → millicores). */
export function milli(q: Quantity): number {
  return Number(ceilScaled(parseExact(q), 3));
}

/** The quantity rounded up to a whole number, like Quantity.Value() (memory → bytes). */
export function integerValue(q: Quantity): number {
  return Number(ceilScaled(parseExact(q), 0));
}

/** Drops trailing zeros into the exponent so 2000 reads as 2 × 10^3. */
function normalize({ digits, exponent }: ExactDecimal): ExactDecimal {
  while (digits !== 0n && digits % 10n === 0n) {
    digits /= 10n;
    exponent += 1;
  }
  return { digits, exponent: digits === 0n ? 0 : exponent };
}

function formatDecimalSI(value: ExactDecimal): string {
  let { digits, exponent } = normalize(value);
  if (exponent < -9) {
    digits = ceilScaled({ digits, exponent }, 9);
    exponent = -9;
  }
  const suffixExponent = Math.min(18, Math.floor(exponent / 3) * 3);
  const mantissa = digits * 10n ** BigInt(exponent - suffixExponent);
  return `${mantissa}${DECIMAL_SUFFIXES.get(suffixExponent) ?? ""}`;
}

function formatBinarySI(value: number): string {
  let mantissa = value;
  let power = 0;
  while (power < BINARY_SUFFIXES.length - 1 && mantissa % 1024 === 0 && mantissa !== 0) {
    mantissa /= 1024;
    power += 1;
  }
  return `${mantissa}${BINARY_SUFFIXES[power]}`;
}

/**
 * Canonical text for a value in base units, as kube-apiserver serializes quantities:
 * DecimalSI picks the largest SI suffix that keeps an integer mantissa (0.1 → "100m",
 * 2000 → "2k", 1500 → "1500"); BinarySI uses Ki…Ei for whole multiples of 1024 and falls
 * back to DecimalSI for small or fractional values.
 */
export function formatQuantity(value: number, format: QuantityFormat = "DecimalSI"): string {
  const exact = parseExact(value);
  const useBinary = format === "BinarySI" && Number.isInteger(value) && Math.abs(value) >= 1024;
  return useBinary ? formatBinarySI(value) : formatDecimalSI(exact);
}
