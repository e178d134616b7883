/**
 * Kubernetes resource quantities, exact.
 *
 * Written by hand on purpose: the planner must decide whether two manifests hash alike in the
 * operator, and the operator hashes `json.Marshal` of Go `resource.Quantity` values, i.e. their
 * canonical strings. Those keep the *format* of the input (`1Gi` and `1073741824` are the same
 * amount but marshal differently, so they hash differently), round up to nano units, and pick the
 * largest exact suffix (`5120Mi` → `5Gi`, `1000m` → `1`). client-node's `quantityToScalar` is
 * float-based, rejects `1.5Gi` and knows no formats, so it cannot answer this question.
 *
 * Values are exact rationals `units × 10^-9` in a BigInt (nano units), which covers every
 * quantity Kubernetes accepts without loss.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** Value in nano units (value × 10^9), rounded up as the API machinery does. */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

export class QuantityError extends Error {}

const NANO = 1_000_000_000n;

const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

// <signedNumber><suffix>, as in k8s.io/apimachinery/pkg/api/resource: digits with at most one
// dot, then a binary or decimal SI suffix or an exponent.
const QUANTITY_RE = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** Parses a quantity from a manifest value (a string, or a YAML number). Throws QuantityError. */
export function parseQuantity(input: unknown): Quantity {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new QuantityError(`${input} is not a quantity`);
    text = numberToPlainString(input);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    throw new QuantityError(`expected a quantity such as "500m" or "4Gi", got ${describe(input)}`);
  }
  const m = QUANTITY_RE.exec(text);
  if (!m || text === '') {
    throw new QuantityError(`"${String(input)}" is not a valid quantity (expected e.g. "500m", "2", "4Gi", "1e3")`);
  }
  const [, sign, digits, suffix = ''] = m;
  const negative = sign === '-';
  // The mantissa as an exact rational: intPart.fracPart = mantissa / 10^fracLen.
  const [intPart = '', fracPart = ''] = digits!.split('.');
  const mantissa = BigInt((intPart || '0') + fracPart);
  let exp10 = -fracPart.length; // power of ten applied to mantissa
  let exp2 = 0;
  let format: QuantityFormat;
  if (suffix in binarySuffixes) {
    exp2 = binarySuffixes[suffix]!;
    format = 'BinarySI';
  } else if (suffix.startsWith('e') || suffix.startsWith('E')) {
    const e = Number(suffix.slice(1));
    if (!Number.isSafeInteger(e) || Math.abs(e) > 100) throw new QuantityError(`"${String(input)}": exponent out of range`);
    exp10 += e;
    format = 'DecimalExponent';
  } else {
    exp10 += decimalSuffixes[suffix]!;
    format = 'DecimalSI';
  }
  // nanos = ceil(mantissa × 2^exp2 × 10^(exp10 + 9))
  let num = mantissa * (1n << BigInt(exp2));
  let den = 1n;
  const e = exp10 + 9;
  if (e >= 0) num *= 10n ** BigInt(e);
  else den = 10n ** BigInt(-e);
  let nanos = num / den;
  if (num % den !== 0n) nanos += 1n; // the API machinery rounds up to the nano
  if (negative) nanos = -nanos;
  return { nanos, format };
}

/** The string Go's `resource.Quantity` marshals to (`Quantity.String()`): what the operator hashes. */
export function canonicalQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  let format = q.format;
  const abs = q.nanos < 0n ? -q.nanos : q.nanos;
  const sign = q.nanos < 0n ? '-' : '';
  if (format === 'BinarySI') {
    // Small or fractional binary amounts are shown as decimal, to avoid rounding.
    if (abs < 1024n * NANO || abs % NANO !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let n = abs / NANO;
    let exp = 0;
    while (exp < 60 && n % 1024n === 0n) {
      n /= 1024n;
      exp += 10;
    }
    const suffix = Object.keys(binarySuffixes).find((k) => binarySuffixes[k] === exp) ?? '';
    return sign + n.toString() + suffix;
  }
  // Decimal: the largest exponent (a multiple of 3 for SI) for which the mantissa stays an integer.
  let n = abs;
  let exp = -9;
  const step = format === 'DecimalSI' ? 3 : 1;
  const stepDiv = 10n ** BigInt(step);
  while (n % stepDiv === 0n && (format === 'DecimalExponent' || exp < 18)) {
    n /= stepDiv;
    exp += step;
  }
  if (format === 'DecimalExponent') {
    // Go keeps exponents in multiples of 3 for this format too.
    while (((exp % 3) + 3) % 3 !== 0) {
      n *= 10n;
      exp -= 1;
    }
    return sign + n.toString() + (exp === 0 ? '' : `e${exp}`);
  }
  const suffix = Object.keys(decimalSuffixes).find((k) => decimalSuffixes[k] === exp) ?? '';
  return sign + n.toString() + suffix;
}

/** The amount in base units as a JS number (cores, bytes, counts): for capacity figures. */
export function quantityToNumber(q: Quantity): number {
  const whole = q.nanos / NANO;
  const frac = q.nanos % NANO;
  return Number(whole) + Number(frac) / 1e9;
}

/** Canonical string of a manifest value, or throws QuantityError. */
export function canonicalizeQuantity(input: unknown): string {
  return canonicalQuantity(parseQuantity(input));
}

function numberToPlainString(n: number): string {
  // YAML numbers reach us as JS numbers; 1e21 and beyond print in exponent form, which the
  // grammar accepts too.
  const s = String(n);
  return s.replace('e+', 'e');
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
}
