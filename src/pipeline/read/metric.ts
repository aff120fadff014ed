// The metric's phrase next to a figure: the thing counted after a count (建成61个智慧安防小区),
// what was done or what is measured before it (破获刑事案件2362起, 刑事案件发案数下降39.2%),
// the thing after a change (增加5000个学位); and what makes a name of it or no metric at all.
import { phraseAfter, verbBefore } from './phrase-after.js';
import { phraseBefore } from './phrase-before.js';
import { decide, decidePhrase, type Draft } from './reading.js';
import type { Rule } from './rule.js';
import { namesGoalAfter } from './target.js';
import type { Phrase } from './words.js';

/**
 * The phrase written after the figure: for a count, up to the next figure's cue (the thing it
 * counts); for a change or a level, up to the clause's end. Looked for once.
 */
function phraseAfterFigure(d: Draft): Phrase | null {
  if (d.thingAfter !== undefined) return d.thingAfter;
  const { q, clause } = d;
  let to = clause.end;
  if (d.figure.kind === 'count') {
    const next = d.s.nextFigure.get(q);
    to = Math.min(clause.end, Math.max(q.end, next?.cueStart ?? clause.end));
  }
  return (d.thingAfter = phraseAfter(d.s.ctx, q.end, to));
}

/** The thing a count counts, written after it: after an amount of money or a rate comes what it was for instead. */
function thingCounted(d: Draft): Phrase | null {
  // The goal a figure is the value of (27%的省定目标) is not what it counts.
  if (d.figure.kind !== 'count' || namesGoalAfter(d.s.ctx.text, d.q.end)) return null;
  const found = phraseAfterFigure(d);
  return found && (found.nounFirst || !d.s.ctx.lex.measuredUnit.test(d.unit)) ? found : null;
}

function phraseFound(d: Draft, rule: Rule<Draft>, phrase: Phrase | null): boolean {
  d.phrase = phrase;
  if (phrase?.text) decidePhrase(d.s.ctx, d.rules, rule, phrase);
  return phrase !== null;
}

export const verbAndThingAfter: Rule<Draft> = {
  id: 'metric.verb-and-thing-after',
  description: 'A count names the verb before it and the thing counted after it (建成61个智慧安防小区 → 建成智慧安防小区)',
  decides: ['metric'],
  examples: [
    {
      text: '全县建成61个村级综合服务站。',
      gives: [
        { metric: '建成村级综合服务站', value: 61, unit: '个', text: '建成61个村级综合服务站' },
      ],
    },
    {
      text: '全市提升改造120个老旧小区。',
      gives: [
        { metric: '提升改造老旧小区', value: 120, unit: '个', text: '提升改造120个老旧小区' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '198名志愿者参与社区巡逻。',
      gives: [
        { metric: '志愿者参与社区巡逻', value: 198, unit: '名', text: '198名志愿者参与社区巡逻' },
      ],
    },
  ],
  apply(d) {
    const thing = thingCounted(d);
    const verb = thing?.nounFirst ? verbBefore(d.s.ctx, d.from, d.phraseEnd) : null;
    if (!thing || !verb) return false;
    d.phrase = { ...thing, text: verb.text + thing.text, start: verb.start };
    decidePhrase(d.s.ctx, d.rules, verbAndThingAfter, thing);
    return true;
  },
};

export const thingAfter: Rule<Draft> = {
  id: 'metric.thing-after',
  description: 'A count with no verb of a deed before it names what is written after it (281名民警进班子)',
  decides: ['metric'],
  examples: [
    {
      text: '281名民警进入领导班子。',
      gives: [
        { metric: '民警进入领导班子', value: 281, unit: '名', text: '281名民警进入领导班子' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '改造提升18个城市公园。',
      gives: [
        { metric: '改造提升城市公园', value: 18, unit: '个', text: '改造提升18个城市公园' },
      ],
    },
  ],
  apply(d) {
    if (d.phrase) return false;
    const thing = thingCounted(d);
    return thing !== null && phraseFound(d, thingAfter, thing);
  },
};

const isRate = (d: Draft) => d.unit === '%' || d.unit === '百分点';

export const deedBefore: Rule<Draft> = {
  id: 'metric.deed-before',
  description: 'A count with nothing counted after it names what was done, before it: verb and object (破获刑事案件2362起)',
  decides: ['metric'],
  examples: [
    {
      text: '全区投入帮扶资金2.6亿元。',
      gives: [
        { metric: '投入帮扶资金', value: 260000000, unit: '元', text: '投入帮扶资金2.6亿元' },
      ],
    },
    {
      text: '开工建设项目46个。',
      gives: [
        { metric: '开工建设项目', value: 46, unit: '个', text: '开工建设项目46个' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市完成14个城市公园提质。',
      gives: [
        { metric: '完成城市公园提质', value: 14, unit: '个', text: '完成14个城市公园提质' },
      ],
    },
  ],
  apply(d) {
    if (d.phrase || d.figure.kind !== 'count' || isRate(d) || thingCounted(d)) return false;
    return phraseFound(d, deedBefore, phraseBefore(d.s.ctx, d.from, d.phraseEnd, 'count', d.listed));
  },
};

export const measureBefore: Rule<Draft> = {
  id: 'metric.before',
  description: 'A change, a level, or a share with no verb of its own names the noun phrase before it (刑事案件发案数下降39.2%)',
  decides: ['metric'],
  examples: [
    {
      text: '高速公路通车里程达到5200公里。',
      gives: [
        { metric: '高速公路通车里程', value: 5200, unit: '公里', text: '高速公路通车里程达到5200公里' },
      ],
    },
    {
      text: '年末常住人口增加1.2万人。',
      gives: [
        { metric: '常住人口', value: 12000, unit: '人', direction: 'up', text: '常住人口增加1.2万人' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '开通新航线12条。',
      gives: [
        { metric: '开通新航线', value: 12, unit: '条', text: '开通新航线12条' },
      ],
    },
  ],
  apply(d) {
    if (d.phrase || (d.figure.kind === 'count' && (!isRate(d) || thingCounted(d)))) return false;
    return phraseFound(d, measureBefore, phraseBefore(d.s.ctx, d.from, d.phraseEnd, 'measure', d.listed));
  },
};

/** The thing written after a change or a level, when nothing before names the metric. */
function thingAfterMeasure(d: Draft): Phrase | null {
  if (d.figure.kind === 'count' || d.phrase?.text) return null;
  const lex = d.s.ctx.lex;
  // A change in things counted or measured (增加5000个招生计划), a level of things counted
  // (在3000个小区设置回收机), not 迈上3万亿元台阶.
  const counted = d.figure.kind === 'change' ? !lex.rateUnits.has(d.unit) : !lex.measuredUnit.test(d.unit);
  const after = counted ? phraseAfterFigure(d) : null;
  return after?.nounFirst ? after : null;
}

const isUpgrade = (d: Draft) => d.figure.words.direction !== undefined && d.s.ctx.lex.upgradeVerb.test(d.figure.words.direction);

export const thingAfterChange: Rule<Draft> = {
  id: 'metric.thing-after-change',
  description: 'A change in things counted, or a level of them, with no metric before names the thing written after the figure (增加5000个学位)',
  decides: ['metric'],
  examples: [
    {
      text: '比上年增加1200个停车位。',
      gives: [
        { metric: '停车位', value: 1200, unit: '个', direction: 'up', basis: 'yoy', text: '比上年增加1200个停车位' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '城区停车位增加1200个。',
      gives: [
        { metric: '城区停车位', value: 1200, unit: '个', direction: 'up', text: '城区停车位增加1200个' },
      ],
    },
  ],
  apply(d) {
    const after = thingAfterMeasure(d);
    if (!after || isUpgrade(d)) return false;
    return phraseFound(d, thingAfterChange, after);
  },
};

export const upgradeWork: Rule<Draft> = {
  id: 'metric.upgrade-work',
  description: '提升 before things counted is work done on them, a count with no direction (提升100所学校 → 提升学校)',
  decides: ['metric', 'direction'],
  examples: [
    {
      text: '全年提升100所学校办学条件。',
      gives: [
        { metric: '提升学校办学条件', value: 100, unit: '所', text: '提升100所学校办学条件' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '学校办学条件达标率提升至98%。',
      gives: [
        { metric: '学校办学条件达标率', value: 98, unit: '%', text: '学校办学条件达标率提升至98%' },
      ],
    },
  ],
  apply(d) {
    const after = thingAfterMeasure(d);
    if (!after || !isUpgrade(d)) return false;
    d.direction = null;
    decide(d.s.ctx, d.rules, upgradeWork, 'direction');
    return phraseFound(d, upgradeWork, { ...after, text: d.figure.words.direction + after.text });
  },
};

/** Finding the metric's phrase next to the figure: each rule checks what the ones before found. */
export const PHRASE_RULES: readonly Rule<Draft>[] = [verbAndThingAfter, thingAfter, deedBefore, measureBefore, thingAfterChange, upgradeWork];

export const shareOwner: Rule<Draft> = {
  id: 'metric.share-owner',
  description: 'A share with no metric of its own is a share of the previous metric (增加值1547亿元，占地区生产总值比重40%)',
  decides: ['metric'],
  examples: [
    {
      text: '规上工业增加值增长6.5%，占全市比重为38%。',
      gives: [
        { metric: '规上工业增加值', value: 6.5, unit: '%', direction: 'up', text: '规上工业增加值增长6.5%' },
        { metric: '规上工业增加值占全市比重', value: 38, unit: '%', text: '占全市比重为38%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '金融业增加值占地区生产总值比重为8.2%。',
      gives: [
        { metric: '金融业增加值占地区生产总值比重', value: 8.2, unit: '%', text: '金融业增加值占地区生产总值比重为8.2%' },
      ],
    },
  ],
  apply(d) {
    const last = d.s.lastMetric;
    if (!d.shareOf || d.phrase?.text || !last || d.referred) return false;
    d.phrase = { text: last, start: d.figure.cueStart, end: d.figure.cueStart };
    d.owner = last;
    decide(d.s.ctx, d.rules, shareOwner, 'metric');
    return true;
  },
};

export const averageOnly: Rule<Draft> = {
  id: 'metric.average-only',
  description: 'An average alone (年均增长4.7%, 人均…) names no metric: the sentence’s goes on',
  decides: ['metric'],
  examples: [
    {
      text: '全市财政收入增长7%，年均增速达到6.2%。',
      gives: [
        { metric: '财政收入', value: 7, unit: '%', direction: 'up', text: '财政收入增长7%' },
        { metric: '财政收入', value: 6.2, unit: '%', direction: 'up', text: '年均增速达到6.2%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '工业投资增长9%，其中年均增长7%。',
      gives: [
        { metric: '工业投资', value: 9, unit: '%', direction: 'up', text: '工业投资增长9%' },
        { metric: '工业投资', value: 7, unit: '%', direction: 'up', text: '年均增长7%' },
      ],
    },
  ],
  apply(d) {
    if (!d.s.ctx.lex.averageOnly.has(d.name)) return false;
    d.name = '';
    decide(d.s.ctx, d.rules, averageOnly, 'metric');
    return true;
  },
};

const HAN_ANY = /\p{Script=Han}/u;
const LATIN_TERM = /^[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9]$/;

export const notAName: Rule<Draft> = {
  id: 'metric.not-a-name',
  description: 'A figure with no metric, or one that names nothing in Chinese and is no Latin term of a Chinese clause (GDP增长5%), is not a report’s indicator (A%0%)',
  decides: ['indicator'],
  examples: [
    {
      text: '增长5%。',
      gives: [
      ],
    },
    {
      text: 'Sales grew by 12%',
      gives: [
      ],
    },
  ],
  counterexamples: [
    {
      text: 'GDP增长5.5%，CPI上涨0.8%。',
      gives: [
        { metric: 'GDP', value: 5.5, unit: '%', direction: 'up', text: 'GDP增长5.5%' },
        { metric: 'CPI', value: 0.8, unit: '%', direction: 'up', text: 'CPI上涨0.8%' },
      ],
    },
  ],
  apply(d) {
    const { name } = d;
    const { text } = d.s.ctx;
    return !name || !(HAN_ANY.test(name) || (LATIN_TERM.test(name) && HAN_ANY.test(text.slice(d.clause.start, d.clause.end))));
  },
};

const OPENING: Record<string, string> = { '”': '“', '’': '‘', '）': '（', ')': '(', '》': '《', '】': '【', '」': '「', '』': '『' };
const OPENERS = new Set(Object.values(OPENING));

const MARKS = new RegExp(`[${[...OPENERS, ...Object.keys(OPENING)].join('').replace(/[()[\]]/g, '\\$&')}]`, 'u');

/** The name without the quotation marks and brackets that have no partner in it. */
function balanced(name: string): string {
  if (!MARKS.test(name)) return name;
  const open: number[] = [];
  const drop = new Set<number>();
  const chars = [...name];
  chars.forEach((c, k) => {
    if (OPENERS.has(c)) open.push(k);
    else if (OPENING[c] !== undefined) {
      const j = open.length ? open[open.length - 1]! : -1;
      if (j >= 0 && chars[j] === OPENING[c]) open.pop();
      else drop.add(k);
    }
  });
  for (const k of open) drop.add(k);
  return drop.size ? chars.filter((_, k) => !drop.has(k)).join('') : name;
}

export const balancedName: Rule<Draft> = {
  id: 'metric.balanced',
  description: 'A metric never holds an unpaired quotation mark or bracket: one a cut left behind is dropped (城市公园、“口袋公园”保有量 → 城市公园保有量), and a member that was nothing else with it',
  decides: ['metric'],
  examples: [
    {
      text: '城市公园、“口袋公园”保有量分别达到1436个、862个。',
      gives: [
        { metric: '城市公园保有量', value: 1436, unit: '个', text: '城市公园、“口袋公园”保有量分别达到1436个' },
        { metric: '“口袋公园”保有量', value: 862, unit: '个', text: '分别达到1436个、862个' },
      ],
    },
    {
      text: '全年分别新增3.5万户市场主体和）',
      gives: [{ metric: '市场主体', value: 35000, unit: '户', text: '分别新增3.5万户市场主体和）' }],
    },
  ],
  counterexamples: [
    {
      text: '城市公园、口袋公园保有量分别达到1436个、862个。',
      gives: [
        { metric: '城市公园保有量', value: 1436, unit: '个', text: '城市公园、口袋公园保有量分别达到1436个' },
        { metric: '口袋公园保有量', value: 862, unit: '个', text: '分别达到1436个、862个' },
      ],
    },
  ],
  apply(d) {
    const name = balanced(d.name);
    const members = d.members?.map(balanced).filter(Boolean);
    if (name === d.name && (!members || (members.length === d.members!.length && members.every((m, k) => m === d.members![k])))) return false;
    d.name = name;
    if (members) d.members = members;
    decide(d.s.ctx, d.rules, balancedName, 'metric');
    return true;
  },
};

export const shareWhole: Rule<Draft> = {
  id: 'metric.share-whole',
  description: 'A share names its whole after the owner (第三产业增加值 + 占地区生产总值比重)',
  decides: ['metric'],
  examples: [
    {
      text: '第二产业增加值1500亿元，占比为38.6%。',
      gives: [
        { metric: '第二产业增加值', value: 150000000000, unit: '元', text: '第二产业增加值1500亿元' },
        { metric: '第二产业增加值占比', value: 38.6, unit: '%', text: '占比为38.6%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市外贸依存度为32%。',
      gives: [
        { metric: '外贸依存度', value: 32, unit: '%', text: '外贸依存度为32%' },
      ],
    },
  ],
  apply(d) {
    if (!d.shareOf) return false;
    d.name += d.shareOf;
    d.members = d.members?.map((m) => m + d.shareOf);
    decide(d.s.ctx, d.rules, shareWhole, 'metric');
    return true;
  },
};
