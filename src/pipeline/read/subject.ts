// The subject: the place or body a figure belongs to when its sentence names it (全市, 全省,
// 城北公安分局), looked for before the metric, at the sentence's opening, or carried on.
import type { Sentence } from '../clauses.js';
import { clauseOf } from './figures.js';
import { decide, type Reading, type SentenceReading } from './reading.js';
import type { Rule } from './rule.js';
import type { Context } from './words.js';

/** How far before a figure, and into its sentence's opening, a subject is looked for. */
const SUBJECT_WINDOW = 40;

/** The subject named before a figure: the last place or body word (全市, 西宁市, 城北公安分局). */
export function subjectIn(ctx: Context, from: number, to: number): string | null {
  if (to <= from) return null;
  const stretch = ctx.text.slice(from, to);
  if (!ctx.lex.subjectEnd.test(stretch)) return null;
  let found: string | null = null;
  for (const m of stretch.matchAll(ctx.lex.subjectWords)) found = ctx.display(from + m.index, from + m.index + m[0].length);
  return found;
}

interface Subjecting {
  ctx: Context;
  sentence: Sentence;
  r: Reading;
  /** the subject of the sentence's figure before */
  carried: string | null;
  subject: string | null;
}

function found(o: Subjecting, rule: Rule<Subjecting>, subject: string | null | undefined): boolean {
  if (subject == null) return false;
  o.subject = subject;
  decide(o.ctx, o.r.rules, rule, 'subject');
  return true;
}

/** Where the figure's metric starts, or its cue when it has none of its own. */
const metricStart = (r: Reading) => r.metricStart ?? r.figure.cueStart;

export const subjectOfPattern: Rule<Subjecting> = {
  id: 'subject.pattern',
  description: 'A benchmark the pattern read is the subject of its own figure (低于全国（0.25%）: 全国)',
  decides: ['subject'],
  examples: [
    {
      text: '诈骗案件发案率为0.12%，低于全国（0.3%）。',
      gives: [
        { metric: '诈骗案件发案率', value: 0.12, unit: '%', subject: null, text: '诈骗案件发案率为0.12%' },
        { metric: '诈骗案件发案率', value: 0.3, unit: '%', subject: '全国', text: '全国（0.3%）' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '诈骗案件发案率为0.12%，低于全国0.18个百分点。',
      gives: [
        { metric: '诈骗案件发案率', value: 0.12, unit: '%', subject: null, text: '诈骗案件发案率为0.12%' },
        { metric: '诈骗案件发案率', value: 0.18, unit: '百分点', direction: 'down', basis: '全国', subject: null, text: '低于全国0.18个百分点' },
      ],
    },
  ],
  apply: (o) => found(o, subjectOfPattern, o.r.figure.subject),
};

export const subjectOfPhrase: Rule<Subjecting> = {
  id: 'subject.phrase-edge',
  description: 'A place the metric phrase began with is its subject (江屿市第一产业增加值: 江屿市)',
  decides: ['subject'],
  examples: [
    {
      text: '全区森林蓄积量达到860万立方米。',
      gives: [
        { metric: '森林蓄积量', value: 8600000, unit: '立方米', subject: '全区', text: '森林蓄积量达到860万立方米' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '南湾区破获电诈案件86起。',
      gives: [
        { metric: '破获电诈案件', value: 86, unit: '起', subject: '南湾区', text: '破获电诈案件86起' },
      ],
    },
  ],
  apply: (o) => found(o, subjectOfPhrase, o.r.place),
};

export const subjectBefore: Rule<Subjecting> = {
  id: 'subject.before',
  description: 'The last place or body named in the clause before the metric (全县交通事故死亡人数: 全县)',
  decides: ['subject'],
  examples: [
    {
      text: '北岭县新建农村公路80公里。',
      gives: [
        { metric: '新建农村公路', value: 80, unit: '公里', subject: '北岭县', text: '新建农村公路80公里' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全年新建农村公路80公里。',
      gives: [
        { metric: '新建农村公路', value: 80, unit: '公里', subject: null, text: '新建农村公路80公里' },
      ],
    },
  ],
  apply(o) {
    const clause = clauseOf(o.sentence, o.r.figure.quantity.start);
    const end = metricStart(o.r);
    return found(o, subjectBefore, subjectIn(o.ctx, Math.max(clause?.start ?? o.sentence.start, end - SUBJECT_WINDOW), end));
  },
};

export const subjectOpening: Rule<Subjecting> = {
  id: 'subject.sentence-opening',
  description: 'A place or body named at the opening of the sentence (全市各级公安机关…，破获…: 全市)',
  decides: ['subject'],
  examples: [
    {
      text: '全市各级法院审结案件2.3万件，执结案件1.1万件。',
      gives: [
        { metric: '审结案件', value: 23000, unit: '件', subject: '全市', text: '审结案件2.3万件' },
        { metric: '执结案件', value: 11000, unit: '件', subject: '全市', text: '执结案件1.1万件' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '今年以来，破获电诈案件86起，抓获嫌疑人120名。',
      gives: [
        { metric: '破获电诈案件', value: 86, unit: '起', subject: null, text: '破获电诈案件86起' },
        { metric: '抓获嫌疑人', value: 120, unit: '名', subject: null, text: '抓获嫌疑人120名' },
      ],
    },
  ],
  apply(o) {
    const opening = o.sentence.clauses[0]!;
    if (clauseOf(o.sentence, o.r.figure.quantity.start) === opening) return false;
    return found(o, subjectOpening, subjectIn(o.ctx, opening.start, Math.min(opening.end, opening.start + SUBJECT_WINDOW, metricStart(o.r))));
  },
};

export const subjectCarried: Rule<Subjecting> = {
  id: 'subject.carried',
  description: 'The subject of the figure before in the sentence goes on',
  decides: ['subject'],
  examples: [
    {
      text: '今年以来，南湾区破获电诈案件86起，抓获嫌疑人120名。',
      gives: [
        { metric: '破获电诈案件', value: 86, unit: '起', subject: '南湾区', text: '破获电诈案件86起' },
        { metric: '抓获嫌疑人', value: 120, unit: '名', subject: '南湾区', text: '抓获嫌疑人120名' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '南湾区破获电诈案件86起。北岭县抓获嫌疑人120名。',
      gives: [
        { metric: '破获电诈案件', value: 86, unit: '起', subject: '南湾区', text: '破获电诈案件86起' },
        { metric: '抓获嫌疑人', value: 120, unit: '名', subject: '北岭县', text: '抓获嫌疑人120名' },
      ],
    },
  ],
  apply: (o) => found(o, subjectCarried, o.carried),
};

export const noSubject: Rule<Subjecting> = {
  id: 'subject.none',
  description: 'A sentence that names no place or body gives no subject',
  decides: ['subject'],
  examples: [
    {
      text: '当年新建城市书房14座。',
      gives: [
        { metric: '新建城市书房', value: 14, unit: '座', subject: null, text: '新建城市书房14座' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县新建城市书房14座。',
      gives: [
        { metric: '新建城市书房', value: 14, unit: '座', subject: '全县', text: '新建城市书房14座' },
      ],
    },
  ],
  apply(o) {
    decide(o.ctx, o.r.rules, noSubject, 'subject');
    return true;
  },
};

export const SUBJECT_RULES: readonly Rule<Subjecting>[] = [subjectOfPattern, subjectOfPhrase, subjectBefore, subjectOpening, subjectCarried, noSubject];

export function decideSubjects(s: SentenceReading): void {
  let carried: string | null = null;
  for (const r of s.readings) {
    const o: Subjecting = { ctx: s.ctx, sentence: s.sentence, r, carried, subject: null };
    for (const rule of SUBJECT_RULES) if (rule.apply(o)) break;
    r.subject = carried = o.subject;
  }
}
