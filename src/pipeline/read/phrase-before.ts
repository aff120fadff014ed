// The metric phrase before a figure: the segmenter's words read right to left from the figure's
// cue, each word tried against the phrase rules below in order. A rule takes words into the
// phrase, skips them, or ends the phrase; the first that applies decides for that word.
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../segment.js';
import type { Rule, RuleMeta } from './rule.js';
import {
  CLOSE, HAN, OPEN, dateBefore, isAdjective, isDigits, isNounLike, isNumeral, isPlace, isPlaceName, isPunct, isVerb,
  joinTokens, openerOf, runStart, trimPhrase, wordBeforeDigits, type Context, type Phrase,
} from './words.js';

export type PhraseMode = 'count' | 'measure';

/** The walk from the figure leftwards: the words read, those kept, and what was met. */
export interface Walk {
  ctx: Context;
  lex: Lexicon;
  tokens: Token[];
  /** the word being read */
  i: number;
  /** the phrase so far, left to right */
  kept: Token[];
  seenNoun: boolean;
  /** a place or body met at the left edge */
  subject?: string;
  /** `count`: the verb of what was done is kept (破获刑事案件); `measure`: the walk ends after a leading verb */
  mode: PhraseMode;
  /** the figure is one of a list: 、 and 和 may join its members */
  list: boolean;
  /** the ids of the rules that applied, in order */
  steps: string[];
  /** once the walk has ended: the phrase names a deed with verbs alone */
  deed: boolean;
}

/** What a rule made of the word it read: not its case, go on to the next word, or the phrase ends. */
export type Verdict = 'pass' | 'next' | 'end';
export type WalkRule = Rule<Walk, Verdict>;

const SPAN_OF_TIME = /^[\d零〇一二两三四五六七八九十百]+(?:年|个月|月|天|年来)$/u;
/** A threshold written with a magnitude alone: 亿元以上项目. */
const MAGNITUDE_UNIT = /^[十百千万亿]+元$/u;

function take(w: Walk, from: number, seen = w.seenNoun): Verdict {
  w.kept.unshift(...w.tokens.slice(from, w.i + 1));
  w.seenNoun = seen;
  w.i = from - 1;
  return 'next';
}

const at = (w: Walk, k = 0) => w.tokens[w.i - k];

// ---------------------------------------------------------------- between the metric and its verb

/** Adverbs, particles, words of time (每年, 当年) and of goals between a metric and its figure. */
export const skipBetween: WalkRule = {
  id: 'phrase.skip-between',
  description: 'Adverbs, particles, words of time and of goals between a metric and its verb are left out (产量当年增长, 收入力争增长)',
  decides: ['metric'],
  examples: [
    {
      text: '南湾区粮食产量当年增长3.2%。',
      gives: [
        { metric: '粮食产量', value: 3.2, unit: '%', direction: 'up', text: '粮食产量当年增长3.2%' },
      ],
    },
    {
      text: '全县居民人均可支配收入力争增长6.5%。',
      gives: [
        { metric: '居民人均可支配收入', value: 6.5, unit: '%', direction: 'up', target: true, text: '居民人均可支配收入力争增长6.5%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '南湾区粮食总产量增长3.2%。',
      gives: [
        { metric: '粮食总产量', value: 3.2, unit: '%', direction: 'up', text: '粮食总产量增长3.2%' },
      ],
    },
  ],
  apply(w) {
    const t = at(w);
    if (!t) return 'pass';
    const lex = w.lex;
    const skipped = t.tag === 'd' || t.tag.startsWith('u') || (t.tag === 't' && !lex.ageGroups.has(t.word)) || lex.determiners.has(t.word) || lex.timeWords.has(t.word) || lex.targetWords.has(t.word) || SPAN_OF_TIME.test(t.word);
    if (!skipped) return 'pass';
    w.i--;
    return 'next';
  },
};

/** A quarter or month written with a numeral (一季度, 前三季度, 二|季度, 10月份): a period, not a thing. */
function periodStart(w: Walk): number {
  const t = at(w);
  if (!t) return -1;
  if (t.tag === 'mq' && /(?:季度|季|月份|月)$/u.test(t.word)) return /^[前上下]$/u.test(at(w, 1)?.word ?? '') ? w.i - 1 : w.i;
  if (t.word !== '季度' || !at(w, 1) || !isNumeral(at(w, 1)!)) return -1;
  return /^[前上下]$/u.test(at(w, 2)?.word ?? '') ? w.i - 2 : w.i - 1;
}

export const periodBetween: WalkRule = {
  id: 'phrase.period-between',
  description: 'A quarter or month before the verb is the period, never the metric (一季度增长5.0%, 二季度同比增长5.6%)',
  decides: ['metric'],
  examples: [
    {
      text: '全区生产总值增长5.1%，二季度同比增长5.4%。',
      gives: [
        { metric: '生产总值', value: 5.1, unit: '%', direction: 'up', text: '生产总值增长5.1%' },
        { metric: '生产总值', value: 5.4, unit: '%', direction: 'up', basis: 'yoy', text: '同比增长5.4%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区生产总值增长5.1%，三产增长5.4%。',
      gives: [
        { metric: '生产总值', value: 5.1, unit: '%', direction: 'up', text: '生产总值增长5.1%' },
        { metric: '三产', value: 5.4, unit: '%', direction: 'up', text: '三产增长5.4%' },
      ],
    },
  ],
  apply(w) {
    const start = periodStart(w);
    if (start < 0) return 'pass';
    w.i = start - 1;
    return 'next';
  },
};

export const dateBetween: WalkRule = {
  id: 'phrase.date-between',
  description: 'A date or a span of years between a metric and its verb is left out (产量2030年达到, 连续5年保持)',
  decides: ['metric'],
  examples: [
    {
      text: '全县森林覆盖率2024年达到63.5%。',
      gives: [
        { metric: '森林覆盖率', value: 63.5, unit: '%', text: '森林覆盖率2024年达到63.5%' },
      ],
    },
    {
      text: '全区空气优良天数比例连续3年保持在90%以上。',
      gives: [
        { metric: '空气优良天数比例', value: 90, unit: '%', qualifier: 'over', text: '空气优良天数比例连续3年保持在90%以上' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区空气优良天数比例保持在90%以上。',
      gives: [
        { metric: '空气优良天数比例', value: 90, unit: '%', qualifier: 'over', text: '空气优良天数比例保持在90%以上' },
      ],
    },
  ],
  apply(w) {
    const date = dateBefore(w.tokens, w.i + 1, w.lex);
    if (date === w.i + 1) return 'pass';
    w.i = date - 1;
    return 'next';
  },
};

// ---------------------------------------------------------------- the phrase, word by word

export const threshold: WalkRule = {
  id: 'phrase.threshold',
  description: 'A threshold before a noun sets the group measured and stays in the metric (60岁以上老年人, 亿元以上项目)',
  decides: ['metric'],
  examples: [
    {
      text: '全区60岁以上老年人口达12.6万人。',
      gives: [
        { metric: '60岁以上老年人口', value: 126000, unit: '人', text: '60岁以上老年人口达12.6万人' },
      ],
    },
    {
      text: '全县亿元以上产业项目投资增长12.6%。',
      gives: [
        { metric: '亿元以上产业项目投资', value: 12.6, unit: '%', direction: 'up', text: '亿元以上产业项目投资增长12.6%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区老年人口达12.6万人以上。',
      gives: [
        { metric: '老年人口', value: 126000, unit: '人', qualifier: 'over', text: '老年人口达12.6万人以上' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    const unit = at(w, 1);
    if (!w.lex.thresholdWords.has(t.word) || !w.kept.length || !unit) return 'pass';
    const digitsBefore = !isNumeral(unit) && at(w, 2) && isNumeral(at(w, 2)!);
    if (!MAGNITUDE_UNIT.test(unit.word) && !digitsBefore) return 'pass';
    // The unit before it, and the digits before the unit (60|岁|以上, 亿元|以上).
    return take(w, runStart(w.tokens, w.i - 2, isNumeral), true);
  },
};

export const thresholdClause: WalkRule = {
  id: 'phrase.threshold-clause',
  description: 'A threshold before 的 sets the group counted and stays in the metric, with the measure it is compared with (净利润超过100亿元的公司, 5000万元以上的大案)',
  decides: ['metric'],
  examples: [
    {
      text: '全市营业收入超过100亿元的企业有12家。',
      gives: [
        { metric: '营业收入超过100亿元的企业', value: 12, unit: '家', text: '营业收入超过100亿元的企业有12家' },
      ],
    },
    {
      text: '侦破涉案金额在100万元以上的大案63起。',
      gives: [
        { metric: '侦破涉案金额在100万元以上的大案', value: 63, unit: '起', text: '侦破涉案金额在100万元以上的大案63起' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市新增的企业有12家。',
      gives: [
        { metric: '新增的企业', value: 12, unit: '家', text: '新增的企业有12家' },
      ],
    },
    {
      text: '全县95%以上的村集体经营性收入超过10万元。',
      gives: [
        { metric: '村集体经营性收入', value: 100000, unit: '元', qualifier: 'over', text: '村集体经营性收入超过10万元' },
      ],
    },
  ],
  apply(w) {
    if (at(w)!.word !== '的' || !w.seenNoun) return 'pass';
    let j = w.i - 1;
    const bound = w.tokens[j] && w.lex.thresholdWords.has(w.tokens[j]!.word);
    if (bound) j--;
    const unit = w.tokens[j];
    if (!unit) return 'pass';
    // The unit and the digits before it (100|万元, 10|%), or a magnitude alone (超亿元).
    const magnitude = MAGNITUDE_UNIT.test(unit.word);
    const from = runStart(w.tokens, j - 1, isNumeral);
    if (!magnitude && (isNumeral(unit) || from === j)) return 'pass';
    // The measure compared (净利润超过), or the bound alone (5000万元以上); a share alone is of
    // the things that follow, not a threshold (95%以上的村).
    const verb = w.tokens[from - 1];
    const measure = w.tokens[from - 2];
    if (verb && w.lex.thresholdVerbs.has(verb.word) && measure && (isNounLike(measure, w.lex) || isVerb(measure))) return take(w, from - 1, true);
    return bound && !w.lex.rateUnits.has(unit.word) ? take(w, from, true) : 'pass';
  },
};

export const classFigure: WalkRule = {
  id: 'phrase.class-figure',
  description: 'A figure that classes the thing after it stays in the metric (500千伏变电站, 10万吨级泊位)',
  decides: ['metric'],
  examples: [
    {
      text: '全年新建10万吨级泊位3个。',
      gives: [
        { metric: '新建10万吨级泊位', value: 3, unit: '个', text: '新建10万吨级泊位3个' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全年新建泊位3个。',
      gives: [
        { metric: '新建泊位', value: 3, unit: '个', text: '新建泊位3个' },
      ],
    },
  ],
  apply(w) {
    // The class word and the digits before it (500|千伏, 10|万吨级).
    const digits = at(w, 1);
    if (!w.kept.length || !w.lex.classUnit.test(at(w)!.word) || !digits || !isNumeral(digits)) return 'pass';
    return take(w, runStart(w.tokens, w.i - 1, isNumeral), true);
  },
};

/** The start of a per-capita denominator (每|万人) that ends at the word read, or -1. */
function denominatorStart(w: Walk): number {
  if (!isNumeral(at(w)!) || !w.kept.length) return -1;
  const j = runStart(w.tokens, w.i, isNumeral);
  return w.tokens[j - 1]?.word === '每' ? j - 1 : -1;
}

export const perCapita: WalkRule = {
  id: 'phrase.per-capita',
  description: 'A per-capita denominator belongs to its measure (每万人发案率, 每10万人口死亡率)',
  decides: ['metric'],
  examples: [
    {
      text: '全区每千人口执业医师数为3.2人。',
      gives: [
        { metric: '每千人口执业医师数', value: 3.2, unit: '人', text: '每千人口执业医师数为3.2人' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区执业医师数达到每千人3.2人。',
      gives: [
        { metric: '执业医师数', value: 3.2, unit: '人', text: '执业医师数达到每千人3.2人' },
      ],
    },
  ],
  apply(w) {
    const j = denominatorStart(w);
    if (j < 0 || !w.kept.some((k) => !w.lex.denominators.has(k.word))) return 'pass';
    return take(w, j);
  },
};

export const denominatorAlone: WalkRule = {
  id: 'phrase.denominator-alone',
  description: 'A denominator alone before the figure names nothing and is passed over (抽检量超每千人6.6批次)',
  decides: ['metric'],
  examples: [
    {
      text: '全县食品抽检量每千人4.8批次。',
      gives: [
        { metric: '食品抽检量', value: 4.8, unit: '批次', text: '食品抽检量每千人4.8批次' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县每千人食品抽检量为4.8批次。',
      gives: [
        { metric: '每千人食品抽检量', value: 4.8, unit: '批次', text: '每千人食品抽检量为4.8批次' },
      ],
    },
  ],
  apply(w) {
    const j = denominatorStart(w);
    if (j < 0) return 'pass';
    w.kept.length = 0;
    w.i = j - 1;
    return 'next';
  },
};

export const footnote: WalkRule = {
  id: 'phrase.footnote',
  description: 'A note number in square brackets (产业［2］) is not part of the phrase',
  decides: ['metric'],
  examples: [
    {
      text: '全市数字经济核心产业［1］增加值增长9.2%。',
      gives: [
        { metric: '数字经济核心产业增加值', value: 9.2, unit: '%', direction: 'up', text: '数字经济核心产业［1］增加值增长9.2%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区文化产业增加值增长9.2%。',
      gives: [
        { metric: '文化产业增加值', value: 9.2, unit: '%', direction: 'up', text: '文化产业增加值增长9.2%' },
      ],
    },
  ],
  apply(w) {
    if (!/^[\]］〕]$/u.test(at(w)!.word) || !at(w, 1) || !/^\d+$/.test(at(w, 1)!.word) || !/^[\[［〔]$/u.test(at(w, 2)?.word ?? '')) return 'pass';
    w.i -= 3;
    return 'next';
  },
};

export const bracketed: WalkRule = {
  id: 'phrase.bracketed',
  description: 'Words in quotation marks or brackets are kept whole (“一网通办”办件量)',
  decides: ['metric'],
  examples: [
    {
      text: '“平安青屿”APP注册用户达到36万人。',
      gives: [
        { metric: '“平安青屿”APP注册用户', value: 360000, unit: '人', text: '“平安青屿”APP注册用户达到36万人' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市警务服务APP注册用户达到36万人。',
      gives: [
        { metric: '警务服务APP注册用户', value: 360000, unit: '人', text: '警务服务APP注册用户达到36万人' },
      ],
    },
  ],
  apply(w) {
    if (!CLOSE.test(at(w)!.word)) return 'pass';
    const j = openerOf(w.tokens, w.i);
    return j < 0 ? 'pass' : take(w, j, true);
  },
};

export const unpairedClose: WalkRule = {
  id: 'phrase.unpaired-close',
  description: 'A closing quotation mark or bracket with no opening one in the sentence ends the phrase',
  decides: ['metric'],
  examples: [
    {
      text: '南湾区（快报数，下同）地区生产总值增长5.6%。',
      gives: [
        { metric: '地区生产总值', value: 5.6, unit: '%', direction: 'up', text: '地区生产总值增长5.6%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '南湾区地区生产总值同比增长5.6%。',
      gives: [
        { metric: '地区生产总值', value: 5.6, unit: '%', direction: 'up', basis: 'yoy', text: '地区生产总值同比增长5.6%' },
      ],
    },
  ],
  apply(w) {
    return CLOSE.test(at(w)!.word) ? 'end' : 'pass';
  },
};

export const listComma: WalkRule = {
  id: 'phrase.list-comma',
  description: '、 joins the members of a list (A、B增加值分别…), the things one count totals (网址、APP共1万个) and the verbs of one deed (审结、执结案件)',
  decides: ['metric'],
  examples: [
    {
      text: '汽车、家电销售额分别增长12.1%、8.4%。',
      gives: [
        { metric: '汽车销售额', value: 12.1, unit: '%', direction: 'up', text: '汽车、家电销售额分别增长12.1%' },
        { metric: '家电销售额', value: 8.4, unit: '%', direction: 'up', text: '分别增长12.1%、8.4%' },
      ],
    },
    {
      text: '全市审结、执结民商事案件1.2万件。',
      gives: [
        { metric: '审结、执结民商事案件', value: 12000, unit: '件', text: '审结、执结民商事案件1.2万件' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '刑事案件下降8%、治安案件下降5%。',
      gives: [
        { metric: '刑事案件', value: 8, unit: '%', direction: 'down', text: '刑事案件下降8%' },
        { metric: '治安案件', value: 5, unit: '%', direction: 'down', text: '治安案件下降5%' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    const left = at(w, 1);
    if (t.word !== '、' || !w.kept.length || !left || !(isNounLike(left, w.lex) || isVerb(left) || CLOSE.test(left.word))) return 'pass';
    const joinsNouns = w.mode === 'count' && ((w.seenNoun && isNounLike(left, w.lex)) || (isVerb(left) && w.kept[0] !== undefined && isVerb(w.kept[0])));
    return w.list || joinsNouns ? take(w, w.i) : 'pass';
  },
};

export const endEdge: WalkRule = {
  id: 'phrase.end-edge',
  description: 'Punctuation, an opening quotation mark or bracket, or a word of a goal (力争) ends the phrase',
  decides: ['metric'],
  examples: [
    {
      text: '力争农村居民人均可支配收入增长7%。',
      gives: [
        { metric: '农村居民人均可支配收入', value: 7, unit: '%', direction: 'up', target: true, text: '农村居民人均可支配收入增长7%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县农村居民人均可支配收入增长7%。',
      gives: [
        { metric: '农村居民人均可支配收入', value: 7, unit: '%', direction: 'up', text: '农村居民人均可支配收入增长7%' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    return isPunct(t) || OPEN.test(t.word) || w.lex.targetWords.has(t.word) ? 'end' : 'pass';
  },
};

export const prefix: WalkRule = {
  id: 'phrase.prefix',
  description: 'A prefix belongs to the noun after it (非化石能源, not 化石能源; 每股收益)',
  decides: ['metric'],
  examples: [
    {
      text: '全省非税收入下降4.6%。',
      gives: [
        { metric: '非税收入', value: 4.6, unit: '%', direction: 'down', text: '非税收入下降4.6%' },
      ],
    },
    {
      text: '报告期内，基本每股收益0.85元。',
      gives: [
        { metric: '基本每股收益', value: 0.85, unit: '元', text: '基本每股收益0.85元' },
      ],
    },
    {
      text: '全年死亡率8.21‰，自然增长率-1.36‰。',
      gives: [
        { metric: '死亡率', value: 8.21, unit: '‰', text: '死亡率8.21‰' },
        { metric: '自然增长率', value: -1.36, unit: '‰', text: '自然增长率-1.36‰' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全省税收收入下降4.6%。',
      gives: [
        { metric: '税收收入', value: 4.6, unit: '%', direction: 'down', text: '税收收入下降4.6%' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    return (t.tag === 'h' || w.lex.termPrefixes.has(t.word)) && w.kept.length && isNounLike(w.kept[0]!, w.lex) ? take(w, w.i) : 'pass';
  },
};

export const shareWhole: WalkRule = {
  id: 'phrase.share-whole',
  description: 'The place after 占 is the whole of a share, part of the metric, not its subject (占全国比重)',
  decides: ['metric'],
  examples: [
    {
      text: '全市外贸出口占全省比重提高2.1个百分点。',
      gives: [
        { metric: '外贸出口占全省比重', value: 2.1, unit: '百分点', direction: 'up', text: '外贸出口占全省比重提高2.1个百分点' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市外贸出口比重提高2.1个百分点。',
      gives: [
        { metric: '外贸出口比重', value: 2.1, unit: '百分点', direction: 'up', text: '外贸出口比重提高2.1个百分点' },
      ],
    },
  ],
  apply(w) {
    return w.lex.placeWhole.has(at(w)!.word) && at(w, 1)?.word === '占' && w.kept.length ? take(w, w.i - 1) : 'pass';
  },
};

export const endPlace: WalkRule = {
  id: 'phrase.end-place',
  description: 'A place or scope word (全市, 全年) ends the phrase; a place is the subject',
  decides: ['metric', 'subject'],
  examples: [
    {
      text: '全县森林覆盖率达到63.5%。',
      gives: [
        { metric: '森林覆盖率', value: 63.5, unit: '%', subject: '全县', text: '森林覆盖率达到63.5%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '据初步核算，南湾区地区生产总值增长5.6%。',
      gives: [
        { metric: '地区生产总值', value: 5.6, unit: '%', direction: 'up', subject: '南湾区', text: '地区生产总值增长5.6%' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    if (!w.lex.placeWhole.has(t.word)) return 'pass';
    if (w.lex.placeSubjects.has(t.word)) w.subject = t.word;
    return 'end';
  },
};

export const serviceNumber: WalkRule = {
  id: 'phrase.service-number',
  description: 'A service number inside a name stays in the metric (接处110警情)',
  decides: ['metric'],
  examples: [
    {
      text: '全区受理12345热线诉求8.6万件。',
      gives: [
        { metric: '受理12345热线诉求', value: 86000, unit: '件', text: '受理12345热线诉求8.6万件' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区受理热线诉求8.6万件。',
      gives: [
        { metric: '受理热线诉求', value: 86000, unit: '件', text: '受理热线诉求8.6万件' },
      ],
    },
  ],
  apply(w) {
    if (!isDigits(at(w)!) || !w.kept.length) return 'pass';
    const j = runStart(w.tokens, w.i, isDigits);
    const digits = w.tokens.slice(j, w.i + 1).map((d) => d.word).join('');
    return w.lex.serviceNumbers.has(digits) && w.tokens[j - 1] && HAN.test(w.tokens[j - 1]!.word) ? take(w, j) : 'pass';
  },
};

export const latinTerm: WalkRule = {
  id: 'phrase.latin-term',
  description: 'Digits of a name written with letters stay in it (PM2.5, 5G基站), however the segmenter cuts it',
  decides: ['metric'],
  examples: [
    {
      text: '全市PM2.5平均浓度下降6.2%。',
      gives: [
        { metric: 'PM2.5平均浓度', value: 6.2, unit: '%', direction: 'down', text: 'PM2.5平均浓度下降6.2%' },
      ],
    },
    {
      text: '全市新建5G基站1860个。',
      gives: [
        { metric: '新建5G基站', value: 1860, unit: '个', text: '新建5G基站1860个' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市臭氧平均浓度下降6.2%。',
      gives: [
        { metric: '臭氧平均浓度', value: 6.2, unit: '%', direction: 'down', text: '臭氧平均浓度下降6.2%' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    if (!/^[\d.]+$/.test(t.word)) return 'pass';
    return /[A-Za-z]$/.test(wordBeforeDigits(w.tokens, w.i)) || /^[A-Za-z]/.test(w.kept[0]?.word ?? '') ? take(w, w.i, true) : 'pass';
  },
};

export const ageGroup: WalkRule = {
  id: 'phrase.age-group',
  description: 'A group of people by age, which the tagger marks as a time, stays in the metric (老年人口, 青年人才)',
  decides: ['metric'],
  examples: [
    {
      text: '全县青年创业人数增长16%。',
      gives: [
        { metric: '青年创业人数', value: 16, unit: '%', direction: 'up', text: '青年创业人数增长16%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区少年儿童参保率达到99.1%。',
      gives: [
        { metric: '少年儿童参保率', value: 99.1, unit: '%', text: '少年儿童参保率达到99.1%' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    return t.tag === 't' && w.lex.ageGroups.has(t.word) ? take(w, w.i, true) : 'pass';
  },
};

export const completedMeasure: WalkRule = {
  id: 'phrase.completed-measure',
  description: 'A verb that says a measure was completed (完成, 实现), right before the figure, is left out: the measure before it is the metric (一般公共预算收入预计完成425亿元)',
  decides: ['metric'],
  examples: [
    {
      text: '一般公共预算收入预计完成425亿元，增长3%左右。',
      gives: [
        { metric: '一般公共预算收入', value: 42500000000, unit: '元', target: true, text: '一般公共预算收入预计完成425亿元' },
        { metric: '一般公共预算收入', value: 3, unit: '%', direction: 'up', qualifier: 'about', target: true, text: '增长3%左右' },
      ],
    },
    {
      text: '全区一般公共预算收入完成86亿元。',
      gives: [
        { metric: '一般公共预算收入', value: 8600000000, unit: '元', text: '一般公共预算收入完成86亿元' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全年完成植树造林12万亩。',
      gives: [
        { metric: '完成植树造林', value: 120000, unit: '亩', text: '完成植树造林12万亩' },
      ],
    },
  ],
  apply(w) {
    const { lex } = w;
    if (w.kept.length || !lex.completionVerbs.has(at(w)!.word)) return 'pass';
    // …with a word of time or of a goal between (累计, 预计).
    const between = at(w, 1) && (lex.targetWords.has(at(w, 1)!.word) || (lex.timeWords.has(at(w, 1)!.word) && at(w, 1)!.word.length > 1));
    const topic = at(w, between ? 2 : 1);
    if (!topic || !isNounLike(topic, lex) || !lex.measureHeads.some((h) => topic.word.endsWith(h))) return 'pass';
    w.i -= between ? 2 : 1;
    return 'next';
  },
};

export const topicBeforeLightVerb: WalkRule = {
  id: 'phrase.topic-before-light-verb',
  description: 'A bare measure or deed after its topic and a light verb keeps the topic, not the verb (工业企业实现产值, 预算收入累计完成)',
  decides: ['metric'],
  examples: [
    {
      text: '规上工业企业实现营业收入860亿元。',
      gives: [
        { metric: '规上工业企业营业收入', value: 86000000000, unit: '元', text: '规上工业企业实现营业收入860亿元' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区规上工业企业营业收入达到860亿元。',
      gives: [
        { metric: '规上工业企业营业收入', value: 86000000000, unit: '元', text: '规上工业企业营业收入达到860亿元' },
      ],
    },
  ],
  apply(w) {
    const { lex, kept } = w;
    const t = at(w)!;
    const left = at(w, 1);
    const between = lex.lightVerbs.has(t.word) || (lex.timeWords.has(t.word) && t.word.length > 1);
    if (!between || !kept.length || !left || !isNounLike(left, lex) || lex.placeWhole.has(left.word)) return 'pass';
    const bare = (kept.length === 1 && isVerb(kept[0]!)) || lex.measureHeads.includes(kept.map((k) => k.word).join(''));
    if (!bare) return 'pass';
    w.i--;
    return 'next';
  },
};

export const gradeAndAbove: WalkRule = {
  id: 'phrase.grade-and-above',
  description: 'A grade and the ones above or below it set the group measured and stay in the metric (本科及以上学历, 县级及以上城市, 省级以上表彰集体)',
  decides: ['metric'],
  examples: [
    {
      text: '县级及以上医院门诊量增长7%。',
      gives: [
        { metric: '县级及以上医院门诊量', value: 7, unit: '%', direction: 'up', text: '县级及以上医院门诊量增长7%' },
      ],
    },
    {
      text: '全院获省级以上表彰集体11个。',
      gives: [
        { metric: '获省级以上表彰集体', value: 11, unit: '个', text: '获省级以上表彰集体11个' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市高中阶段教育毛入学率达到98%。',
      gives: [
        { metric: '高中阶段教育毛入学率', value: 98, unit: '%', text: '高中阶段教育毛入学率达到98%' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    if (!w.seenNoun) return 'pass';
    // A grade of government needs no 及 (省级以上), and may qualify a verb (省级以上|表彰|集体).
    const graded = (k: number) => w.lex.thresholdWords.has(at(w, k)?.word ?? '') && w.lex.grade.test(at(w, k + 1)?.word ?? '');
    if (graded(0)) return take(w, w.i - 1);
    if (isVerb(t) && graded(1)) return take(w, w.i - 2);
    if (!w.lex.thresholdWords.has(t.word)) return 'pass';
    const and = at(w, 1);
    const grade = at(w, 2);
    if (and?.word !== '及' || !grade || isNumeral(grade) || isPunct(grade)) return 'pass';
    // …with the number of an age or a size before its unit (60岁及以上).
    return take(w, runStart(w.tokens, w.i - 3, isNumeral));
  },
};

export const averagePerUnit: WalkRule = {
  id: 'phrase.average-per-unit',
  description: 'An average per school, visit, mu or household is part of its measure (校均规模, 次均门诊费用, 亩均税收)',
  decides: ['metric'],
  examples: [
    {
      text: '全县普通高中校均规模为2100人。',
      gives: [
        { metric: '普通高中校均规模', value: 2100, unit: '人', text: '普通高中校均规模为2100人' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县普通高中规模为2100人。',
      gives: [
        { metric: '普通高中规模', value: 2100, unit: '人', text: '普通高中规模为2100人' },
      ],
    },
  ],
  apply(w) {
    const unit = at(w, 1);
    if (at(w)!.word !== '均' || !w.seenNoun || !unit || unit.word.length !== 1 || !/^(?:q|ng|n)$/.test(unit.tag)) return 'pass';
    return take(w, w.i - 1);
  },
};

export const classInTerm: WalkRule = {
  id: 'phrase.class-in-term',
  description: 'A one-character word of class or grade between two nouns belongs to a term (食品烟酒类价格, 汽车类零售额)',
  decides: ['metric'],
  examples: [
    {
      text: '全县医疗保健类价格上涨1.3%。',
      gives: [
        { metric: '医疗保健类价格', value: 1.3, unit: '%', direction: 'up', text: '医疗保健类价格上涨1.3%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县医疗保健价格上涨1.3%。',
      gives: [
        { metric: '医疗保健价格', value: 1.3, unit: '%', direction: 'up', text: '医疗保健价格上涨1.3%' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    const left = at(w, 1);
    return t.tag === 'q' && t.word.length === 1 && w.seenNoun && left && isNounLike(left, w.lex) ? take(w, w.i) : 'pass';
  },
};

export const endTime: WalkRule = {
  id: 'phrase.end-time',
  description: 'A word of time, a number, a date or 来 of a span (五年来) ends the phrase',
  decides: ['metric'],
  examples: [
    {
      text: '去年刑事案件发案数下降9.6%。',
      gives: [
        { metric: '刑事案件发案数', value: 9.6, unit: '%', direction: 'down', text: '刑事案件发案数下降9.6%' },
      ],
    },
    {
      text: '2024年道路交通事故死亡人数下降14.2%。',
      gives: [
        { metric: '道路交通事故死亡人数', value: 14.2, unit: '%', direction: 'down', text: '道路交通事故死亡人数下降14.2%' },
      ],
    },
    {
      text: '两年来城市建成区面积扩大18平方公里。',
      gives: [
        { metric: '城市建成区面积', value: 18, unit: '平方公里', direction: 'up', text: '城市建成区面积扩大18平方公里' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区城市建成区面积扩大18平方公里。',
      gives: [
        { metric: '城市建成区面积', value: 18, unit: '平方公里', direction: 'up', text: '城市建成区面积扩大18平方公里' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    // (A determiner that is also a word of time, 各类, is a determiner.)
    if ((w.lex.timeWords.has(t.word) && !w.lex.determiners.has(t.word)) || t.tag === 't' || /^\d/.test(t.word)) return 'end';
    // 来 after a span of time is "since", which the segmenter leaves as a verb.
    const left = at(w, 1);
    if (t.word === '来' && left && (left.tag === 't' || /[年月天]$/u.test(left.word))) return 'end';
    // 年 after a number is a date's (2025|年|总量).
    return dateBefore(w.tokens, w.i + 1, w.lex) !== w.i + 1 ? 'end' : 'pass';
  },
};

export const determiner: WalkRule = {
  id: 'phrase.determiner',
  description: 'A determiner (各类, 相关) is left out inside a phrase and ends one that has no noun yet',
  decides: ['metric'],
  examples: [
    {
      text: '全县所有行政村通客车率达到100%。',
      gives: [
        { metric: '行政村通客车率', value: 100, unit: '%', text: '行政村通客车率达到100%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县行政村通客车率达到100%。',
      gives: [
        { metric: '行政村通客车率', value: 100, unit: '%', text: '行政村通客车率达到100%' },
      ],
    },
  ],
  apply(w) {
    if (!w.lex.determiners.has(at(w)!.word)) return 'pass';
    if (!w.seenNoun) return 'end';
    w.i--;
    return 'next';
  },
};

export const misreadNoun: WalkRule = {
  id: 'phrase.misread-noun',
  description: 'A one-character conjunction or measure word at the right edge is a noun the tagger misread (枫桥所, 充电桩)',
  decides: ['metric'],
  examples: [
    {
      text: '全县新建共享单车停放桩860个。',
      gives: [
        { metric: '新建共享单车停放桩', value: 860, unit: '个', text: '新建共享单车停放桩860个' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '新建公共充电站126个。',
      gives: [
        { metric: '新建公共充电站', value: 126, unit: '个', text: '新建公共充电站126个' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    return (t.tag === 'c' || t.tag === 'q') && w.kept.length === 0 && t.word.length === 1 ? take(w, w.i, true) : 'pass';
  },
};

export const haveAfterNoun: WalkRule = {
  id: 'phrase.have-after-noun',
  description: '有 between a noun and its count is left out, as 共有 is: the noun is what is counted (规上企业有57家)',
  decides: ['metric'],
  examples: [
    {
      text: '全市规模以上工业企业有1260家。',
      gives: [
        { metric: '规模以上工业企业', value: 1260, unit: '家', text: '规模以上工业企业有1260家' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市有12个乡镇。',
      gives: [
        { metric: '乡镇', value: 12, unit: '个', text: '12个乡镇' },
      ],
    },
  ],
  apply(w) {
    const left = at(w, 1);
    if (w.kept.length || at(w)!.word !== '有' || !left || !isNounLike(left, w.lex) || w.lex.placeWhole.has(left.word)) return 'pass';
    w.i--;
    return 'next';
  },
};

export const endLightVerb: WalkRule = {
  id: 'phrase.end-light-verb',
  description: 'A light verb (实现, 推动, 达到) ends the phrase; one that is also a deed opens a count of it (带动就业)',
  decides: ['metric'],
  examples: [
    {
      text: '全县实现地区生产总值326亿元。',
      gives: [
        { metric: '地区生产总值', value: 32600000000, unit: '元', text: '地区生产总值326亿元' },
      ],
    },
    {
      text: '全年扶持创业4200人，带动就业1.1万人。',
      gives: [
        { metric: '扶持创业', value: 4200, unit: '人', text: '扶持创业4200人' },
        { metric: '带动就业', value: 11000, unit: '人', text: '带动就业1.1万人' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县地区生产总值达到326亿元。',
      gives: [
        { metric: '地区生产总值', value: 32600000000, unit: '元', text: '地区生产总值达到326亿元' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    if (!isVerb(t) || !w.lex.lightVerbs.has(t.word)) return 'pass';
    // A light verb that is also a deed opens a count of what it did (带动就业1.1万人).
    if (w.mode === 'count' && w.kept.length && w.lex.actionVerbs.has(t.word)) take(w, w.i);
    return 'end';
  },
};

export const verbCompound: WalkRule = {
  id: 'phrase.verb-compound',
  description: 'A verb before a one-character noun is part of a compound word (调解室, 服务站)',
  decides: ['metric'],
  examples: [
    {
      text: '全区新建人民调解室86个。',
      gives: [
        { metric: '新建人民调解室', value: 86, unit: '个', text: '新建人民调解室86个' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区新建人民调解委员会86个。',
      gives: [
        { metric: '新建人民调解委员会', value: 86, unit: '个', text: '新建人民调解委员会86个' },
      ],
    },
  ],
  apply(w) {
    const right = w.kept[0];
    return isVerb(at(w)!) && right && isNounLike(right, w.lex) && right.word.length === 1 && w.seenNoun ? take(w, w.i) : 'pass';
  },
};

export const measureVerb: WalkRule = {
  id: 'phrase.measure-verb',
  description: 'In a count, a verb before a bare measure is part of a compound measure of its topic, not the deed (商品房销售面积, 能源重点项目完成投资)',
  decides: ['metric'],
  examples: [
    {
      text: '商品房销售面积32.6万平方米。',
      gives: [
        { metric: '商品房销售面积', value: 326000, unit: '平方米', text: '商品房销售面积32.6万平方米' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县新建住宅36万平方米。',
      gives: [
        { metric: '新建住宅', value: 360000, unit: '平方米', text: '新建住宅36万平方米' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    const left = at(w, 1);
    const { lex } = w;
    if (!isVerb(t) || w.mode !== 'count' || !w.seenNoun || !left || !isNounLike(left, lex) || lex.placeWhole.has(left.word)) return 'pass';
    return lex.measureHeads.includes(w.kept.map((k) => k.word).join('')) ? take(w, w.i) : 'pass';
  },
};

export const verbModifier: WalkRule = {
  id: 'phrase.verb-modifier',
  description: 'In a count, a verb with a noun on its left modifies the thing counted (省级示范社区); only a verb of a deed is the deed',
  decides: ['metric'],
  examples: [
    {
      text: '全市创建省级示范社区12个。',
      gives: [
        { metric: '创建省级示范社区', value: 12, unit: '个', text: '创建省级示范社区12个' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市建成城市公园12个。',
      gives: [
        { metric: '建成城市公园', value: 12, unit: '个', text: '建成城市公园12个' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    const left = at(w, 1);
    if (!isVerb(t) || w.mode !== 'count' || !w.seenNoun || w.lex.actionVerbs.has(t.word) || !left) return 'pass';
    return (isNounLike(left, w.lex) || left.tag === 'b') && !w.lex.placeWhole.has(left.word) ? take(w, w.i) : 'pass';
  },
};

/**
 * Token j is a word the tagger cut off the verb after it (新|签): not the end of a word before
 * it (以旧换|新|拉动).
 */
function isVerbPrefix(w: Walk, j: number): boolean {
  const before = w.tokens[j - 1];
  return j >= 0 && w.lex.verbPrefixes.has(w.tokens[j]!.word) && !(before && /^(?:a|nz)$/.test(before.tag));
}

export const deedVerbs: WalkRule = {
  id: 'phrase.deed-verbs',
  description: 'In a count, the verbs of what was done end the phrase and stay in it, with a negation and verbs joined by 、 (破获刑事案件, 未发现, 遣返、劝返嫌疑人)',
  decides: ['metric'],
  examples: [
    {
      text: '南湾区查获涉毒嫌疑人46名。',
      gives: [
        { metric: '查获涉毒嫌疑人', value: 46, unit: '名', text: '查获涉毒嫌疑人46名' },
      ],
    },
    {
      text: '全年遣返、劝返涉诈人员146名。',
      gives: [
        { metric: '遣返、劝返涉诈人员', value: 146, unit: '名', text: '遣返、劝返涉诈人员146名' },
      ],
    },
    {
      text: '全年新签合同额3200亿元。',
      gives: [
        { metric: '新签合同额', value: 320000000000, unit: '元', text: '新签合同额3200亿元' },
      ],
    },
    {
      text: '消费品以旧换新拉动商品销售额52亿元。',
      gives: [
        { metric: '拉动商品销售额', value: 5200000000, unit: '元', text: '拉动商品销售额52亿元' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区城市公园达到86个。',
      gives: [
        { metric: '城市公园', value: 86, unit: '个', text: '城市公园达到86个' },
      ],
    },
  ],
  apply(w) {
    if (!isVerb(at(w)!) || w.mode !== 'count' || !w.seenNoun) return 'pass';
    const { tokens, lex } = w;
    const deedVerb = (k: number) => k >= 0 && ((isVerb(tokens[k]!) && !lex.lightVerbs.has(tokens[k]!.word)) || lex.negations.has(tokens[k]!.word));
    let j = w.i - 1;
    while (deedVerb(j)) j--;
    while (j >= 1 && tokens[j]!.word === '、' && deedVerb(j - 1)) {
      j--;
      while (deedVerb(j)) j--;
    }
    if (isVerbPrefix(w, j)) j--;
    take(w, j + 1);
    return 'end';
  },
};

export const verb: WalkRule = {
  id: 'phrase.verb',
  description: 'A verb names the measure or deed of its topic (发案, 出口); after a noun it ends the phrase unless a noun or verb stands on its left (消费品零售总额)',
  decides: ['metric'],
  examples: [
    {
      text: '全市外贸出口增长11.2%。',
      gives: [
        { metric: '外贸出口', value: 11.2, unit: '%', direction: 'up', text: '外贸出口增长11.2%' },
      ],
    },
    {
      text: '其中境外新签合同额增长15.3%。',
      gives: [
        { metric: '境外新签合同额', value: 15.3, unit: '%', direction: 'up', text: '境外新签合同额增长15.3%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县森林覆盖率提高到64.1%。',
      gives: [
        { metric: '森林覆盖率', value: 64.1, unit: '%', text: '森林覆盖率提高到64.1%' },
      ],
    },
  ],
  apply(w) {
    if (!isVerb(at(w)!)) return 'pass';
    const { lex } = w;
    const left = at(w, 1);
    const joined =
      left &&
      (isNounLike(left, lex) || lex.negations.has(left.word) || isVerbPrefix(w, w.i - 1) || (isVerb(left) && !lex.lightVerbs.has(left.word)) || (w.list && (left.word === '、' || left.tag === 'c')));
    const seenNoun = w.seenNoun;
    take(w, w.i);
    return seenNoun && !joined ? 'end' : 'next';
  },
};

export const noun: WalkRule = {
  id: 'phrase.noun',
  description: 'A noun or an adjective is part of the phrase',
  decides: ['metric'],
  examples: [
    {
      text: '全市旅游总收入增长14.2%。',
      gives: [
        { metric: '旅游总收入', value: 14.2, unit: '%', direction: 'up', text: '旅游总收入增长14.2%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县新增42个社区警务室。',
      gives: [
        { metric: '新增社区警务室', value: 42, unit: '个', text: '新增42个社区警务室' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    if (isNounLike(t, w.lex)) return take(w, w.i, true);
    return isAdjective(t) ? take(w, w.i) : 'pass';
  },
};

/** A word `test` accepts, between the phrase's nouns: kept (规上工业, 资金预后被骗率). */
function betweenNouns(meta: Omit<RuleMeta, 'decides'>, test: (t: Token, w: Walk) => boolean): WalkRule {
  return {
    ...meta,
    decides: ['metric'],
    apply(w) {
      const left = at(w, 1);
      return test(at(w)!, w) && w.seenNoun && left && isNounLike(left, w.lex) ? take(w, w.i) : 'pass';
    },
  };
}

export const positionInTerm = betweenNouns(
  {
    id: 'phrase.position-in-term',
    description: 'A word of place between two nouns belongs to a term (规上工业, 线上平台)',
    examples: [
      {
        text: '全市电商平台上商户数量增长18.2%。',
        gives: [
          { metric: '电商平台上商户数量', value: 18.2, unit: '%', direction: 'up', text: '电商平台上商户数量增长18.2%' },
        ],
      },
    ],
    counterexamples: [
      {
        text: '全市电商平台商户数量增长18.2%。',
        gives: [
          { metric: '电商平台商户数量', value: 18.2, unit: '%', direction: 'up', text: '电商平台商户数量增长18.2%' },
        ],
      },
    ],
  },
  (t) => t.tag === 'f',
);

export const usedFor: WalkRule = {
  id: 'phrase.used-for',
  description: '用 before what is used is a word with it (用能, 用海, 用地), which the tagger splits as a preposition',
  decides: ['metric'],
  examples: [
    {
      text: '全市单位地区生产总值用能下降3.1%。',
      gives: [
        { metric: '单位地区生产总值用能', value: 3.1, unit: '%', direction: 'down', text: '单位地区生产总值用能下降3.1%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县新增建设用地1200亩。',
      gives: [
        { metric: '新增建设用地', value: 1200, unit: '亩', text: '新增建设用地1200亩' },
      ],
    },
  ],
  apply(w) {
    // …and of the measures of it: 用气量, 用电量.
    return at(w)!.word === '用' && w.kept.length && (w.kept[0]!.word.length === 1 || /^.量$/u.test(w.kept[0]!.word)) ? take(w, w.i, true) : 'pass';
  },
};

export const negation: WalkRule = {
  id: 'phrase.negation',
  description: 'A negation belongs to what it negates (未佩戴头盔的死亡者, 不合格率)',
  decides: ['metric'],
  examples: [
    {
      text: '全区食品抽检不合格率为1.2%。',
      gives: [
        { metric: '食品抽检不合格率', value: 1.2, unit: '%', text: '食品抽检不合格率为1.2%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市未成年人犯罪率下降4.3%。',
      gives: [
        { metric: '未成年人犯罪率', value: 4.3, unit: '%', direction: 'down', text: '未成年人犯罪率下降4.3%' },
      ],
    },
  ],
  apply(w) {
    return w.lex.negations.has(at(w)!.word) && w.kept.length ? take(w, w.i) : 'pass';
  },
};

export const adverbInTerm = betweenNouns(
  {
    id: 'phrase.adverb-in-term',
    description: 'An adverb between two nouns belongs to a term (资金预后被骗率)',
    examples: [
      {
        text: '全区群众再次报警率下降3.6%。',
        gives: [
          { metric: '群众再次报警率', value: 3.6, unit: '%', direction: 'down', text: '群众再次报警率下降3.6%' },
        ],
      },
    ],
    counterexamples: [
      {
        text: '全区群众报警率下降3.6%。',
        gives: [
          { metric: '群众报警率', value: 3.6, unit: '%', direction: 'down', text: '群众报警率下降3.6%' },
        ],
      },
    ],
  },
  (t, w) => t.tag === 'd' && !w.lex.timeWords.has(t.word),
);

export const particle: WalkRule = {
  id: 'phrase.particle',
  description: '的 after a noun or a verb joins it to the noun after (群众的满意率)',
  decides: ['metric'],
  examples: [
    {
      text: '全区群众的满意率达到96.3%。',
      gives: [
        { metric: '群众的满意率', value: 96.3, unit: '%', text: '群众的满意率达到96.3%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区群众满意率达到96.3%。',
      gives: [
        { metric: '群众满意率', value: 96.3, unit: '%', text: '群众满意率达到96.3%' },
      ],
    },
  ],
  apply(w) {
    const left = at(w, 1);
    return at(w)!.word === '的' && w.seenNoun && left && (isNounLike(left, w.lex) || isVerb(left)) ? take(w, w.i) : 'pass';
  },
};

export const conjunction: WalkRule = {
  id: 'phrase.conjunction',
  description: 'A conjunction between nouns joins them (道路和桥梁里程); in a list it may join verbs',
  decides: ['metric'],
  examples: [
    {
      text: '全市公路和桥梁养护里程达到3260公里。',
      gives: [
        { metric: '公路和桥梁养护里程', value: 3260, unit: '公里', text: '公路和桥梁养护里程达到3260公里' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市公路养护里程达到3260公里。',
      gives: [
        { metric: '公路养护里程', value: 3260, unit: '公里', text: '公路养护里程达到3260公里' },
      ],
    },
  ],
  apply(w) {
    const t = at(w)!;
    const left = at(w, 1);
    if (!(t.tag === 'c' || t.word === '、') || !(w.seenNoun || (w.list && w.kept.length)) || !left) return 'pass';
    // (a measure the tagger calls a measure word, 人次, is a noun here)
    const noun = isNounLike(left, w.lex) || w.lex.measureHeads.includes(left.word);
    return (noun || (w.list && isVerb(left))) && !w.lex.placeWhole.has(left.word) ? take(w, w.i) : 'pass';
  },
};

export const end: WalkRule = {
  id: 'phrase.end',
  description: 'Any other word ends the phrase',
  decides: ['metric'],
  examples: [
    {
      text: '该县居民存款余额增长9.1%。',
      gives: [
        { metric: '居民存款余额', value: 9.1, unit: '%', direction: 'up', text: '居民存款余额增长9.1%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全年新建68处村级文化广场。',
      gives: [
        { metric: '新建村级文化广场', value: 68, unit: '处', text: '新建68处村级文化广场' },
      ],
    },
  ],
  apply: () => 'end',
};

/** The rules for each word, in the order they are tried. */
export const WALK_RULES: readonly WalkRule[] = [
  threshold, thresholdClause, classFigure, gradeAndAbove, perCapita, denominatorAlone, footnote, bracketed, unpairedClose, listComma, endEdge, prefix, shareWhole, endPlace,
  serviceNumber, latinTerm, ageGroup, completedMeasure, topicBeforeLightVerb, averagePerUnit, endTime, determiner, misreadNoun, classInTerm,
  haveAfterNoun, endLightVerb, verbCompound, measureVerb, verbModifier, deedVerbs, verb, noun, positionInTerm, usedFor, negation, adverbInTerm, particle, conjunction,
  end,
];

// ---------------------------------------------------------------- once the walk has ended

/** Applies once the walk has ended, to the words kept; says whether it changed anything. */
export type PhraseRule = Rule<Walk>;

export const trim: PhraseRule = {
  id: 'phrase.trim',
  description: 'Function words and punctuation never open or close a metric (的, 和, 了, 、)',
  decides: ['metric'],
  examples: [
    {
      text: '全市的刑事案件发案数下降5.8%。',
      gives: [
        { metric: '刑事案件发案数', value: 5.8, unit: '%', direction: 'down', text: '刑事案件发案数下降5.8%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区刑事案件发案数下降5.8%。',
      gives: [
        { metric: '刑事案件发案数', value: 5.8, unit: '%', direction: 'down', text: '刑事案件发案数下降5.8%' },
      ],
    },
  ],
  apply(w) {
    const words = trimPhrase(w.kept, w.lex);
    if (words.length === w.kept.length) return false;
    w.kept = words;
    return true;
  },
};

export const verbChain: PhraseRule = {
  id: 'phrase.verb-chain',
  description: 'Verbs alone name a deed when no noun does: two or more, or one verb of a deed (组织开展集中学习, 死亡), never words of change alone',
  decides: ['metric'],
  examples: [
    {
      text: '全年累计走访慰问3200户。',
      gives: [
        { metric: '走访慰问', value: 3200, unit: '户', text: '走访慰问3200户' },
      ],
    },
    {
      text: '全区组织开展集中宣讲460场。',
      gives: [
        { metric: '组织开展集中宣讲', value: 460, unit: '场', text: '组织开展集中宣讲460场' },
      ],
    },
  ],
  counterexamples: [
    { text: '增长增长增长5%。', gives: [] },
    {
      text: '全区组织集中宣讲活动460场。',
      gives: [
        { metric: '组织集中宣讲活动', value: 460, unit: '场', text: '组织集中宣讲活动460场' },
      ],
    },
  ],
  apply(w) {
    const { lex } = w;
    if (w.kept.some((t) => isNounLike(t, lex))) return false;
    const verbs = w.kept.filter(isVerb);
    // Words of change alone (增长增长…) name no deed: a metric is never a run of them.
    if (verbs.every((v) => lex.cueWords.has(v.word))) return false;
    return (w.deed = verbs.length >= 2 || (verbs.length === 1 && (lex.actionVerbs.has(verbs[0]!.word) || lex.loneVerbs.has(verbs[0]!.word))));
  },
};

export const placeAhead: PhraseRule = {
  id: 'phrase.place-ahead',
  description: 'A place at the left edge of the phrase names whose figure it is, not what is measured (江屿市第一产业增加值)',
  decides: ['metric', 'subject'],
  examples: [
    {
      text: '南湾区第三产业增加值增长6.2%。',
      gives: [
        { metric: '第三产业增加值', value: 6.2, unit: '%', direction: 'up', subject: '南湾区', text: '第三产业增加值增长6.2%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全区第三产业增加值增长6.2%。',
      gives: [
        { metric: '第三产业增加值', value: 6.2, unit: '%', direction: 'up', subject: '全区', text: '第三产业增加值增长6.2%' },
      ],
    },
    {
      // The tagger calls 广义 a place (NOT_PLACE).
      text: '9月末，广义货币（M2）余额335万亿元。',
      gives: [
        { metric: '广义货币（M2）余额', value: 335000000000000, unit: '元', text: '广义货币（M2）余额335万亿元' },
      ],
    },
  ],
  apply(w) {
    const { lex } = w;
    const ahead = (p: Token[]) => isPlace(p[0]!, lex) || isPlaceName(p[0]!, lex) || (p[0]!.tag === 'x' && lex.placeChars.has(p[1]!.word));
    let applied = false;
    while (w.kept.length > 2 && ahead(w.kept) && isNounLike(w.kept[1]!, lex)) {
      const place = lex.placeChars.has(w.kept[1]!.word) ? 2 : 1;
      w.subject = w.ctx.display(w.kept[0]!.start, w.kept[place - 1]!.end);
      w.kept = w.kept.slice(place);
      applied = true;
    }
    return applied;
  },
};

export const placeAlone: PhraseRule = {
  id: 'phrase.place-alone',
  description: 'A phrase that is only a place or a body names whose figure it is, not what is measured: the metric is carried (最高的青杉市为97.5%)',
  decides: ['metric', 'subject'],
  examples: [
    {
      text: '优良天数比例为92%，最高的青杉市为97.5%。',
      gives: [
        { metric: '优良天数比例', value: 92, unit: '%', text: '优良天数比例为92%' },
        { metric: '优良天数比例', value: 97.5, unit: '%', subject: '青杉市', text: '为97.5%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '优良天数比例为92%，城区为97.5%。',
      gives: [
        { metric: '优良天数比例', value: 92, unit: '%', text: '优良天数比例为92%' },
        { metric: '城区', value: 97.5, unit: '%', text: '城区为97.5%' },
      ],
    },
  ],
  apply(w) {
    if (!w.kept.length) return false;
    const text = joinTokens(w.ctx, w.kept);
    // A name the segmenter cut up (青|杉|市), of a city, county or province: a 区 may be a thing (棚户区, 开发区).
    const last = w.kept[w.kept.length - 1]!;
    const cut = /^(?:ns|nr|nz|x)$/.test(w.kept[0]!.tag) && /^[市县省州]$/u.test(last.word) && /^\p{Script=Han}{2,3}[市县省州]$/u.test(text);
    const whole = w.kept.length === 1 && isPlaceName(last, w.lex) && !/区$/u.test(last.word);
    if (!cut && !whole && !w.lex.placeSubjects.has(text)) return false;
    w.subject = text;
    w.kept = [];
    return true;
  },
};

export const noNoun: PhraseRule = {
  id: 'phrase.no-noun',
  description: 'Words with no noun that name no deed are no metric (大力推进)',
  decides: ['metric'],
  examples: [
    {
      text: '全县工业用电量增长4%，而上年下降2%。',
      gives: [
        { metric: '工业用电量', value: 4, unit: '%', direction: 'up', text: '工业用电量增长4%' },
        { metric: '工业用电量', value: 2, unit: '%', direction: 'down', text: '下降2%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县工业用电量增长4%，农业用电量下降2%。',
      gives: [
        { metric: '工业用电量', value: 4, unit: '%', direction: 'up', text: '工业用电量增长4%' },
        { metric: '农业用电量', value: 2, unit: '%', direction: 'down', text: '农业用电量下降2%' },
      ],
    },
  ],
  apply(w) {
    return !w.kept.length || (!w.deed && !w.kept.some((t) => isNounLike(t, w.lex)));
  },
};

export const tooShort: PhraseRule = {
  id: 'phrase.too-short',
  description: 'One character is no metric',
  decides: ['metric'],
  examples: [
    {
      text: '全区社会用电量上半年增长4.2%，全年总增长6.1%。',
      gives: [
        { metric: '社会用电量', value: 4.2, unit: '%', direction: 'up', text: '社会用电量上半年增长4.2%' },
        { metric: '社会用电量', value: 6.1, unit: '%', direction: 'up', text: '增长6.1%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市居民用电量增长5.3%。',
      gives: [
        { metric: '居民用电量', value: 5.3, unit: '%', direction: 'up', text: '居民用电量增长5.3%' },
      ],
    },
  ],
  apply(w) {
    return [...joinTokens(w.ctx, w.kept)].length < 2;
  },
};

// ---------------------------------------------------------------- the walk

/** How far before a figure the segmenter looks at first, and at most (UTF-16 units). */
const NEAR = 20;
const FAR = 64;

function tryRule(w: Walk, rule: WalkRule): Verdict {
  const verdict = rule.apply(w);
  if (verdict !== 'pass') w.steps.push(rule.id);
  return verdict;
}

function tryPhraseRule(w: Walk, rule: PhraseRule): boolean {
  const applied = rule.apply(w);
  if (applied) w.steps.push(rule.id);
  return applied;
}

/** Reads the words before `end`, from `from` on, right to left; where it stopped, and the phrase. */
function walkBack(ctx: Context, from: number, end: number, mode: PhraseMode, list: boolean): { walk: Walk; phrase: Phrase | null } {
  const w: Walk = { ctx, lex: ctx.lex, tokens: ctx.tokens(from, end), i: 0, kept: [], seenNoun: false, mode, list, steps: [], deed: false };
  w.i = w.tokens.length - 1;
  for (;;) {
    while (w.i >= 0 && (tryRule(w, skipBetween) === 'next' || tryRule(w, periodBetween) === 'next'));
    if (tryRule(w, dateBetween) === 'pass') break;
  }
  while (w.i >= 0) {
    let verdict: Verdict = 'pass';
    for (const rule of WALK_RULES) if ((verdict = tryRule(w, rule)) !== 'pass') break;
    if (verdict === 'end') break;
  }
  const stoppedAt = w.i;
  tryPhraseRule(w, trim);
  tryPhraseRule(w, verbChain);
  tryPhraseRule(w, placeAhead);
  tryPhraseRule(w, placeAlone);
  w.i = stoppedAt;
  if (tryPhraseRule(w, noNoun)) return { walk: w, phrase: w.subject ? { text: '', start: end, end, subject: w.subject } : null };
  if (tryPhraseRule(w, tooShort)) return { walk: w, phrase: null };
  const first = w.kept[0]!;
  const last = w.kept[w.kept.length - 1]!;
  return { walk: w, phrase: { text: joinTokens(ctx, w.kept), start: first.start, end: last.end, subject: w.subject } };
}

/**
 * The noun phrase that ends at `end`, read right to left from there, no further than `from`.
 * In `count` mode the verb of what was done is kept (破获刑事案件); in `measure` mode a verb
 * inside a compound noun is kept (消费品零售总额) and the walk ends after a leading verb.
 */
export function phraseBefore(ctx: Context, from: number, end: number, mode: PhraseMode, list = false): Phrase | null {
  if (end <= from) return null;
  const near = Math.max(from, end - NEAR);
  let read = walkBack(ctx, near, end, mode, list);
  // A walk that ran into the edge of a short window may have been cut: look further back. (The
  // first word of a window cut out of a clause may be part of a word: reaching it is reaching the edge.)
  if (read.walk.i <= 0 && near > from) read = walkBack(ctx, Math.max(from, end - FAR), end, mode, list);
  const steps = [...new Set(read.walk.steps)];
  if (ctx.fired) for (const id of steps) ctx.fired.add(id);
  if (read.phrase) read.phrase.steps = steps;
  return read.phrase;
}
