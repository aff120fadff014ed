// The figures of a sentence: each in its clause, with what the patterns made of it, and the
// figure rules that say a figure the patterns took is not an indicator after all.
import type { PatternLibrary } from '../../patterns/load.js';
import type { Clause, Sentence } from '../clauses.js';
import { matchFigure, type Figure } from '../match.js';
import type { Quantity } from '../quantities.js';
import { isWord } from '../segment.js';
import { endsWithVerb } from './phrase-after.js';
import type { Located } from './reading.js';
import { noteFired, type Rule } from './rule.js';
import type { Context } from './words.js';

const HAN_CHAR = /^\p{Script=Han}$/u;

/** The clause holding offset `at`, by binary search: a long sentence may have hundreds. */
export function clauseOf(sentence: Sentence, at: number): Clause | undefined {
  const clauses = sentence.clauses;
  let lo = 0;
  let hi = clauses.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = clauses[mid]!;
    if (at < c.start) hi = mid - 1;
    else if (at >= c.end) lo = mid + 1;
    else return c;
  }
  return undefined;
}

/**
 * Whether position `at` falls inside a dictionary word that ends there (行|为), not between words;
 * not when the character before ends a word of its own (公路|由, not 路由).
 */
function splitsWord(text: string, at: number): boolean {
  const before = text[at - 1];
  const first = text[at];
  if (!before || !first || !HAN_CHAR.test(before)) return false;
  if (at >= 2 && HAN_CHAR.test(text[at - 2]!) && isWord(text[at - 2]! + before)) return false;
  const after = text[at + 1];
  return isWord(before + first) && !(after && isWord(first + after));
}

export const totalsList: Rule<{ before: string; q: Quantity }> = {
  id: 'figure.totals-list',
  description: 'A count that only totals the list written right before it (江北、城南、河西3个新区) adds nothing the list did not say: not an indicator',
  decides: ['indicator'],
  examples: [
    {
      text: '辖区内有东港、西岭、北湖3个社区。',
      gives: [],
    },
    {
      text: '东港、西岭、北湖3个乡镇实现污水处理全覆盖。',
      gives: [],
    },
  ],
  counterexamples: [
    {
      text: '辖区内有东港、西岭等6个社区。',
      gives: [
        { metric: '社区', value: 6, unit: '个', text: '6个社区' },
      ],
    },
  ],
  apply({ before, q }) {
    // Three items or more, written with 、: 和 and 及 also stand inside words (和谐, 及时).
    if (!Number.isInteger(q.value) || q.value < 3 || q.value > 12 || q.unit === null || q.unit === '%') return false;
    const items = before.replace(/(?:等|共|这|此)$/u, '').split('、');
    return items.length === q.value && items.every((item) => item.length > 0 && item.length <= 12);
  },
};

export const noUnit: Rule<{ q: Quantity; figure: Figure }> = {
  id: 'figure.no-unit',
  description: 'A figure written with no unit, whose pattern assumes none, is not an indicator',
  decides: ['indicator'],
  examples: [{ text: '全区营商环境综合得分为92.5。', gives: [], withRulePatterns: true }],
  counterexamples: [
    {
      text: '全县结对帮扶1.2万困难群众。',
      gives: [
        { metric: '结对帮扶困难群众', value: 12000, unit: '人', text: '结对帮扶1.2万困难群众' },
      ],
    },
    {
      text: '南湾区群众可拨打12345热线反映诉求。',
      gives: [],
    },
  ],
  apply: ({ q, figure }) => !q.unit && !figure.pattern.assumeUnit,
};

export const timeListValue: Rule<{ ctx: Context; before: Located | undefined; q: Quantity; clause: Clause }> = {
  id: 'figure.time-list-value',
  description: 'A duration the patterns pass over as a time is one more value of the list before it, in the same unit (通关时间分别压缩至31.2小时和0.9小时)',
  decides: ['indicator'],
  examples: [
    {
      text: '全市整体通关时间分别压缩至31.2小时和0.9小时。',
      gives: [
        { metric: '通关时间', value: 31.2, unit: '小时', text: '通关时间分别压缩至31.2小时' },
        { metric: '通关时间', value: 0.9, unit: '小时', text: '压缩至31.2小时和0.9小时' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '通关时间压缩至31.2小时，用时缩短0.9小时。',
      gives: [
        { metric: '通关时间', value: 31.2, unit: '小时', text: '通关时间压缩至31.2小时' },
        { metric: '用时', value: 0.9, unit: '小时', direction: 'down', text: '用时缩短0.9小时' },
      ],
    },
  ],
  apply({ ctx, before, q, clause }) {
    return !!before?.figure && before.clause === clause && before.q.unit === q.unit && ctx.lex.listGap.has(ctx.text.slice(before.q.end, q.start));
  },
};

/** The figure of a value the patterns passed over, when it is one more value of the list before it. */
function valueOfList(ctx: Context, before: Located | undefined, q: Quantity, clause: Clause): Figure | null {
  if (!timeListValue.apply({ ctx, before, q, clause })) return null;
  noteFired(ctx, timeListValue);
  return { ...before!.figure!, quantity: q, cueStart: q.start, cueEnd: q.end };
}

/** Each figure of the sentence in its clause, tried against the patterns in order. */
export function locateFigures(library: PatternLibrary, ctx: Context, sentence: Sentence, quantities: Quantity[]): Located[] {
  const { text } = ctx;
  const located: Located[] = [];
  // Where the text that belongs to the next figure starts: its clause, or the last figure that counts.
  let regionFrom = sentence.start;
  let lastClause: Clause | undefined;
  for (const q of quantities) {
    const clause = clauseOf(sentence, q.start);
    if (!clause) continue;
    if (clause !== lastClause) {
      regionFrom = clause.start;
      lastClause = clause;
    }
    const from = regionFrom;
    const found = matchFigure(library, text, q, clause.start, clause.end, () => endsWithVerb(ctx, from, q.start), (at) => splitsWord(text, at));
    // A duration no pattern took, or one taken for a time, may be the next value of a list.
    let figure = !found || found.pattern.id === 'ignore.time' ? valueOfList(ctx, located[located.length - 1], q, clause) : found.kind === 'ignore' ? null : found;
    if (figure && totalsList.apply({ before: text.slice(from, q.start), q })) {
      noteFired(ctx, totalsList);
      figure = null;
    }
    if (figure) regionFrom = q.end;
    located.push({ q, clause, figure, from });
  }
  return located;
}
