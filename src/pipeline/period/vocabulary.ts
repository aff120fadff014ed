// The vocabulary of periods (patterns/vocabulary/periods.yaml, its shape in patterns/schema.ts)
// compiled into one regular expression whose named groups say what each match means.
import { trieSource } from '../../patterns/fragments.js';
import type { PeriodFile } from '../../patterns/schema.js';

/** What the words of a time say before they are resolved against a date. */
export type Head =
  | { kind: 'year'; from: number; to: number }
  | { kind: 'relative'; base: 'date' | 'force'; offset: number }
  | { kind: 'whole' }
  | { kind: 'vague' }
  | { kind: 'back'; years: number }
  | { kind: 'ahead'; years: number }
  | { kind: 'plan'; from: number; to: number };

export interface PeriodVocabulary {
  /** a time expression where lastIndex stands (sticky); its named groups are read by readMatch */
  expressionAt: RegExp;
  /** the characters one of which every expression holds, at most `reach` after its start */
  keys: RegExp;
  reach: number;
  months: Map<string, [number, number]>;
  /** parts of a year that stand only after a year (2025年底, not 底 alone) */
  afterYearOnly: Set<string>;
  relative: Map<string, { base: 'date' | 'force'; offset: number }>;
  back: Map<string, number>;
  ahead: Map<string, number>;
  plans: Map<string, [number, number]>;
  planLast: Set<string>;
  /** a time right after one of these is a basis (比上年) */
  basisBefore: RegExp;
  /** …or right after one of these (与上年相比) when one of comparedAfter follows it */
  comparedBefore: RegExp;
  comparedAfter: RegExp;
  /** a whole or relative year right before one of these is not a period (全年目标, 上年结转) */
  notPeriodBefore: RegExp;
  /** a day right before one of these is a dateline or a meeting's time (1月16日上午) */
  dayNotBefore: RegExp;
  titlesNotPeriod: RegExp;
  source: PeriodFile;
}

const alternation = (words: readonly string[]) => `(?:${trieSource([...words])})`;
const DASH = '(?:——|[—–\\-~～至到])';

/** Compiles a parsed periods file; throws an Error naming the field when a word list is unusable. */
export function compilePeriods(file: PeriodFile): PeriodVocabulary {
  const months = new Map<string, [number, number]>();
  const afterYearOnly = new Set<string>();
  for (const p of file.parts) {
    for (const w of p.words) months.set(w, p.months);
    for (const w of p.afterYearOnly ?? []) {
      if (!p.words.includes(w)) throw new Error(`parts: afterYearOnly word "${w}" is not one of its words`);
      afterYearOnly.add(w);
    }
  }
  const relative = new Map(file.relative.flatMap((r) => r.words.map((w) => [w, { base: r.from, offset: r.offset }] as const)));
  const back = new Map(file.lookingBack.flatMap((b) => b.words.map((w) => [w, b.years] as const)));
  const ahead = new Map(file.lookingAhead.flatMap((b) => b.words.map((w) => [w, b.years] as const)));
  const plans = new Map(file.plans.flatMap((p) => p.words.map((w) => [w, p.years] as const)));
  // An Arabic year or month never continues a longer number (12025年, 113月).
  const head =
    `(?<!\\d)(?<yearFrom>(?:19|20)\\d{2})${DASH}(?<yearTo>(?:19|20)\\d{2})年` +
    `|(?<!\\d)(?<year>(?:19|20)\\d{2})年度?` +
    `|(?<relative>${alternation([...relative.keys()])})` +
    `|(?<back>${alternation([...back.keys()])})` +
    `|(?<ahead>${alternation([...ahead.keys()])})` +
    `|(?<whole>${alternation(file.wholeYear)})` +
    `|(?<vague>${alternation(file.vague)})` +
    `|[“"]?(?<plan>${alternation([...plans.keys()])})[”"]?(?<planTime>${alternation([...file.planTimes.whole, ...file.planTimes.last])})`;
  // The groups of what may follow a head, or stand alone; named with `_` in the second branch,
  // since a name may be used once (readMatch reads them as one).
  const within = (n: string, words: string[]) =>
    `(?<part${n}>${alternation(words)})` +
    `|(?<!\\d)(?<monthFrom${n}>\\d{1,2})月?${DASH}(?<monthTo${n}>\\d{1,2})月份?` +
    // 10月1日至8日, 9月28日—10月5日: days of one month or two.
    `|(?<!\\d)(?<month${n}>\\d{1,2})月份?(?:(?<monthEnd${n}>底|末)|(?<day${n}>\\d{1,2})[日号](?:${DASH}(?:(?<dayMonthTo${n}>\\d{1,2})月)?(?<dayTo${n}>\\d{1,2})[日号])?)?`;
  // 到 marks a point only where a clause starts (到2030年), not after a verb (提高到2025年的55.1%).
  const upTo = file.upTo.filter((w) => w !== '到');
  const before = (n: string) => `(?<upTo${n}>${alternation(upTo)}${file.upTo.includes('到') ? '|(?<!\\p{Script=Han})到' : ''})?`;
  const after = (n: string) => `(?<sameTime${n}>${alternation(file.sameTime)})?(?:(?<since${n}>${alternation(file.since)})|(?<deadline${n}>${alternation(file.deadline)}))?`;
  const alone = [...months.keys()].filter((w) => !afterYearOnly.has(w));
  // Every expression starts with one of these: checked first, it spares trying each word at
  // every position of the text.
  const starts = new Set(['“', '"', ...'0123456789']);
  for (const w of [...upTo, '到', ...relative.keys(), ...back.keys(), ...ahead.keys(), ...file.wholeYear, ...file.vague, ...plans.keys(), ...alone]) starts.add([...w][0]!);
  // Never empty: a head with what may follow it, or a part of a year alone.
  const source =
    `(?=[${[...starts].map((c) => (/[\\\]^-]/.test(c) ? `\\${c}` : c)).join('')}])` +
    `(?:${before('')}(?:${head})(?:${within('', [...months.keys()])})?${after('')}` +
    `|${before('_')}(?:${within('_', alone)})${after('_')})`;
  // Every expression holds one of these, its first at most REACH characters after its start: the
  // characters of years, months and plans, and the first of a word that has none of them (今冬明春).
  // (A part that stands only after a year, 底 of 2027年底, has the year's 年.)
  let keys = '年月季期末';
  const REACH = 16;
  for (const w of [...relative.keys(), ...back.keys(), ...ahead.keys(), ...file.wholeYear, ...file.vague, ...alone, ...file.planTimes.whole, ...file.planTimes.last]) {
    if (![...w].some((c) => keys.includes(c))) keys += [...w][0]!;
  }
  return {
    expressionAt: new RegExp(source, 'uy'),
    keys: new RegExp(`[${keys.replace(/[\\\]^-]/g, '\\$&')}]`, 'gu'),
    reach: REACH,
    months,
    afterYearOnly,
    relative,
    back,
    ahead,
    plans,
    planLast: new Set(file.planTimes.last),
    basisBefore: new RegExp(`${alternation(file.basisBefore)}$`, 'u'),
    comparedBefore: new RegExp(`${alternation(file.comparedBefore)}$`, 'u'),
    comparedAfter: new RegExp(`^[^，,。；;]{0,4}?${alternation(file.comparedAfter)}`, 'u'),
    notPeriodBefore: new RegExp(`^${alternation(file.notPeriodBefore)}`, 'u'),
    dayNotBefore: new RegExp(`^${alternation(file.dayNotBefore)}`, 'u'),
    titlesNotPeriod: new RegExp(alternation(file.titlesNotPeriod), 'u'),
    source: file,
  };
}
