// Lists and their members: values of one list (分别增长9.7%、15.3%), a phrase that names several
// members (A、B和C增加值), one figure for each member (A和B均…), and 分别 naming earlier figures.
import type { Lexicon } from '../lexicon.js';
import type { Figure } from '../match.js';
import type { Quantity } from '../quantities.js';
import { decide, type Draft, type Located, type Reading } from './reading.js';
import type { Rule } from './rule.js';
import { HAN, wordsOf } from './words.js';

/** The reading before, when it stands in this figure's clause, and the text between the two. */
function previousInClause(d: Draft, to: number): { prior: Reading; gap: string } | null {
  const previous = d.s.previous;
  if (!previous || previous.clause !== d.clause) return null;
  return { prior: previous.reading, gap: d.s.ctx.text.slice(previous.reading.figure.quantity.end, to) };
}

export const nextValue: Rule<Draft> = {
  id: 'list.next-value',
  description: 'One more value of a list (分别增长9.7%、15.3%): the metric (or the next member), direction, basis and pattern of the value before it',
  decides: ['metric', 'direction', 'basis'],
  examples: [
    {
      text: '全市规模以上工业增加值、高技术制造业增加值分别增长7.2%、11.5%。',
      gives: [
        { metric: '规模以上工业增加值', value: 7.2, unit: '%', direction: 'up', text: '规模以上工业增加值、高技术制造业增加值分别增长7.2%' },
        { metric: '高技术制造业增加值', value: 11.5, unit: '%', direction: 'up', text: '分别增长7.2%、11.5%' },
      ],
    },
    {
      text: '接报电诈警情同比下降12%和8%。',
      gives: [
        { metric: '接报电诈警情', value: 12, unit: '%', direction: 'down', basis: 'yoy', text: '接报电诈警情同比下降12%' },
        { metric: '接报电诈警情', value: 8, unit: '%', direction: 'down', basis: 'yoy', text: '同比下降12%和8%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市规模以上工业增加值增长7.2%，高技术制造业增加值增长11.5%。',
      gives: [
        { metric: '规模以上工业增加值', value: 7.2, unit: '%', direction: 'up', text: '规模以上工业增加值增长7.2%' },
        { metric: '高技术制造业增加值', value: 11.5, unit: '%', direction: 'up', text: '高技术制造业增加值增长11.5%' },
      ],
    },
  ],
  apply(d) {
    const before = previousInClause(d, d.q.start);
    // A value with words of its own before it (…、下降3%) is no plain value of the list.
    if (!before || !d.s.ctx.lex.listGap.has(before.gap) || (d.figure.pattern.before !== undefined && d.figure.cueStart < d.q.start)) return false;
    const { prior } = before;
    const index = (prior.position ?? 0) + 1;
    d.figure = { ...d.figure, pattern: prior.figure.pattern, kind: prior.figure.kind, cueStart: prior.figure.cueStart };
    d.rules = { pattern: [prior.figure.pattern.id] };
    d.name = prior.members?.[index] ?? prior.metric;
    d.members = prior.members;
    d.position = index;
    d.direction = prior.direction;
    d.basis = prior.basis;
    d.phrase = null;
    for (const field of ['metric', 'direction', 'basis'] as const) decide(d.s.ctx, d.rules, nextValue, field, field === 'metric' && prior.members ? `#${index + 1}` : undefined);
    return true;
  },
};

export const memberWithVerb: Rule<Draft> = {
  id: 'list.member-with-verb',
  description: 'The next member of a list whose values each have their verb (分别下降3.9%和上升2.1%)',
  decides: ['metric'],
  examples: [
    {
      text: '刑事案件立案数、发案数分别同比下降3.9%和上升2.1%。',
      gives: [
        { metric: '刑事案件立案数', value: 3.9, unit: '%', direction: 'down', basis: 'yoy', text: '刑事案件立案数、发案数分别同比下降3.9%' },
        { metric: '发案数', value: 2.1, unit: '%', direction: 'up', basis: 'yoy', text: '上升2.1%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '刑事案件立案数同比下降3.9%，发案数上升2.1%。',
      gives: [
        { metric: '刑事案件立案数', value: 3.9, unit: '%', direction: 'down', basis: 'yoy', text: '刑事案件立案数同比下降3.9%' },
        { metric: '刑事案件发案数', value: 2.1, unit: '%', direction: 'up', text: '发案数上升2.1%' },
      ],
    },
  ],
  apply(d) {
    const before = previousInClause(d, d.figure.cueStart);
    if (!before || !before.prior.members || d.figure.kind !== 'change' || !d.s.ctx.lex.listGap.has(before.gap)) return false;
    const { prior } = before;
    const position = (prior.position ?? 0) + 1;
    if (!prior.members![position]) return false;
    d.position = position;
    d.members = prior.members;
    d.name = prior.members![position]!;
    decide(d.s.ctx, d.rules, memberWithVerb, 'metric', `#${position + 1}`);
    return true;
  },
};

/**
 * The figures of earlier clauses that a list of `count` values after 分别 refers to, in order
 * (查处案件120起，拘留45人，同比分别增长5%和3%): the last `count` readings, each a metric of its
 * own and not a value of a list.
 */
export function referredFigures(d: Draft): Reading[] | null {
  const { readings, ctx } = d.s;
  if (d.phrase?.text || !ctx.lex.respectively.test(ctx.text.slice(d.from, d.q.start))) return null;
  const count = d.values;
  if (count < 2 || readings.length < count) return null;
  const referred = readings.slice(-count);
  if (referred.some((r) => r.position || r.members || r.figure.quantity.end > d.clause.start)) return null;
  return new Set(referred.map((r) => r.metric)).size === count ? referred : null;
}

export const respectivelyEarlier: Rule<Draft> = {
  id: 'list.respectively-earlier',
  description: '分别 with no metric of its own names the figures of the clauses before it, in order (拘留45人，同比分别增长5%和3%)',
  decides: ['metric'],
  examples: [
    {
      text: '全年查处案件120起，拘留45人，同比分别增长5%和3%。',
      gives: [
        { metric: '查处案件', value: 120, unit: '起', text: '查处案件120起' },
        { metric: '拘留', value: 45, unit: '人', text: '拘留45人' },
        { metric: '查处案件', value: 5, unit: '%', direction: 'up', basis: 'yoy', text: '同比分别增长5%' },
        { metric: '拘留', value: 3, unit: '%', direction: 'up', basis: 'yoy', text: '同比分别增长5%和3%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全年接报警情3.2万起，同比分别下降5%和3%。',
      gives: [
        { metric: '接报警情', value: 32000, unit: '起', text: '接报警情3.2万起' },
        { metric: '接报警情', value: 5, unit: '%', direction: 'down', basis: 'yoy', text: '同比分别下降5%' },
        { metric: '接报警情', value: 3, unit: '%', direction: 'down', basis: 'yoy', text: '同比分别下降5%和3%' },
      ],
    },
  ],
  apply(d) {
    if (!d.referred) return false;
    d.members = d.referred.map((r) => r.metric);
    d.name = d.members[0]!;
    decide(d.s.ctx, d.rules, respectivelyEarlier, 'metric', '#1');
    return true;
  },
};

/** Splits the draft's name into the list's members, when `split` gives them. */
function splitInto(d: Draft, rule: Rule<Draft>, split: string[] | null): boolean {
  if (!split) return false;
  d.members = split;
  d.name = split[0]!;
  decide(d.s.ctx, d.rules, rule, 'metric', '#1');
  return true;
}

const JOINED = /、|和|及|与/u;

export const member: Rule<Draft> = {
  id: 'list.member',
  description: 'A phrase naming several members before a list of as many values (A、B增加值分别增长9.5%、10.7%) gives the first value to the first member, with the head the last member writes out',
  decides: ['metric'],
  examples: [
    {
      text: '工业和建筑业增加值分别增长6%、4%。',
      gives: [
        { metric: '工业增加值', value: 6, unit: '%', direction: 'up', text: '工业和建筑业增加值分别增长6%' },
        { metric: '建筑业增加值', value: 4, unit: '%', direction: 'up', text: '分别增长6%、4%' },
      ],
    },
    {
      text: '粮食和油料产量增长2%和4%。',
      gives: [
        { metric: '粮食产量', value: 2, unit: '%', direction: 'up', text: '粮食和油料产量增长2%' },
        { metric: '油料产量', value: 4, unit: '%', direction: 'up', text: '增长2%和4%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '进口和出口均增长8%。',
      gives: [
        { metric: '进口', value: 8, unit: '%', direction: 'up', text: '进口和出口均增长8%' },
        { metric: '出口', value: 8, unit: '%', direction: 'up', text: '进口和出口均增长8%' },
      ],
    },
  ],
  apply(d) {
    if (d.values <= 1 || !(d.respective || JOINED.test(d.name))) return false;
    return splitInto(d, member, listMembers(d, d.name, d.values));
  },
};

export const eachMember: Rule<Draft> = {
  id: 'list.each-member',
  description: 'One figure for every member named (旅游人次和花费均增长20%; A、B各20家): one indicator for each, on the same span',
  decides: ['metric'],
  examples: [
    {
      text: '旅游人次和旅游收入均增长20%以上。',
      gives: [
        { metric: '旅游人次', value: 20, unit: '%', direction: 'up', qualifier: 'over', text: '旅游人次和旅游收入均增长20%以上' },
        { metric: '旅游收入', value: 20, unit: '%', direction: 'up', qualifier: 'over', text: '旅游人次和旅游收入均增长20%以上' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '农业和服务业增加值分别增长3.5%、7.1%。',
      gives: [
        { metric: '农业增加值', value: 3.5, unit: '%', direction: 'up', text: '农业和服务业增加值分别增长3.5%' },
        { metric: '服务业增加值', value: 7.1, unit: '%', direction: 'up', text: '分别增长3.5%、7.1%' },
      ],
    },
  ],
  apply(d) {
    if (d.values > 1 || !d.respective) return false;
    return (d.eachMember = splitInto(d, eachMember, listMembers(d, d.name, 'all')));
  },
};

export const urbanRural: Rule<{ phrase: string; count: number | 'all' }> = {
  id: 'list.urban-rural',
  description: '城乡 before two values names two members: 城乡居民收入分别增长5%、7% is 城镇居民收入 and 农村居民收入',
  decides: ['metric'],
  examples: [
    {
      text: '城乡居民人均可支配收入分别增长5.2%、6.8%。',
      gives: [
        { metric: '城镇居民人均可支配收入', value: 5.2, unit: '%', direction: 'up', text: '城乡居民人均可支配收入分别增长5.2%' },
        { metric: '农村居民人均可支配收入', value: 6.8, unit: '%', direction: 'up', text: '分别增长5.2%、6.8%' },
      ],
    },
    {
      text: '城乡低保标准分别提高到每月780元、650元。',
      gives: [
        { metric: '城镇低保标准', value: 780, unit: '元', text: '城乡低保标准分别提高到每月780元' },
        { metric: '农村低保标准', value: 650, unit: '元', text: '分别提高到每月780元、650元' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '城乡居民医保参保率达到97%。',
      gives: [
        { metric: '城乡居民医保参保率', value: 97, unit: '%', text: '城乡居民医保参保率达到97%' },
      ],
    },
  ],
  apply({ phrase, count }) {
    return count === 2 && phrase.startsWith('城乡') && phrase.length > 2 && !JOINED.test(phrase);
  },
};

/**
 * The head a list member shares with the last member, which alone writes it out: the longest
 * of what follows the character the member ends with (经开区、高新区规模以上工业产值 ->
 * 规模以上工业产值; 国家级、部级创新平台 -> 创新平台) and, when the last member ends in a
 * measure, that measure or its final word (侵财案件破案率 -> 破案率, 初中入学率 -> 入学率). A
 * head starts where a word starts.
 */
function sharedHead(item: string, lastWords: string[], lex: Lexicon): string {
  // A member that ends in a measure of its own (事故起数和死亡人数) shares nothing.
  if (lex.measureHeads.some((h) => item.endsWith(h)) || /[数率量额值]$/u.test(item)) return '';
  const last = lastWords.join('');
  const starts = new Set<number>();
  let at = 0;
  for (const w of lastWords) {
    starts.add(at);
    at += w.length;
  }
  // The last word counts as a measure (入学率), or after a bare modifier (刑事、治安案件), not as
  // a thing a whole member names (示范社区、示范村).
  const measure = lex.measureHeads.find((h) => last.endsWith(h) && last.length > h.length);
  const candidates = measure || [...item].length <= 2 ? [measure ?? '', lastWords[lastWords.length - 1] ?? ''] : [];
  const tail = item[item.length - 1]!;
  for (let i = last.indexOf(tail); i >= 0 && i < last.length - 1; i = last.indexOf(tail, i + 1)) candidates.push(last.slice(i + 1));
  // …or what follows a modifier as long as this member, when that is a short word or starts as
  // this member does (生猪、家禽|年出栏量; 涉诈、涉毒|警情; not 国际友城、外国驻穗|总领馆), and the
  // rest is a word that does not repeat the member's end (not 命案、侵财|案件破案率) nor opens a quote.
  const rest = last.slice(item.length);
  if ((item.length <= 2 || (item.length <= 4 && last.startsWith(item[0]!))) && rest && !rest.startsWith(tail) && HAN.test(rest[0]!)) candidates.push(rest);
  let head = '';
  for (const c of candidates) if (c.length > head.length && c.length < last.length && starts.has(last.length - c.length)) head = c;
  return head;
}

/**
 * Splits the noun phrase of a list (A、B和C增加值) into `count` members, or into all of its
 * members (A和B均…), each with the head that only the last one writes out. Null when the
 * phrase does not split that way.
 */
function listMembers(d: Draft, phrase: string, count: number | 'all'): string[] | null {
  if (urbanRural.apply({ phrase, count })) {
    decide(d.s.ctx, d.rules, urbanRural, 'metric');
    return [`城镇${phrase.slice(2)}`, `农村${phrase.slice(2)}`];
  }
  let parts = phrase.split('、');
  if (count === 'all' || parts.length < count) {
    const last = parts.pop()!;
    parts = [...parts, ...last.split(/以及|和|及|与/u)];
  }
  if ((count === 'all' ? parts.length < 2 : parts.length !== count) || parts.some((p) => !p)) return null;
  const lastWords = wordsOf(parts[parts.length - 1]!);
  return parts.map((p, k) => (k < parts.length - 1 ? p + sharedHead(p, lastWords, d.s.ctx.lex) : p));
}

/**
 * Whether figure `b` is the next value of a list after the value `a` ends: 9.7%、15.3%, or a
 * change with a verb of its own (下降3.9%和上升2.1%).
 */
function listedAfter(text: string, lex: Lexicon, aEnd: number, b: Figure): boolean {
  return lex.listGap.has(text.slice(aEnd, b.quantity.start)) || (b.kind === 'change' && lex.listGap.has(text.slice(aEnd, b.cueStart)));
}

/**
 * For each figure, how many values stand in the list it starts: 9.7%、15.3%和12% is three.
 * Counted once, from the last figure back, so a long list costs no more than a short one.
 */
export function listLengths(text: string, lex: Lexicon, located: Located[]): Map<Quantity, number> {
  const lengths = new Map<Quantity, number>();
  let next: Located | null = null;
  for (let k = located.length - 1; k >= 0; k--) {
    const l = located[k]!;
    if (!l.figure) continue;
    const joined = next && next.clause === l.clause && listedAfter(text, lex, l.q.end, next.figure!);
    lengths.set(l.q, joined ? lengths.get(next!.q)! + 1 : 1);
    next = l;
  }
  return lengths;
}
