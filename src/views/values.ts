// Values as people read them in the views: 328650000000 元 is 3286.5亿元, as reports write it.
// The JSON keeps the exact number; a view only moves the decimal point, so nothing is rounded.
import type { Indicator } from '../contract.js';

// Reports write large amounts in 万, 亿 and 万亿, with the unit after them (3286.5亿元, 4.93万亿元).
const STEPS: readonly [power: number, name: string][] = [
  [12, '万亿'],
  [8, '亿'],
  [4, '万'],
];
// More decimals than this in 万 or 亿 read worse than the whole number: reports write 1276.04万元
// and 41256元, not 4.1256万元.
const MAX_DECIMALS = 2;
// Rates, shares and multiples are never large amounts.
const NO_MULTIPLIER = new Set(['%', '百分点', '倍']);

interface Decimal {
  negative: boolean;
  int: string;
  frac: string;
}

/** A number's exact decimal digits; null for what JavaScript writes with an exponent. */
function decimal(v: number): Decimal | null {
  const s = String(Math.abs(v));
  if (!Number.isFinite(v) || /e/i.test(s)) return null;
  const [int = '0', frac = ''] = s.split('.');
  return { negative: v < 0, int, frac };
}

/** The number divided by 10^power, by moving its decimal point. */
function shift(d: Decimal, power: number): Decimal {
  const all = d.int + d.frac;
  const point = d.int.length - power;
  const int = point > 0 ? all.slice(0, point) : '0';
  const frac = point > 0 ? all.slice(point) : '0'.repeat(-point) + all;
  return { negative: d.negative, int: int.replace(/^0+(?=\d)/, ''), frac: frac.replace(/0+$/, '') };
}

// Integers of four digits or fewer are not grouped (GB/T 15835: 2362起, 3286.5亿元); longer ones
// are, in threes (123,456.7吨).
function written(d: Decimal): string {
  const int = d.int.length > 4 ? d.int.replace(/\B(?=(\d{3})+$)/g, ',') : d.int;
  return (d.negative ? '-' : '') + int + (d.frac ? '.' + d.frac : '');
}

/** The value (or range) and unit of an indicator as a view shows them: `3286.5亿元`, `3–5所`,
 * `39.2%`, `123,456.7吨`. */
export function readableValue(i: Pick<Indicator, 'value' | 'unit'> & { upper?: number | null }): string {
  const bounds = [i.value, ...(i.upper === undefined || i.upper === null ? [] : [i.upper])];
  const digits = bounds.map(decimal);
  const largest = Math.max(...bounds.map(Math.abs));
  let multiplier = '';
  let shown = digits.map((d, k) => (d ? written(d) : String(bounds[k])));
  if (!NO_MULTIPLIER.has(i.unit) && digits.every((d) => d !== null)) {
    // Only the largest step the value reaches: 123456789元 reads better whole than as 12,345.6789万元.
    const step = STEPS.find(([power]) => largest >= 10 ** power);
    const moved = step && digits.map((d) => shift(d!, step[0]));
    if (step && moved!.every((d) => d.frac.length <= MAX_DECIMALS)) {
      multiplier = step[1];
      shown = moved!.map(written);
    }
  }
  return shown.join('–') + multiplier + i.unit;
}
