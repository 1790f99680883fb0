/**
 * Exact decimal arithmetic on strings. Money never becomes a JavaScript number: amounts are parsed
 * into a BigInt of units at a fixed scale, added, compared and formatted back to strings.
 */
const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?$/;

/** The scale we compute at: NUMERIC(38,9) in every warehouse. */
export const SCALE = 9;
const FACTOR = 10n ** BigInt(SCALE);

export function isDecimal(value: string): boolean {
  const m = DECIMAL_RE.exec(value.trim());
  return m !== null && ((m[2] ?? '') + (m[3] ?? '')).length > 0;
}

/** Parses a decimal string into units of 10^-9. Throws on anything that is not a plain decimal. */
export function toUnits(value: string, scale: number = SCALE): bigint {
  const m = DECIMAL_RE.exec(value.trim());
  const whole = m?.[2] ?? '';
  const frac = m?.[3] ?? '';
  if (!m || whole.length + frac.length === 0) throw new RangeError(`not a decimal: ${JSON.stringify(value)}`);
  if (frac.length > scale && /[1-9]/.test(frac.slice(scale))) {
    throw new RangeError(`decimal ${value} has more than ${scale} fractional digits`);
  }
  const units =
    BigInt(whole || '0') * 10n ** BigInt(scale) + BigInt((frac.slice(0, scale) || '0').padEnd(scale, '0'));
  return m[1] === '-' ? -units : units;
}

/** Formats units back to a decimal string with at least `minScale` and no trailing zeros beyond it. */
export function fromUnits(units: bigint, minScale = 0, scale: number = SCALE): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const factor = 10n ** BigInt(scale);
  const whole = abs / factor;
  let frac = (abs % factor).toString().padStart(scale, '0').replace(/0+$/, '');
  if (frac.length < minScale) frac = frac.padEnd(minScale, '0');
  const text = frac.length > 0 ? `${whole}.${frac}` : `${whole}`;
  return negative && abs !== 0n ? `-${text}` : text;
}

export function add(...values: string[]): string {
  return fromUnits(
    values.reduce((sum, v) => sum + toUnits(v), 0n),
    2,
  );
}

export function sub(a: string, b: string): string {
  return fromUnits(toUnits(a) - toUnits(b), 2);
}

export function neg(a: string): string {
  return fromUnits(-toUnits(a), 2);
}

export function compare(a: string, b: string): -1 | 0 | 1 {
  const d = toUnits(a) - toUnits(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function isZero(a: string): boolean {
  return toUnits(a) === 0n;
}

/** Normalizes to a fixed number of fractional digits, rounding half away from zero. */
export function round(value: string, digits: number): string {
  const units = toUnits(value);
  const step = 10n ** BigInt(SCALE - digits);
  const abs = units < 0n ? -units : units;
  const rounded = ((abs + step / 2n) / step) * step;
  return fromUnits(units < 0n ? -rounded : rounded, digits);
}

/** Multiplies a decimal by a rate (both strings), rounding to `digits`. */
export function multiply(value: string, rate: string, digits = 2): string {
  const product = toUnits(value) * toUnits(rate); // scale 18
  const step = FACTOR;
  const abs = product < 0n ? -product : product;
  const units = (abs + step / 2n) / step;
  return round(fromUnits(product < 0n ? -units : units), digits);
}

/** Sum of a list at scale 2 output (money). */
export function sum(values: Iterable<string>): string {
  let total = 0n;
  for (const v of values) total += toUnits(v);
  return fromUnits(total, 2);
}
