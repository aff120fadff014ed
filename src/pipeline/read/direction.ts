// Which way a figure moved: the word of change the pattern read (上升, 下降), the direction a
// pattern fixes (翻番), none for a level or a count, or the verb of a deed (净增, 压减).
import { decide, type Draft } from './reading.js';
import type { Rule } from './rule.js';
import { wordsOf } from './words.js';

export const directionCue: Rule<Draft> = {
  id: 'direction.cue',
  description: 'The word of change the pattern read gives the direction (上升 up, 下降 down, 持平 flat)',
  decides: ['direction'],
  examples: [
    {
      text: '全县交通事故死亡人数同比下降18.5%。',
      gives: [
        { metric: '交通事故死亡人数', value: 18.5, unit: '%', direction: 'down', basis: 'yoy', text: '交通事故死亡人数同比下降18.5%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市粮食产量达到120万吨。',
      gives: [
        { metric: '粮食产量', value: 1200000, unit: '吨', text: '粮食产量达到120万吨' },
      ],
    },
  ],
  apply(d) {
    const word = d.figure.words.direction;
    if (d.figure.direction === null || word === undefined) return false;
    decide(d.s.ctx, d.rules, directionCue, 'direction', word);
    return true;
  },
};

export const directionFixed: Rule<Draft> = {
  id: 'direction.pattern',
  description: 'A pattern that fixes the direction gives it (翻番 is up)',
  decides: ['direction'],
  examples: [
    {
      text: '全区大宗商品交易额翻番。',
      gives: [
        { metric: '大宗商品交易额', value: 1, unit: '倍', direction: 'up', text: '大宗商品交易额翻番' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区大宗商品交易额增长1.2倍。',
      gives: [
        { metric: '大宗商品交易额', value: 1.2, unit: '倍', direction: 'up', text: '大宗商品交易额增长1.2倍' },
      ],
    },
  ],
  apply(d) {
    if (d.figure.direction === null) return false;
    decide(d.s.ctx, d.rules, directionFixed, 'direction');
    return true;
  },
};

export const directionNone: Rule<Draft> = {
  id: 'direction.none',
  description: 'A level, a level reached (提升至) or a count has no direction',
  decides: ['direction'],
  examples: [
    {
      text: '全市常住人口为312万人。',
      gives: [
        { metric: '常住人口', value: 3120000, unit: '人', text: '常住人口为312万人' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县道路交通事故减少36起，死亡人数下降12.5%。',
      gives: [
        { metric: '道路交通事故', value: 36, unit: '起', direction: 'down', text: '道路交通事故减少36起' },
        { metric: '死亡人数', value: 12.5, unit: '%', direction: 'down', text: '死亡人数下降12.5%' },
      ],
    },
  ],
  apply(d) {
    decide(d.s.ctx, d.rules, directionNone, 'direction');
    return true;
  },
};

/** Where a figure's direction starts from: what its pattern says. */
export const DIRECTION_RULES: readonly Rule<Draft>[] = [directionCue, directionFixed, directionNone];

function byDeed(d: Draft, rule: Rule<Draft>, deed: [string, 'up' | 'down' | 'flat']): true {
  d.deed = deed;
  d.direction = deed[1];
  if (d.name.startsWith(deed[0])) d.name = d.name.slice(deed[0].length);
  decide(d.s.ctx, d.rules, rule, 'direction', deed[0]);
  return true;
}

export const deedDirection: Rule<Draft> = {
  id: 'direction.deed',
  description: 'A count of a deed whose verb says which way it moved (净增经营主体5万户 up, 压减支出3亿元 down): the verb is the direction, not part of the metric',
  decides: ['direction', 'metric'],
  examples: [
    {
      text: '净增经营主体5.2万户。',
      gives: [
        { metric: '经营主体', value: 52000, unit: '户', direction: 'up', text: '净增经营主体5.2万户' },
      ],
    },
    {
      text: '压减一般性支出1.5亿元。',
      gives: [
        { metric: '一般性支出', value: 150000000, unit: '元', direction: 'down', text: '压减一般性支出1.5亿元' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区投入产业发展资金2.6亿元。',
      gives: [
        { metric: '投入产业发展资金', value: 260000000, unit: '元', text: '投入产业发展资金2.6亿元' },
      ],
    },
  ],
  apply(d) {
    if (d.figure.kind !== 'count' || d.direction !== null) return false;
    const lex = d.s.ctx.lex;
    let deed = lex.deedDirections.find(([word]) => d.name.startsWith(word) && d.name.length > word.length);
    // …or a word of its own inside the phrase, before what it acts on (新能源替代减少二氧化碳排放).
    if (!deed) {
      const words = wordsOf(d.name);
      deed = lex.deedDirections.find(([word]) => words.slice(1, -1).includes(word));
    }
    return deed !== undefined && byDeed(d, deedDirection, deed);
  },
};

export const deedListed: Rule<Draft> = {
  id: 'direction.deed-listed',
  description: 'The next thing of a list after 、 is counted by the same verb of a deed (净增A5户、B6户)',
  decides: ['direction'],
  examples: [
    {
      text: '全年净增市场主体1.2万户、个体工商户8000户。',
      gives: [
        { metric: '市场主体', value: 12000, unit: '户', direction: 'up', text: '净增市场主体1.2万户' },
        { metric: '个体工商户', value: 8000, unit: '户', direction: 'up', text: '个体工商户8000户' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全年新增市场主体1.2万户、个体工商户8000户。',
      gives: [
        { metric: '新增市场主体', value: 12000, unit: '户', text: '新增市场主体1.2万户' },
        { metric: '个体工商户', value: 8000, unit: '户', text: '个体工商户8000户' },
      ],
    },
  ],
  apply(d) {
    const previous = d.s.previous;
    const deed = previous?.reading.deed;
    if (!deed || d.figure.kind !== 'count' || d.direction !== null || !d.phrase?.text) return false;
    const { text, lex } = d.s.ctx;
    if (!/^[、和及]$/u.test(text.slice(previous!.reading.figure.quantity.end, d.phrase.start)) || lex.actionVerbs.has(wordsOf(d.name)[0]!)) return false;
    return byDeed(d, deedListed, deed);
  },
};

/** A count's direction from the verb of its deed. */
export const DEED_RULES: readonly Rule<Draft>[] = [deedDirection, deedListed];
