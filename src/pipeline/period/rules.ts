// The rules that give a figure its period (pass.ts applies them, first that holds), as field
// rules: an id that --explain names with the words that gave it (period.opener (1至6月)), and the
// texts that show each apply and not apply (test/rules.test.ts runs them with the others).
import type { RuleMeta } from '../read/rule.js';

const DATED = '2025年11月18日\n';

export const periodClause: RuleMeta = {
  id: 'period.clause',
  description: 'Words of time before the figure in its own clause (学校数达到120所，全年一般公共预算收入15.8亿元: 全年)',
  decides: ['period'],
  examples: [
    {
      text: `${DATED}全县学校数达到120所，全年一般公共预算收入15.8亿元。`,
      gives: [
        { metric: '学校数', value: 120, unit: '所', period: null, text: '学校数达到120所' },
        { metric: '一般公共预算收入', value: 1580000000, unit: '元', period: { text: '全年', from: '2025', to: '2025' }, text: '一般公共预算收入15.8亿元' },
      ],
    },
  ],
  counterexamples: [
    {
      text: `${DATED}全县一般公共预算收入15.8亿元，比上年增长6.1%。`,
      gives: [
        { metric: '一般公共预算收入', value: 1580000000, unit: '元', period: null, text: '一般公共预算收入15.8亿元' },
        { metric: '一般公共预算收入', value: 6.1, unit: '%', direction: 'up', basis: 'yoy', period: null, text: '比上年增长6.1%' },
      ],
    },
  ],
};

export const periodSentence: RuleMeta = {
  id: 'period.sentence',
  description: 'Words of time earlier in the sentence, up to the last ；, that do not open it (…，全年一般公共预算收入15.8亿元，增长6.1%: 全年)',
  decides: ['period'],
  examples: [
    {
      text: `${DATED}全县学校数达到120所，全年一般公共预算收入15.8亿元，增长6.1%。`,
      gives: [
        { metric: '学校数', value: 120, unit: '所', period: null, text: '学校数达到120所' },
        { metric: '一般公共预算收入', value: 1580000000, unit: '元', period: { text: '全年', from: '2025', to: '2025' }, text: '一般公共预算收入15.8亿元' },
        { metric: '一般公共预算收入', value: 6.1, unit: '%', direction: 'up', period: { text: '全年', from: '2025', to: '2025' }, text: '增长6.1%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: `${DATED}全县学校数达到120所，全年一般公共预算收入15.8亿元；新建公园3座。`,
      gives: [
        { metric: '学校数', value: 120, unit: '所', period: null, text: '学校数达到120所' },
        { metric: '一般公共预算收入', value: 1580000000, unit: '元', period: { text: '全年', from: '2025', to: '2025' }, text: '一般公共预算收入15.8亿元' },
        { metric: '新建公园', value: 3, unit: '座', period: null, text: '新建公园3座' },
      ],
    },
  ],
};

export const periodOpener: RuleMeta = {
  id: 'period.opener',
  description: 'Words of time before the first figure of the sentence hold for all of it (1至6月，全区共立刑事案件862起，同比下降13.2%)',
  decides: ['period'],
  examples: [
    {
      text: `${DATED}1至6月，全区共立刑事案件862起，同比下降13.2%。`,
      gives: [
        { metric: '立刑事案件', value: 862, unit: '起', period: { text: '1至6月', from: '2025-01', to: '2025-06' }, text: '立刑事案件862起' },
        { metric: '立刑事案件', value: 13.2, unit: '%', direction: 'down', basis: 'yoy', period: { text: '1至6月', from: '2025-01', to: '2025-06' }, text: '同比下降13.2%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: `${DATED}全区共立刑事案件862起，1至6月同比下降13.2%。`,
      gives: [
        { metric: '立刑事案件', value: 862, unit: '起', period: null, text: '立刑事案件862起' },
        { metric: '立刑事案件', value: 13.2, unit: '%', direction: 'down', basis: 'yoy', period: { text: '1至6月', from: '2025-01', to: '2025-06' }, text: '同比下降13.2%' },
      ],
    },
  ],
};

export const periodParagraph: RuleMeta = {
  id: 'period.paragraph',
  description: 'Words of time that opened an earlier sentence hold through the rest of its paragraph (1至6月，…862起。破获刑事案件517起: 1至6月)',
  decides: ['period'],
  examples: [
    {
      text: `${DATED}1至6月，全区共立刑事案件862起。破获刑事案件517起。`,
      gives: [
        { metric: '立刑事案件', value: 862, unit: '起', period: { text: '1至6月', from: '2025-01', to: '2025-06' }, text: '立刑事案件862起' },
        { metric: '破获刑事案件', value: 517, unit: '起', period: { text: '1至6月', from: '2025-01', to: '2025-06' }, text: '破获刑事案件517起' },
      ],
    },
  ],
  counterexamples: [
    {
      text: `${DATED}全区新建学校12所。1至6月，全区共立刑事案件862起。\n破获刑事案件517起。`,
      gives: [
        { metric: '新建学校', value: 12, unit: '所', period: null, text: '新建学校12所' },
        { metric: '立刑事案件', value: 862, unit: '起', period: { text: '1至6月', from: '2025-01', to: '2025-06' }, text: '立刑事案件862起' },
        { metric: '破获刑事案件', value: 517, unit: '起', period: null, text: '破获刑事案件517起' },
      ],
    },
  ],
};

export const periodHeading: RuleMeta = {
  id: 'period.heading',
  description: 'The heading of the part, when it names one period (一、2025年工作回顾), through sub-headings that name none',
  decides: ['period'],
  examples: [
    {
      text: '一、2025年工作回顾\n（一）教育\n全县新建学校12所。',
      gives: [{ metric: '新建学校', value: 12, unit: '所', period: { text: '2025年', from: '2025', to: '2025' }, text: '新建学校12所' }],
    },
  ],
  counterexamples: [
    {
      text: '一、“十四五”时期和2025年工作回顾\n全县新建学校12所。',
      gives: [{ metric: '新建学校', value: 12, unit: '所', period: null, text: '新建学校12所' }],
    },
  ],
};

export const periodTitle: RuleMeta = {
  id: 'period.title',
  description: 'The title, when it names the period the report covers (某县2025年上半年工作情况); not a work report’s year, which is when it is delivered',
  decides: ['period'],
  examples: [
    {
      text: '某县2025年上半年工作情况\n\n全县新建学校12所。',
      gives: [{ metric: '新建学校', value: 12, unit: '所', period: { text: '2025年上半年', from: '2025-01', to: '2025-06' }, text: '新建学校12所' }],
    },
  ],
  counterexamples: [
    {
      text: '某县2026年政府工作报告\n\n全县新建学校12所。',
      gives: [{ metric: '新建学校', value: 12, unit: '所', period: null, text: '新建学校12所' }],
    },
  ],
};

export const periodOpening: RuleMeta = {
  id: 'period.opening',
  description: 'The opening line, when it starts with a period (2025年，全县…), for what names no other',
  decides: ['period'],
  examples: [
    {
      text: '某县工作情况\n\n2025年，全县新建学校12所。\n\n全县新建公园3座。',
      gives: [
        { metric: '新建学校', value: 12, unit: '所', period: { text: '2025年', from: '2025', to: '2025' }, text: '新建学校12所' },
        { metric: '新建公园', value: 3, unit: '座', period: { text: '2025年', from: '2025', to: '2025' }, text: '新建公园3座' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '某县工作情况\n\n全县新建学校12所，2025年新建公园3座。\n\n全县新增绿地5处。',
      gives: [
        { metric: '新建学校', value: 12, unit: '所', period: null, text: '新建学校12所' },
        { metric: '新建公园', value: 3, unit: '座', period: { text: '2025年', from: '2025', to: '2025' }, text: '新建公园3座' },
        { metric: '新增绿地', value: 5, unit: '处', period: null, text: '新增绿地5处' },
      ],
    },
  ],
};

export const periodNone: RuleMeta = {
  id: 'period.none',
  description: 'No words of time in the sentence, its paragraph, its heading, the title or the opening line: no period',
  decides: ['period'],
  examples: [{ text: '全县新建学校12所。', gives: [{ metric: '新建学校', value: 12, unit: '所', period: null, text: '新建学校12所' }] }],
  counterexamples: [
    {
      text: '全年全县新建学校12所。',
      gives: [{ metric: '新建学校', value: 12, unit: '所', period: { text: '全年', from: null, to: null }, text: '新建学校12所' }],
    },
  ],
};
