// Ellipsis and carrying: a figure whose clause names no metric goes on with the one before
// (盗窃案件破案率达67.1%，同比上升…), and a bare measure takes the modifier it leaves out
// (刑事案件发案数下降39.2%，破案率上升… is about 刑事案件破案率).
import type { Lexicon } from '../lexicon.js';
import { decide, type Draft } from './reading.js';
import type { Rule } from './rule.js';
import { wordsOf } from './words.js';

/**
 * A metric carried to a level drops the deed at its edges, a whole word: 案例新增9个、累计达到
 * 79个 -> 案例; 生产总值 keeps its 生产.
 */
export function withoutDeed(metric: string, lex: Lexicon): string {
  const parts = wordsOf(metric);
  if (parts.length < 2) return metric;
  if (lex.actionVerbs.has(parts[0]!)) return parts.slice(1).join('');
  if (lex.actionVerbs.has(parts[parts.length - 1]!)) return parts.slice(0, -1).join('');
  return metric;
}

function named(d: Draft, rule: Rule<Draft>, name: string, members?: string[]): true {
  d.name = name;
  if (members) d.members = members;
  decide(d.s.ctx, d.rules, rule, 'metric');
  return true;
}

export const carryList: Rule<Draft> = {
  id: 'carry.list',
  description: 'A figure with no metric goes on with the list of the previous clause, with 分别 or with as many values as it has members; one value with 均 is each member’s',
  decides: ['metric'],
  examples: [
    {
      text: '工业和服务业增加值分别为210亿元、380亿元，分别增长6%、8%。',
      gives: [
        { metric: '工业增加值', value: 21000000000, unit: '元', text: '工业和服务业增加值分别为210亿元' },
        { metric: '服务业增加值', value: 38000000000, unit: '元', text: '分别为210亿元、380亿元' },
        { metric: '工业增加值', value: 6, unit: '%', direction: 'up', text: '分别增长6%' },
        { metric: '服务业增加值', value: 8, unit: '%', direction: 'up', text: '分别增长6%、8%' },
      ],
    },
    {
      text: '进口和出口分别为120亿元、90亿元，增长5%、7%。',
      gives: [
        { metric: '进口', value: 12000000000, unit: '元', text: '进口和出口分别为120亿元' },
        { metric: '出口', value: 9000000000, unit: '元', text: '分别为120亿元、90亿元' },
        { metric: '进口', value: 5, unit: '%', direction: 'up', text: '增长5%' },
        { metric: '出口', value: 7, unit: '%', direction: 'up', text: '增长5%、7%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '工业增加值为210亿元，增长6%、8%。',
      gives: [
        { metric: '工业增加值', value: 21000000000, unit: '元', text: '工业增加值为210亿元' },
        { metric: '工业增加值', value: 6, unit: '%', direction: 'up', text: '增长6%' },
        { metric: '工业增加值', value: 8, unit: '%', direction: 'up', text: '增长6%、8%' },
      ],
    },
  ],
  apply(d) {
    const members = d.s.lastMembers;
    if (d.name || !members || !(d.respective || d.values === members.length)) return false;
    // One value with 均 (…，均高于95%) is each member's.
    d.eachMember = d.respective && d.values === 1;
    return named(d, carryList, members[0]!, members);
  },
};

export const carryWithoutDeed: Rule<Draft> = {
  id: 'carry.metric-without-deed',
  description: 'A level with no metric goes on with the previous one without its verb (新增案例9个、累计达到79个: 案例); a change keeps it (新增企业12家，同比增长20%)',
  decides: ['metric'],
  examples: [
    {
      text: '全年新增就业岗位3200个，累计达到2.1万个。',
      gives: [
        { metric: '新增就业岗位', value: 3200, unit: '个', text: '新增就业岗位3200个' },
        { metric: '就业岗位', value: 21000, unit: '个', text: '累计达到2.1万个' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '社区戒毒人员达到860人，同比下降9%。',
      gives: [
        { metric: '社区戒毒人员', value: 860, unit: '人', text: '社区戒毒人员达到860人' },
        { metric: '社区戒毒人员', value: 9, unit: '%', direction: 'down', basis: 'yoy', text: '同比下降9%' },
      ],
    },
  ],
  apply(d) {
    const last = d.s.lastMetric;
    if (d.name || !last || d.figure.kind !== 'level') return false;
    const carried = withoutDeed(last, d.s.ctx.lex);
    return carried !== last && named(d, carryWithoutDeed, carried);
  },
};

export const carryPastShare: Rule<Draft> = {
  id: 'carry.past-share',
  description: 'A change in per cent after a share of the metric before goes on with that metric, not the share, which changes in points (收入28亿元，占全市的12%，增长5.2%)',
  decides: ['metric'],
  examples: [
    {
      text: '全县一般公共预算收入28亿元，占全市的12%，增长5.2%。',
      gives: [
        { metric: '一般公共预算收入', value: 2800000000, unit: '元', text: '一般公共预算收入28亿元' },
        { metric: '一般公共预算收入占全市', value: 12, unit: '%', text: '占全市的12%' },
        { metric: '一般公共预算收入', value: 5.2, unit: '%', direction: 'up', text: '增长5.2%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '第三产业增加值2100亿元，占地区生产总值比重为54.4%，比上年提高0.5个百分点。',
      gives: [
        { metric: '第三产业增加值', value: 210000000000, unit: '元', text: '第三产业增加值2100亿元' },
        { metric: '第三产业增加值占地区生产总值比重', value: 54.4, unit: '%', text: '占地区生产总值比重为54.4%' },
        { metric: '第三产业增加值占地区生产总值比重', value: 0.5, unit: '百分点', direction: 'up', basis: 'yoy', text: '比上年提高0.5个百分点' },
      ],
    },
  ],
  apply(d) {
    const owner = d.s.previous?.reading.owner;
    return !d.name && owner !== undefined && d.figure.kind === 'change' && d.unit === '%' && named(d, carryPastShare, owner);
  },
};

export const carryMetric: Rule<Draft> = {
  id: 'carry.metric',
  description: 'A figure whose clause names no metric goes on with the previous one (破案率达67.1%，同比上升…)',
  decides: ['metric'],
  examples: [
    {
      text: '全区盗窃案件破案率达67.1%，同比上升4.2个百分点。',
      gives: [
        { metric: '盗窃案件破案率', value: 67.1, unit: '%', text: '盗窃案件破案率达67.1%' },
        { metric: '盗窃案件破案率', value: 4.2, unit: '百分点', direction: 'up', basis: 'yoy', text: '同比上升4.2个百分点' },
      ],
    },
    {
      text: '电诈案件发案率为0.15%，低于全国（0.31%）和全省（0.26%）水平。',
      gives: [
        { metric: '电诈案件发案率', value: 0.15, unit: '%', text: '电诈案件发案率为0.15%' },
        { metric: '电诈案件发案率', value: 0.31, unit: '%', subject: '全国', text: '全国（0.31%）' },
        { metric: '电诈案件发案率', value: 0.26, unit: '%', subject: '全省', text: '全省（0.26%）' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '新建农村公路120公里，改造危桥15座。',
      gives: [
        { metric: '新建农村公路', value: 120, unit: '公里', text: '新建农村公路120公里' },
        { metric: '改造危桥', value: 15, unit: '座', text: '改造危桥15座' },
      ],
    },
  ],
  apply(d) {
    const last = d.s.lastMetric;
    return !d.name && !!last && named(d, carryMetric, last);
  },
};

export const carryAverage: Rule<Draft> = {
  id: 'carry.average',
  description: 'An average over time alone before a count or a level (日均235起) is of the metric carried to it, and stays in its name (日均接报警情)',
  decides: ['metric'],
  examples: [
    {
      text: '全年共接报警情8.6万起，日均235起。',
      gives: [
        { metric: '接报警情', value: 86000, unit: '起', text: '接报警情8.6万起' },
        { metric: '日均接报警情', value: 235, unit: '起', text: '日均235起' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全年共接报警情8.6万起，日均增长3%。',
      gives: [
        { metric: '接报警情', value: 86000, unit: '起', text: '接报警情8.6万起' },
        { metric: '接报警情', value: 3, unit: '%', direction: 'up', text: '日均增长3%' },
      ],
    },
  ],
  apply(d) {
    const last = d.s.lastMetric;
    const average = d.phrase?.text;
    if (d.name || !last || !average || !d.s.ctx.lex.timeAverages.has(average) || d.figure.kind === 'change' || last.startsWith(average)) return false;
    return named(d, carryAverage, average + last);
  },
};

export const carryOwner: Rule<Draft> = {
  id: 'carry.owner',
  description: 'A noun of what an owner has, named alone (支出, 床位, 在校生), takes the owner the previous metric names: its measure replaced (政府性基金预算收入…；支出 → 政府性基金预算支出), or the thing itself (医养结合机构58家，床位… → 医养结合机构床位)',
  decides: ['metric'],
  examples: [
    {
      text: '全区政府性基金预算收入42亿元，支出38.5亿元。',
      gives: [
        { metric: '政府性基金预算收入', value: 4200000000, unit: '元', text: '政府性基金预算收入42亿元' },
        { metric: '政府性基金预算支出', value: 3850000000, unit: '元', text: '支出38.5亿元' },
      ],
    },
    {
      text: '全县养老机构36家，床位4200张。',
      gives: [
        { metric: '养老机构', value: 36, unit: '家', text: '养老机构36家' },
        { metric: '养老机构床位', value: 4200, unit: '张', text: '床位4200张' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全县在校学生5.2万人，专任教师3600人。',
      gives: [
        { metric: '在校学生', value: 52000, unit: '人', text: '在校学生5.2万人' },
        { metric: '专任教师', value: 3600, unit: '人', text: '专任教师3600人' },
      ],
    },
    {
      text: '全区养老机构36家，护理型床位占比达到60%。',
      gives: [
        { metric: '养老机构', value: 36, unit: '家', text: '养老机构36家' },
        { metric: '护理型床位占比', value: 60, unit: '%', text: '护理型床位占比达到60%' },
      ],
    },
  ],
  apply(d) {
    const previous = lender(d);
    const lex = d.s.ctx.lex;
    if (previous === null || !lex.ownedNouns.has(d.name)) return false;
    // The longest measure the previous metric ends with is its head, which this noun replaces.
    const head = lex.measureHeads.find((h) => previous.endsWith(h));
    if (head && previous.length <= head.length + 1) return false;
    const owner = withoutDeed(head ? previous.slice(0, previous.length - head.length) : previous, lex);
    // People own no staff (在校学生52.3万人，专任教师3.6万人: the teachers are the schools').
    if (lex.peopleNouns.some((p) => owner.endsWith(p))) return false;
    return [...owner].length >= 2 && !owner.endsWith(d.name) && named(d, carryOwner, owner + d.name);
  },
};

export const carryCasualty: Rule<Draft> = {
  id: 'carry.casualty',
  description: 'People who died or were hurt in the events counted just before are the deaths or injuries of those events (道路运输事故121起、死亡102人 → 道路运输事故死亡人数; 火灾2147起，亡4人、伤7人)',
  decides: ['metric'],
  examples: [
    {
      text: '全年发生较大事故2起、死亡7人。',
      gives: [
        { metric: '发生较大事故', value: 2, unit: '起', text: '发生较大事故2起' },
        { metric: '较大事故死亡人数', value: 7, unit: '人', text: '死亡7人' },
      ],
    },
    {
      text: '接报火灾2147起，亡4人、伤7人，直接财产损失1862万元。',
      gives: [
        { metric: '接报火灾', value: 2147, unit: '起', text: '接报火灾2147起' },
        { metric: '火灾死亡人数', value: 4, unit: '人', text: '4人' },
        { metric: '火灾受伤人数', value: 7, unit: '人', text: '7人' },
        { metric: '直接财产损失', value: 18620000, unit: '元', text: '直接财产损失1862万元' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全年发生较大事故2起，救助群众7人。',
      gives: [
        { metric: '发生较大事故', value: 2, unit: '起', text: '发生较大事故2起' },
        { metric: '救助群众', value: 7, unit: '人', text: '救助群众7人' },
      ],
    },
  ],
  apply(d) {
    const previous = d.s.previous?.reading;
    if (!previous || d.unit !== '人') return false;
    const { text, lex } = d.s.ctx;
    const word = /^[、，,]?(?:造成|致)?(\p{Script=Han}{1,2})$/u.exec(text.slice(previous.figure.quantity.end, d.figure.cueStart))?.[1];
    const measure = word === undefined ? undefined : lex.casualtyWords.get(word);
    if (!measure) return false;
    // The events: the figure before, or the one before the other casualties listed with this one.
    const { readings } = d.s;
    const measures = new Set(lex.casualtyWords.values());
    let k = readings.length - 1;
    while (k >= 0 && [...measures].some((m) => readings[k]!.metric.endsWith(m))) k--;
    const events = readings[k];
    if (!events || events.unit !== '起') return false;
    // The events' deed (发生, 接报) is no part of what befell their people.
    const owner = withoutDeed(events.metric, lex).replace(/^(?:发生|接报|共发生|累计发生)/u, '');
    d.members = undefined;
    return [...owner].length >= 2 && named(d, carryCasualty, owner + measure);
  },
};

const PLAN_SHARE = /^(?:(?:完成|为|占)(?:调整|年度|全年)?)?(?:预算|计划|年度计划|目标任务|目标)$/u;

export const carryPlanShare: Rule<Draft> = {
  id: 'carry.plan-share',
  description: 'How much of its budget or plan a metric reached (收入412亿元，完成预算的101.8%) is that metric’s, an aside: the figures after it go on with the metric (…，同口径增长3.6%)',
  decides: ['metric'],
  examples: [
    {
      text: '全县一般公共预算收入28亿元，完成预算的103%，增长5.2%。',
      gives: [
        { metric: '一般公共预算收入', value: 2800000000, unit: '元', text: '一般公共预算收入28亿元' },
        { metric: '一般公共预算收入完成预算', value: 103, unit: '%', text: '完成预算的103%' },
        { metric: '一般公共预算收入', value: 5.2, unit: '%', direction: 'up', text: '增长5.2%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全年完成造林面积3万亩。',
      gives: [
        { metric: '完成造林面积', value: 30000, unit: '亩', text: '完成造林面积3万亩' },
      ],
    },
  ],
  apply(d) {
    const previous = lender(d);
    if (!previous || d.unit !== '%' || !PLAN_SHARE.test(d.name)) return false;
    d.aside = true;
    return named(d, carryPlanShare, previous + d.name);
  },
};

/** What may open a sentence that goes on with the metric of the one before: 分季度看, 其中, periods. */
const BY_PERIOD = /^(?:分季度看|分季度|分月看|分月份看|从季度看)/u;
const OPENS_CONTINUATION = /^(?:[，,：:\s]|分季度看|分月份看|分月看|分季度|其中|同时|此外|另外|首次|再次|全年|今年以来|当月|[一二三四五六七八九十\d]+月份?|前?[一二三四]季度|[上下]半年|\d{1,2}[—\-－~至]\d{1,2}月)*$/u;

export const carryPreviousSentence: Rule<Draft> = {
  id: 'carry.previous-sentence',
  description: 'A rate or change in % or points that opens its sentence (after a period or 其中) and names no metric goes on with the last metric of the sentence before it in the paragraph (…增长5.2%。分季度看，一季度增长5.0%)',
  decides: ['metric'],
  examples: [
    {
      text: '全市地区生产总值增长5.6%。分季度看，一季度增长5.2%。',
      gives: [
        { metric: '地区生产总值', value: 5.6, unit: '%', direction: 'up', text: '地区生产总值增长5.6%' },
        { metric: '地区生产总值', value: 5.2, unit: '%', direction: 'up', text: '增长5.2%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全市地区生产总值增长5.6%。增长1.2万人。',
      gives: [
        { metric: '地区生产总值', value: 5.6, unit: '%', direction: 'up', text: '地区生产总值增长5.6%' },
      ],
    },
    {
      text: '全市地区生产总值增长5.6%。全市粮食产量增长2%。',
      gives: [
        { metric: '地区生产总值', value: 5.6, unit: '%', direction: 'up', text: '地区生产总值增长5.6%' },
        { metric: '粮食产量', value: 2, unit: '%', direction: 'up', text: '粮食产量增长2%' },
      ],
    },
  ],
  apply(d) {
    if (d.name || d.s.lastMetric || !d.s.ctx.lex.rateUnits.has(d.unit)) return false;
    const opening = d.s.ctx.text.slice(d.s.sentence.start, d.phraseEnd);
    // A breakdown by quarter or month (分季度看) is of the paragraph's headline figure.
    const before = BY_PERIOD.test(opening) ? d.s.paragraphHead : d.s.metricBefore;
    return before !== null && OPENS_CONTINUATION.test(opening) && named(d, carryPreviousSentence, before);
  },
};

/**
 * The metric before, when it can lend a word to this one (not when it already ends with it);
 * `acrossSentences`: the one of the sentence before, when this sentence has none yet.
 */
function lender(d: Draft, acrossSentences = false): string | null {
  const previous = d.s.lastMetric ?? (acrossSentences ? d.s.metricBefore : null);
  return previous && !previous.endsWith(d.name) ? previous : null;
}

export const carryTotal: Rule<Draft> = {
  id: 'carry.total',
  description: 'A total named alone is the total of what the previous metric counted (新增文明村镇15个，总数达到96个)',
  decides: ['metric'],
  examples: [
    {
      text: '全市新增文明家庭300户，总量达到2100户。',
      gives: [
        { metric: '新增文明家庭', value: 300, unit: '户', text: '新增文明家庭300户' },
        { metric: '文明家庭总量', value: 2100, unit: '户', text: '总量达到2100户' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '新增林地6000亩，森林覆盖率提高到41%。',
      gives: [
        { metric: '新增林地', value: 6000, unit: '亩', text: '新增林地6000亩' },
        { metric: '森林覆盖率', value: 41, unit: '%', text: '森林覆盖率提高到41%' },
      ],
    },
  ],
  apply(d) {
    const previous = lender(d);
    return previous !== null && d.s.ctx.lex.totalWords.has(d.name) && named(d, carryTotal, withoutDeed(previous, d.s.ctx.lex) + d.name);
  },
};

export const carryRateOfChange: Rule<Draft> = {
  id: 'carry.rate-of-change',
  description: 'A rate of change named alone (增速高于全省…) is the previous metric’s',
  decides: ['metric'],
  examples: [
    {
      text: '全市市场主体达到32万户，增速高于全省2个百分点。',
      gives: [
        { metric: '市场主体', value: 320000, unit: '户', text: '市场主体达到32万户' },
        { metric: '市场主体增速', value: 2, unit: '百分点', direction: 'up', basis: '全省', text: '增速高于全省2个百分点' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '农村集体经济收入增长12%，增幅居全市第一。',
      gives: [
        { metric: '农村集体经济收入', value: 12, unit: '%', direction: 'up', text: '农村集体经济收入增长12%' },
      ],
    },
  ],
  apply(d) {
    const previous = lender(d);
    return previous !== null && d.s.ctx.lex.rateWords.has(d.name) && named(d, carryRateOfChange, previous + d.name);
  },
};

export const carryModifier: Rule<Draft> = {
  id: 'carry.modifier',
  description: 'A bare rate or count (破案率, 破案数) takes the modifier of the previous metric of the same thing (刑事案件发案数…，破案率 → 刑事案件破案率)',
  decides: ['metric'],
  examples: [
    {
      text: '刑事案件发案数下降6%，破案数上升9%。',
      gives: [
        { metric: '刑事案件发案数', value: 6, unit: '%', direction: 'down', text: '刑事案件发案数下降6%' },
        { metric: '刑事案件破案数', value: 9, unit: '%', direction: 'up', text: '破案数上升9%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '全年出生人口32.1万人，出生率6.85‰。',
      gives: [
        { metric: '出生人口', value: 321000, unit: '人', text: '出生人口32.1万人' },
        { metric: '出生率', value: 6.85, unit: '‰', text: '出生率6.85‰' },
      ],
    },
    {
      text: '全市禁毒工作成效明显，吸毒人员数同比下降12%，戒断率达到88%。',
      gives: [
        { metric: '吸毒人员数', value: 12, unit: '%', direction: 'down', basis: 'yoy', text: '吸毒人员数同比下降12%' },
        { metric: '戒断率', value: 88, unit: '%', text: '戒断率达到88%' },
      ],
    },
  ],
  apply(d) {
    const previous = lender(d);
    const { name } = d;
    const lex = d.s.ctx.lex;
    // Not from a list of several metrics (审结、执结), which has no one modifier to lend.
    if (previous === null || !/[率数]$/u.test(name) || [...name].length > 3 || /[、和及与]/u.test(previous)) return false;
    const head = lex.measureHeads.find((h) => previous.endsWith(h) && previous.length > h.length + 1);
    const modifier = withoutDeed(head ? previous.slice(0, previous.length - head.length) : previous, lex);
    // Not from a measure, a deed (查处4.3万起，查处率…) or a word the metric already starts with,
    // nor to a rate the previous metric starts with (出生人口…，出生率: the births' own rate).
    if (!modifier || /[率数]$/u.test(modifier) || [...modifier].length <= 2 || name.startsWith(modifier) || previous.startsWith(name.slice(0, -1))) return false;
    // Only a measure of the same thing: 破案率 after 刑事案件…, not 入学率 after 参保率.
    const shares = [...name.slice(0, -1)].some((c) => c !== '人' && previous.includes(c));
    return shares && named(d, carryModifier, modifier + name);
  },
};
