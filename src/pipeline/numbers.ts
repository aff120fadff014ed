// Numbers as written in reports to exact values: Arabic digits with separators, decimals and
// multipliers (16.4亿 is 1640000000 exactly: the arithmetic is done on decimal strings), Chinese
// numerals (一千二百, 两, 三万五千, 二〇二三, 百亿), 百分之, X分之Y (a fraction becomes a
// percentage), and ranges.

const MULTIPLIER_EXPONENT: Record<string, number> = {
  十: 1, 百: 2, 千: 3, 万: 4, 十万: 5, 百万: 6, 千万: 7, 亿: 8, 十亿: 9, 百亿: 10, 千亿: 11, 万亿: 12,
};
const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A decimal string times 10^exponent, as an exact Number. */
export function scaleDecimal(decimal: string, exponent: number): number {
  // Without separators or a scale, the digits are already the number's decimal form.
  if (exponent === 0 && !decimal.includes(',')) return Number(decimal);
  // A number too large for plain digits (String(1e26) is '1e+26') keeps its exponent.
  if (/e/i.test(decimal)) return Number(decimal) * 10 ** exponent;
  const clean = decimal.replace(/,/g, '');
  const [intPart = '0', fracPart = ''] = clean.split('.');
  const digits = intPart + fracPart;
  const point = intPart.length + exponent;
  let s: string;
  if (point >= digits.length) s = digits + '0'.repeat(point - digits.length);
  else if (point <= 0) s = '0.' + '0'.repeat(-point) + digits;
  else s = digits.slice(0, point) + '.' + digits.slice(point);
  return Number(s);
}

export function multiplierExponent(m: string | undefined): number {
  if (!m) return 0;
  const e = MULTIPLIER_EXPONENT[m];
  if (e === undefined) throw new Error(`not a multiplier: ${m}`);
  return e;
}

/** Chinese numerals, with 点 for a decimal point. Returns null when the text is not one. */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  if (text.length === 1 && CN_DIGIT[text] !== undefined) return CN_DIGIT[text]!;
  const point = text.indexOf('点');
  if (point >= 0) {
    const whole = parseChineseNumeral(text.slice(0, point));
    const frac = [...text.slice(point + 1)].map((c) => CN_DIGIT[c]);
    if (whole === null || frac.length === 0 || frac.some((d) => d === undefined)) return null;
    return Number(`${whole}.${frac.join('')}`);
  }
  const chars = [...text];
  if (chars.some((c) => CN_DIGIT[c] === undefined && CN_SMALL_UNIT[c] === undefined && c !== '万' && c !== '亿')) return null;
  // Digit by digit, as in years: 二〇二三. A short run with no zero is a list of ordinals
  // (一二三次产业, 三四线城市), not a number.
  if (chars.length > 1 && chars.every((c) => CN_DIGIT[c] !== undefined)) {
    if (chars.includes('两') || (chars.length < 4 && !chars.some((c) => CN_DIGIT[c] === 0))) return null;
    return Number(chars.map((c) => CN_DIGIT[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of chars) {
    const d = CN_DIGIT[c];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const small = CN_SMALL_UNIT[c];
    if (small !== undefined) {
      section += (digit < 0 ? 1 : digit) * small;
      digit = -1;
      continue;
    }
    // 万 or 亿 closes a section; alone it means one of it (破亿, 百亿).
    const big = c === '万' ? 1e4 : 1e8;
    let part = section + Math.max(digit, 0);
    if (part === 0 && total === 0) part = 1;
    if (c === '亿') total = (total + part) * big;
    else total += part * big;
    section = 0;
    digit = -1;
  }
  return total + section + Math.max(digit, 0);
}

export type Numeral = 'arabic' | 'chinese' | 'fraction';

export interface Amount {
  value: number;
  numeral: Numeral;
  /** 余 or 多 written inside the amount (4.2万余) */
  approx: boolean;
  /** whether a multiplier (万, 亿 ...) was written */
  multiplied: boolean;
  /** a fraction or 百分之: the value is already a percentage */
  percent: boolean;
}

const ARABIC = /^(\d+(?:,\d{3})*(?:\.\d+)?)(万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千)?(余|多)?(万亿|亿|万)?$/u;
const PERCENT_OF = /^百分之(.+)$/u;
const FRACTION = /^(.+?)分之(.+)$/u;
const SLASH_FRACTION = /^(\d{1,2})\/(\d{1,3})$/;
const CHINESE = /^([零〇一二两三四五六七八九十百千万亿点]+?)(余|多)?(万亿|亿|万)?$/u;

/** A fraction or 百分之, as the percentage it is. */
function percentage(value: number): Amount {
  return { value: Math.round(value * 1e4) / 1e4, numeral: 'fraction', approx: false, multiplied: false, percent: true };
}

function parsePlain(text: string): number | null {
  if (/^\d+(?:,\d{3})*(?:\.\d+)?$/.test(text)) return scaleDecimal(text, 0);
  return parseChineseNumeral(text);
}

/** One amount, as matched by the AMOUNT fragment; none where it is too large to be a number. */
export function parseAmount(text: string): Amount | null {
  const amount = readAmount(text);
  return amount && Number.isFinite(amount.value) ? amount : null;
}

function readAmount(text: string): Amount | null {
  let m = ARABIC.exec(text);
  if (m) {
    const exponent = multiplierExponent(m[2]) + multiplierExponent(m[4]);
    return { value: scaleDecimal(m[1]!, exponent), numeral: 'arabic', approx: !!m[3], multiplied: exponent > 0, percent: false };
  }
  // Half (一半) and a fraction written with a slash (1/10) are fractions, so percentages.
  if (text === '一半') return percentage(50);
  m = SLASH_FRACTION.exec(text);
  if (m) {
    const [numerator, denominator] = [Number(m[1]), Number(m[2])];
    return numerator > 0 && numerator < denominator ? percentage((100 * numerator) / denominator) : null;
  }
  m = PERCENT_OF.exec(text);
  if (m) {
    const v = parsePlain(m[1]!);
    return v === null ? null : percentage(v);
  }
  m = FRACTION.exec(text);
  if (m) {
    const denominator = parsePlain(m[1]!);
    const numerator = parsePlain(m[2]!);
    if (!denominator || numerator === null) return null;
    return percentage((100 * numerator) / denominator);
  }
  m = CHINESE.exec(text);
  if (m) {
    const v = parseChineseNumeral(m[1]!);
    if (v === null) return null;
    // A multiplier after 余 (一千二百余万) scales the whole.
    const value = m[3] ? scaleDecimal(String(v), multiplierExponent(m[3])) : v;
    return { value, numeral: 'chinese', approx: !!m[2], multiplied: /[万亿]/.test(m[1]!) || !!m[3], percent: false };
  }
  return null;
}

/** Applies the multiplier of a range's upper bound to its lower bound when only the upper has one (3至5万元). */
export function alignRange(lowText: string, low: Amount, high: Amount, highText: string): number {
  if (low.multiplied || !high.multiplied || low.numeral !== 'arabic') return low.value;
  const m = /(万亿|亿|万)(?:余|多)?$/u.exec(highText);
  if (!m) return low.value;
  return scaleDecimal(lowText.replace(/(余|多)$/u, ''), multiplierExponent(m[1]));
}
