// The one regular-expression pass over the text: every amount with its unit, range and
// qualifier suffix. Deciding which of them are indicators is left to the patterns.
import type { Fragments } from '../patterns/fragments.js';
import { alignRange, parseAmount, type Numeral } from './numbers.js';

export interface Quantity {
  /** normalized offsets, end exclusive */
  start: number;
  end: number;
  text: string;
  value: number;
  upper?: number;
  /** the canonical unit, or null when the text has none */
  unit: string | null;
  numeral: Numeral;
  /** 余 or 多 after the number */
  approx: boolean;
  /** 以上, 左右 ... after the unit */
  post: string | null;
}

export function quantityRegex(fragments: Fragments): RegExp {
  const source = fragments.expand(
    '(?<amount>{AMOUNT})(?:(?<unit1>{UNIT_ANY})?(?:{RANGE_DASH})(?<amount2>{AMOUNT}))?' +
      '(?<unit>{UNIT_ANY})?(?<per>{PER_UNIT})?(?:{UNIT_ALTERNATIVE})?(?:人民币)?(?<post>{POST_QUALIFIER})?',
  );
  return new RegExp(source, 'gu');
}

function canonicalUnit(unit: string): { unit: string; factor: number } {
  if (unit === '个百分点') return { unit: '百分点', factor: 1 };
  if (unit === '成') return { unit: '%', factor: 10 };
  return { unit, factor: 1 };
}

/** Reads one match of quantityRegex; null when the amount is not a number after all. */
/** A lone 千 before 瓦, 克, 米 is the start of a unit (千克), not a number. */
const THOUSAND_UNIT = /^(瓦|瓦时|克|米|伏|帕)/u;

export function readQuantity(m: RegExpExecArray): Quantity | null {
  const g = m.groups!;
  if (g.amount === '千' && g.unit && THOUSAND_UNIT.test(g.unit)) return null;
  const low = parseAmount(g.amount!);
  if (!low) return null;
  let unitText = g.unit ?? null;
  let value = low.value;
  let upper: number | undefined;
  if (g.amount2 !== undefined) {
    const high = parseAmount(g.amount2);
    if (!high || high.numeral !== low.numeral) return null;
    // The unit may be written once, after the upper bound, or after both with the same word.
    if (g.unit1 !== undefined && unitText !== null && g.unit1 !== unitText) return null;
    unitText ??= g.unit1 ?? null;
    value = alignRange(g.amount!, low, high, g.amount2);
    upper = high.value;
    if (!(upper > value)) return null;
  }
  let unit: string | null = null;
  if (low.percent) {
    if (unitText !== null) return null;
    unit = '%';
  } else if (unitText !== null) {
    const c = canonicalUnit(unitText);
    unit = c.unit + (g.per ?? '');
    value = Math.round(value * c.factor * 1e6) / 1e6;
    if (upper !== undefined) upper = Math.round(upper * c.factor * 1e6) / 1e6;
  }
  return {
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    value,
    ...(upper !== undefined ? { upper } : {}),
    unit,
    numeral: low.numeral,
    approx: low.approx,
    post: g.post ?? null,
  };
}

export function findQuantities(text: string, regex: RegExp, from = 0, to = text.length): Quantity[] {
  const out: Quantity[] = [];
  regex.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null && m.index < to) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const q = readQuantity(m);
    if (q) out.push(q);
  }
  return out;
}
