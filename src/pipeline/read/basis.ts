// What a change is measured against: the words the pattern read (同比, 环比, 全国平均水平), or,
// for a change that writes none, the basis of the change before it or of a clause of comparison.
import type { Sentence } from '../clauses.js';
import type { Lexicon } from '../lexicon.js';
import { decide, type Draft } from './reading.js';
import type { Rule } from './rule.js';

export const basisCue: Rule<Draft> = {
  id: 'basis.cue',
  description: 'The words of comparison the pattern read give the basis (同比 yoy, 环比 pop, 全国平均水平 as written)',
  decides: ['basis'],
  examples: [
    {
      text: '市场主体同比增长8%，个体工商户增长6%。',
      gives: [
        { metric: '市场主体', value: 8, unit: '%', direction: 'up', basis: 'yoy', text: '市场主体同比增长8%' },
        { metric: '个体工商户', value: 6, unit: '%', direction: 'up', text: '个体工商户增长6%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '出口增长8%、进口下降2%。',
      gives: [
        { metric: '出口', value: 8, unit: '%', direction: 'up', text: '出口增长8%' },
        { metric: '进口', value: 2, unit: '%', direction: 'down', text: '进口下降2%' },
      ],
    },
  ],
  apply(d) {
    if (d.figure.basis === null) return false;
    decide(d.s.ctx, d.rules, basisCue, 'basis', d.figure.words.basis);
    return true;
  },
};

export const basisNone: Rule<Draft> = {
  id: 'basis.none',
  description: 'A figure that writes no comparison has no basis, even in an annual report (增长5.5%)',
  decides: ['basis'],
  examples: [
    {
      text: '城镇居民收入同比增长5%，农村居民收入增长7%。',
      gives: [
        { metric: '城镇居民收入', value: 5, unit: '%', direction: 'up', basis: 'yoy', text: '城镇居民收入同比增长5%' },
        { metric: '农村居民收入', value: 7, unit: '%', direction: 'up', text: '农村居民收入增长7%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '居民消费价格同比上涨0.6%。',
      gives: [
        { metric: '居民消费价格', value: 0.6, unit: '%', direction: 'up', basis: 'yoy', text: '居民消费价格同比上涨0.6%' },
      ],
    },
  ],
  apply(d) {
    decide(d.s.ctx, d.rules, basisNone, 'basis');
    return true;
  },
};

/** Where a figure's basis starts from: what its pattern read. */
export const BASIS_RULES: readonly Rule<Draft>[] = [basisCue, basisNone];

/** The change before this one, when it has a basis to lend. */
function lendingChange(d: Draft) {
  const previous = d.s.previous;
  return previous && previous.reading.direction !== null && previous.reading.basis ? previous : null;
}

function listedWithPrior(d: Draft): boolean {
  const prior = lendingChange(d);
  return prior !== null && prior.clause === d.clause && /^(?:和|、|及|与)?$/u.test(d.s.ctx.text.slice(prior.reading.figure.quantity.end, d.figure.cueStart));
}

const OTHER_MEASURE = /按.{0,4}价|扣除价格因素|实际|名义|同口径|可比/u;

function basisFrom(d: Draft, rule: Rule<Draft>, basis: string): true {
  d.basis = basis;
  decide(d.s.ctx, d.rules, rule, 'basis');
  return true;
}

export const basisListedWith: Rule<Draft> = {
  id: 'basis.listed-with',
  description: 'A change listed with the change before it takes its basis (同比分别下降3%和上升2%)',
  decides: ['basis'],
  examples: [
    {
      text: '道路交通事故起数、受伤人数分别同比下降4.2%和上升1.6%。',
      gives: [
        { metric: '道路交通事故起数', value: 4.2, unit: '%', direction: 'down', basis: 'yoy', text: '道路交通事故起数、受伤人数分别同比下降4.2%' },
        { metric: '受伤人数', value: 1.6, unit: '%', direction: 'up', basis: 'yoy', text: '上升1.6%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '道路交通事故起数同比下降4.2%，受伤人数上升1.6%。',
      gives: [
        { metric: '道路交通事故起数', value: 4.2, unit: '%', direction: 'down', basis: 'yoy', text: '道路交通事故起数同比下降4.2%' },
        { metric: '受伤人数', value: 1.6, unit: '%', direction: 'up', text: '受伤人数上升1.6%' },
      ],
    },
  ],
  apply(d) {
    return listedWithPrior(d) && basisFrom(d, basisListedWith, lendingChange(d)!.reading.basis!);
  },
};

export const basisCarried: Rule<Draft> = {
  id: 'basis.carried',
  description: 'A change that names no metric of its own goes on with the basis of the change before it (较去年同期减少415起，下降9.7%)',
  decides: ['basis'],
  examples: [
    {
      text: '全县道路交通事故较上年减少36起，下降12.5%。',
      gives: [
        { metric: '道路交通事故', value: 36, unit: '起', direction: 'down', basis: 'yoy', text: '道路交通事故较上年减少36起' },
        { metric: '道路交通事故', value: 12.5, unit: '%', direction: 'down', basis: 'yoy', text: '下降12.5%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县火灾起数较上年减少14起，亡人数下降20%。',
      gives: [
        { metric: '火灾起数', value: 14, unit: '起', direction: 'down', basis: 'yoy', text: '火灾起数较上年减少14起' },
        { metric: '亡人数', value: 20, unit: '%', direction: 'down', text: '亡人数下降20%' },
      ],
    },
  ],
  apply(d) {
    const prior = lendingChange(d);
    // Measured another way (按可比价格下降2.6%, 扣除价格因素实际增长5.1%), it says against what no more than a bare change.
    if (prior === null || d.phrase?.text || OTHER_MEASURE.test(d.s.ctx.text.slice(d.from, d.figure.cueStart))) return false;
    return basisFrom(d, basisCarried, prior.reading.basis!);
  },
};

export const basisOfClause: Rule<Draft> = {
  id: 'basis.comparison-clause',
  description: 'A clause that only says against what the sentence’s changes are measured (与去年同期相比，…) gives the changes after it their basis',
  decides: ['basis'],
  examples: [
    {
      text: '与上年同期相比，接报警情下降8%，刑事案件下降11%。',
      gives: [
        { metric: '接报警情', value: 8, unit: '%', direction: 'down', basis: 'yoy', text: '接报警情下降8%' },
        { metric: '刑事案件', value: 11, unit: '%', direction: 'down', basis: 'yoy', text: '刑事案件下降11%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '接报警情下降8%，刑事案件下降11%，与上年同期相比。',
      gives: [
        { metric: '接报警情', value: 8, unit: '%', direction: 'down', text: '接报警情下降8%' },
        { metric: '刑事案件', value: 11, unit: '%', direction: 'down', text: '刑事案件下降11%' },
      ],
    },
  ],
  apply(d) {
    const comparison = d.s.comparison;
    return comparison !== null && comparison.end <= d.figure.cueStart && basisFrom(d, basisOfClause, comparison.basis);
  },
};

/** For a change with no basis written: the first of these that applies gives one. */
export const BASIS_CARRY_RULES: readonly Rule<Draft>[] = [basisListedWith, basisCarried, basisOfClause];

/** The first clause of a sentence that only says what its changes are measured against (与上年相比, 与前五年相比). */
export function comparisonIn(text: string, sentence: Sentence, lex: Lexicon): { basis: string; end: number } | null {
  for (const c of sentence.clauses) {
    // Such a clause is short: 与上年同期相比 and its punctuation.
    if (c.end - c.start > 12) continue;
    const m = lex.comparisonClause.exec(text.slice(c.start, c.end).replace(/[\s，,；;：:]/gu, ''));
    if (m) return { basis: m.groups!.yoy !== undefined ? 'yoy' : m.groups!.pop !== undefined ? 'pop' : m.groups!.benchmark!, end: c.end };
  }
  return null;
}
