// Qualifiers: over, nearly, about, under, from a word before the figure (超, 近, 约, 不到), 余 or
// 多 after its number, a word after its unit (以上, 左右), or the list the figure is a value of.
import type { Qualifier } from '../../contract.js';
import type { Quantity } from '../quantities.js';
import { clauseOf } from './figures.js';
import { decide, type Reading, type SentenceReading } from './reading.js';
import type { Rule } from './rule.js';
import type { Context } from './words.js';

/** The qualifier word that ends the text before `end`, if it is a whole word (超, not 签约). */
export function qualifierWordBefore(ctx: Context, from: number, end: number): string | null {
  const m = ctx.lex.qualifierBefore.exec(ctx.text.slice(Math.max(from, end - 6), end));
  if (!m) return null;
  const tokens = ctx.tokens(Math.max(from, end - 8), end);
  const last = tokens[tokens.length - 1];
  // 签约 ends with 约 but is a word of its own; 收入超 may be cut 收|入超, and still qualifies,
  // and so does a qualifier of several words (不|低于).
  const start = end - m[0].length;
  if (!last || !(last.word.endsWith(m[0]) || tokens.some((t) => t.start === start))) return null;
  return ctx.lex.qualifierFalseFriends.has(last.word) ? null : m[0];
}

/** One figure's own qualifier being decided. */
interface Own {
  ctx: Context;
  r: Reading;
  /** where the figure's clause starts */
  from: number;
  qualifier: Qualifier | null;
}

function qualified(o: Own, rule: Rule<Own>, qualifier: Qualifier | null, word: string): true {
  o.qualifier = qualifier;
  decide(o.ctx, o.r.rules, rule, 'qualifier', word);
  return true;
}

export const qualifierOfPattern: Rule<Own> = {
  id: 'qualifier.pattern',
  description: 'A qualifier word the pattern read away from the figure (接近全市总数的一半)',
  decides: ['qualifier'],
  examples: [
    {
      text: '城区公园数量接近全区总数的一半。',
      gives: [
        { metric: '城区公园数量占全区总数', value: 50, unit: '%', qualifier: 'nearly', text: '城区公园数量接近全区总数的一半' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '城区公园数量为全区总数的一半。',
      gives: [
        { metric: '城区公园数量占全区总数', value: 50, unit: '%', text: '城区公园数量为全区总数的一半' },
      ],
    },
  ],
  apply(o) {
    const word = o.r.figure.qualifier;
    return !!word && qualified(o, qualifierOfPattern, o.ctx.lex.qualifierWords.get(word) ?? null, word);
  },
};

export const qualifierBeforeFigure: Rule<Own> = {
  id: 'qualifier.word-before',
  description: 'A qualifier word right before the figure (超78%, 近15万人, 约3成, 不到1%), a whole word',
  decides: ['qualifier'],
  examples: [
    {
      text: '办理法律援助案件近2000件。',
      gives: [
        { metric: '办理法律援助案件', value: 2000, unit: '件', qualifier: 'nearly', text: '办理法律援助案件近2000件' },
      ],
    },
    {
      text: '市本级财政收入不到15亿元。',
      gives: [
        { metric: '财政收入', value: 1500000000, unit: '元', qualifier: 'under', text: '财政收入不到15亿元' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '审结案件2.3万件。',
      gives: [
        { metric: '审结案件', value: 23000, unit: '件', text: '审结案件2.3万件' },
      ],
    },
  ],
  apply(o) {
    const word = qualifierWordBefore(o.ctx, o.from, o.r.figure.quantity.start);
    return word !== null && qualified(o, qualifierBeforeFigure, o.ctx.lex.qualifierWords.get(word) ?? null, word);
  },
};

export const approximate: Rule<Own> = {
  id: 'qualifier.approx',
  description: '余 or 多 after the number is over (4.2万余路, 300多人)',
  decides: ['qualifier'],
  examples: [
    {
      text: '救助困难群众4.2万余人。',
      gives: [
        { metric: '救助困难群众', value: 42000, unit: '人', qualifier: 'over', text: '救助困难群众4.2万余人' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '救助困难群众4.2万人。',
      gives: [
        { metric: '救助困难群众', value: 42000, unit: '人', text: '救助困难群众4.2万人' },
      ],
    },
  ],
  apply(o) {
    return o.r.figure.quantity.approx && qualified(o, approximate, 'over', '余/多');
  },
};

export const qualifierAfterUnit: Rule<Own> = {
  id: 'qualifier.after',
  description: 'A qualifier word after the unit (5000人以上, 5%左右, 3%以内)',
  decides: ['qualifier'],
  examples: [
    {
      text: '培训农民工1.5万人次以上。',
      gives: [
        { metric: '培训农民工', value: 15000, unit: '人次', qualifier: 'over', text: '培训农民工1.5万人次以上' },
      ],
    },
    {
      text: '全区森林覆盖率为62%左右。',
      gives: [
        { metric: '森林覆盖率', value: 62, unit: '%', qualifier: 'about', text: '森林覆盖率为62%左右' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '参保人数约为98万人。',
      gives: [
        { metric: '参保人数', value: 980000, unit: '人', qualifier: 'about', text: '参保人数约为98万人' },
      ],
    },
  ],
  apply(o) {
    const q: Quantity = o.r.figure.quantity;
    return !!q.post && qualified(o, qualifierAfterUnit, o.ctx.lex.qualifierWords.get(q.post) ?? null, q.post);
  },
};

export const unqualified: Rule<Own> = {
  id: 'qualifier.none',
  description: 'A figure with no qualifier word is exact',
  decides: ['qualifier'],
  examples: [
    {
      text: '市级财政收入同比增长4%。',
      gives: [
        { metric: '市级财政收入', value: 4, unit: '%', direction: 'up', basis: 'yoy', text: '市级财政收入同比增长4%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市新增就业约1.2万人。',
      gives: [
        { metric: '新增就业', value: 12000, unit: '人', qualifier: 'about', text: '新增就业约1.2万人' },
      ],
    },
  ],
  apply(o) {
    return qualified(o, unqualified, null, '');
  },
};

/** A figure's own qualifier: the first of these that applies. */
export const OWN_QUALIFIER_RULES: readonly Rule<Own>[] = [qualifierOfPattern, qualifierBeforeFigure, approximate, qualifierAfterUnit, unqualified];

/** The values of one list: the readings [a, b) of a sentence. */
interface ListOf {
  ctx: Context;
  readings: Reading[];
  a: number;
  b: number;
}

function cover(l: ListOf, rule: Rule<ListOf>, from: number, to: number, qualifier: Qualifier): true {
  for (let k = from; k < to; k++) {
    const r = l.readings[k]!;
    if (r.qualifier != null) continue;
    r.qualifier = qualifier;
    decide(l.ctx, r.rules, rule, 'qualifier');
  }
  return true;
}

export const listLast: Rule<ListOf> = {
  id: 'qualifier.list-last',
  description: 'A qualifier written after the last value of a list covers every value (分别增长5%、6.5%左右: both about)',
  decides: ['qualifier'],
  examples: [
    {
      text: '两项指标分别增长3%、4.5%以上。',
      gives: [
        { metric: '指标', value: 3, unit: '%', direction: 'up', qualifier: 'over', text: '指标分别增长3%' },
        { metric: '指标', value: 4.5, unit: '%', direction: 'up', qualifier: 'over', text: '分别增长3%、4.5%以上' },
      ],
    },
    {
      text: '两类案件结案率分别为96%和98%以上。',
      gives: [
        { metric: '案件结案率', value: 96, unit: '%', qualifier: 'over', text: '案件结案率分别为96%' },
        { metric: '案件结案率', value: 98, unit: '%', qualifier: 'over', text: '分别为96%和98%以上' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '两项指标分别增长3%、4.5%。',
      gives: [
        { metric: '指标', value: 3, unit: '%', direction: 'up', text: '指标分别增长3%' },
        { metric: '指标', value: 4.5, unit: '%', direction: 'up', text: '分别增长3%、4.5%' },
      ],
    },
  ],
  apply(l) {
    const last = l.readings[l.b - 1]!;
    return l.b - l.a > 1 && !!last.qualifier && last.figure.quantity.post !== null && cover(l, listLast, l.a, l.b - 1, last.qualifier);
  },
};

export const listFirst: Rule<ListOf> = {
  id: 'qualifier.list-first',
  description: 'A qualifier written before the first value of a list covers every value (分别超98.5%和99%)',
  decides: ['qualifier'],
  examples: [
    {
      text: '两类案件结案率分别超96%和98%。',
      gives: [
        { metric: '案件结案率', value: 96, unit: '%', qualifier: 'over', text: '案件结案率分别超96%' },
        { metric: '案件结案率', value: 98, unit: '%', qualifier: 'over', text: '96%和98%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '两类案件结案率分别为96%和98%。',
      gives: [
        { metric: '案件结案率', value: 96, unit: '%', text: '案件结案率分别为96%' },
        { metric: '案件结案率', value: 98, unit: '%', text: '分别为96%和98%' },
      ],
    },
  ],
  apply(l) {
    const first = l.readings[l.a]!;
    const q = first.figure.quantity;
    return l.b - l.a > 1 && !!first.qualifier && !q.post && !q.approx && cover(l, listFirst, l.a + 1, l.b, first.qualifier);
  },
};

/** Each reading's qualifier: its own, then the one its list shares. */
export function decideQualifiers(s: SentenceReading): void {
  const { ctx, readings, sentence } = s;
  for (const r of readings) {
    const own: Own = { ctx, r, from: clauseOf(sentence, r.figure.quantity.start)?.start ?? sentence.start, qualifier: null };
    for (const rule of OWN_QUALIFIER_RULES) if (rule.apply(own)) break;
    r.qualifier = own.qualifier;
  }
  for (let a = 0; a < readings.length; ) {
    let b = a + 1;
    const head = readings[a]!;
    // The values of one list: members of one phrase, or values carried one after another.
    const sameList = (r: Reading) => r.figure.cueStart === head.figure.cueStart && ((r.members === head.members && r.members !== undefined) || r.position !== undefined);
    while (b < readings.length && sameList(readings[b]!)) b++;
    const list: ListOf = { ctx, readings, a, b };
    listLast.apply(list);
    listFirst.apply(list);
    a = b;
  }
}
