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

/** Sticky: tried only where a figure can start (see FIGURE_START). */
export function quantityRegex(fragments: Fragments): RegExp {
  // 翻番 with no number doubles: a rise of 1 倍, as 翻一番 is.
  const source = fragments.expand(
    '(?<doubled>翻番)|(?<amount>{AMOUNT})(?:(?<unit1>{UNIT_LATIN}|{UNIT_ANY})?(?:{RANGE_DASH})(?<amount2>{AMOUNT}))?' +
      '(?<unit>{UNIT_LATIN}|{UNIT_ANY})?(?<per>{PER_UNIT})?(?:{UNIT_ALTERNATIVE})?(?:人民币)?(?<post>{POST_QUALIFIER})?',
  );
  return new RegExp(source, 'uy');
}

// Every amount starts with a digit or a Chinese numeral (百分之 and X分之Y included), or is 翻番: a cheap scan
// for these finds where the full expression is worth trying.
const FIGURE_START = /[0-9零〇一二两三四五六七八九十百千万亿翻]/g;

/** The unit as the contract writes it, and how a value in the written unit converts to it. */
function canonicalUnit(unit: string): { unit: string; convert: (v: number) => number } {
  if (unit === '个百分点' || unit === '个千分点') return { unit: unit.slice(1), convert: (v) => v };
  if (unit === '成') return { unit: '%', convert: (v) => Math.round(v * 10 * 1e6) / 1e6 };
  // 翻一番 doubles: a rise of 1 倍; 翻两番 is four times: a rise of 3 倍.
  if (unit === '番') return { unit: '倍', convert: (v) => (v <= 10 ? 2 ** v - 1 : Number.NaN) };
  return { unit, convert: (v) => v };
}

/** Reads one match of quantityRegex; null when the amount is not a number after all. */
/** A lone 千 before 瓦, 克, 米 is the start of a unit (千克), not a number. */
const PER_HEAD = /^\/(?:10万|十万|万)$/u;
const THOUSAND_UNIT = /^(瓦|瓦时|克|米|伏|帕)/u;

export function readQuantity(m: RegExpExecArray): Quantity | null {
  const g = m.groups!;
  if (g.doubled) return { start: m.index, end: m.index + m[0].length, text: m[0], value: 1, unit: '倍', numeral: 'chinese', approx: false, post: null };
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
  } else if (unitText === null && g.per !== undefined && PER_HEAD.test(g.per)) {
    // A rate per head of population (8.62/10万) is in 1/10万.
    unit = `1${g.per}`;
  } else if (unitText !== null) {
    const c = canonicalUnit(unitText);
    unit = c.unit + (g.per ?? '');
    value = c.convert(value);
    if (upper !== undefined) upper = c.convert(upper);
    // A figure too large to convert (翻1024番) is not one.
    if (!Number.isFinite(value) || (upper !== undefined && !Number.isFinite(upper))) return null;
  }
  const q: Quantity = { start: m.index, end: m.index + m[0].length, text: m[0], value, unit, numeral: low.numeral, approx: low.approx, post: g.post ?? null };
  if (upper !== undefined) q.upper = upper;
  return q;
}

/** A minus or 负 right before a number, not between two figures (5-6%), makes it negative (-2.04‰). */
function negated(text: string, q: Quantity): Quantity {
  const sign = text[q.start - 1];
  const before = text[q.start - 2] ?? '';
  // 负 is a sign only where a value is stated (为负1.2%), not in a word (减负237亿元).
  const minus = sign === '-' ? !/[\dA-Za-z.%)）]/u.test(before) : sign === '负' && /^(?:|[为是至到，,：:（(\s])$/u.test(before);
  if (!minus || q.numeral !== 'arabic') return q;
  return { ...q, start: q.start - 1, text: sign + q.text, value: -q.value, ...(q.upper !== undefined ? { upper: -q.upper } : {}) };
}

export function findQuantities(text: string, regex: RegExp): Quantity[] {
  const out: Quantity[] = [];
  const starts = new RegExp(FIGURE_START);
  // test(), not exec(): no match object for each of the many places a figure might start.
  while (starts.test(text)) {
    regex.lastIndex = starts.lastIndex - 1;
    const m = regex.exec(text);
    if (!m || m[0].length === 0) continue;
    const q = readQuantity(m);
    if (q) out.push(negated(text, q));
    starts.lastIndex = m.index + m[0].length;
  }
  return out;
}

const LIST_JOIN = /^[、和及与]$/u;

/**
 * A unit written once, after the last value of a list, belongs to every value of it
 * (3500万、2300万人次; 快于全国3.4个、1个百分点): the values before take it, in place.
 * Not a unit of time (2023、2024年 are years), nor one whose value converts (三、四成).
 */
export function shareListUnits(text: string, quantities: Quantity[], timeUnits: Set<string>): void {
  // The unit the values after k carry: written (and so in the text) or passed along the list.
  let carried: string | null = null;
  for (let k = quantities.length - 2; k >= 0; k--) {
    const q = quantities[k]!;
    const next = quantities[k + 1]!;
    const unit: string | null = next.unit !== null && next.text.includes(next.unit) ? next.unit : carried;
    carried = null;
    if (unit === null || timeUnits.has(unit) || !LIST_JOIN.test(text.slice(q.end, next.start))) continue;
    const bare = q.unit === null && q.numeral === 'arabic';
    const pointsCounted = q.unit === '个' && (unit === '百分点' || unit === '千分点') && next.text.includes(`个${unit}`);
    if (bare || pointsCounted) {
      quantities[k] = { ...q, unit };
      carried = unit;
    }
  }
}
