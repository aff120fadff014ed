// Targets: a figure is a goal, plan or forecast in a part of a report about plans, after a word
// of plan in its sentence (预期目标, 力争, 将, 要 before the verb of a goal), or by its pattern.
import type { Sentence } from '../clauses.js';
import { decide, type Reading, type SentenceReading } from './reading.js';
import type { Rule } from './rule.js';
import type { Context } from './words.js';

interface Targeting {
  ctx: Context;
  sentence: Sentence;
  r: Reading;
  /** where the sentence's first word of plan ends, and its first 确保 (Infinity: none) */
  cueAt: number;
  levelCueAt: number;
}

function targeted(o: Targeting, rule: Rule<Targeting>, holds: boolean): boolean {
  if (holds) decide(o.ctx, o.r.rules, rule, 'target');
  return holds;
}

export const targetOfPattern: Rule<Targeting> = {
  id: 'target.pattern',
  description: 'A pattern that reads only goals makes its figure one',
  decides: ['target'],
  examples: [
    {
      text: '公司全年营业收入指引为120亿元。',
      gives: [
        { metric: '营业收入', value: 12000000000, unit: '元', target: true, text: '营业收入指引为120亿元' },
      ],
      withRulePatterns: true,
    },
  ],
  counterexamples: [
    {
      text: '公司全年营业收入为120亿元。',
      gives: [
        { metric: '营业收入', value: 12000000000, unit: '元', text: '营业收入为120亿元' },
      ],
      withRulePatterns: true,
    },
  ],
  apply: (o) => targeted(o, targetOfPattern, o.r.figure.pattern.target === true),
};

export const planPart: Rule<Targeting> = {
  id: 'target.plan-part',
  description: 'A figure in a part of the report about plans (after a heading such as 2026年工作安排, or a sentence stating the goals) is a target',
  decides: ['target'],
  examples: [
    {
      text: '二、2026年工作安排\n全年新建城市公园8座。',
      gives: [
        { metric: '新建城市公园', value: 8, unit: '座', target: true, text: '新建城市公园8座' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '一、2025年工作回顾\n全年新建城市公园8座。',
      gives: [
        { metric: '新建城市公园', value: 8, unit: '座', text: '新建城市公园8座' },
      ],
    },
  ],
  apply: (o) => targeted(o, planPart, o.sentence.plan),
};

export const planWord: Rule<Targeting> = {
  id: 'target.cue',
  description: 'A word of plan earlier in the sentence (预期目标, 力争, 预计, 到2030年, 将/要 before the verb of a goal) makes the figures after it targets',
  decides: ['target'],
  examples: [
    {
      text: '力争新增市场主体1万户。',
      gives: [
        { metric: '新增市场主体', value: 10000, unit: '户', target: true, text: '新增市场主体1万户' },
      ],
    },
    {
      text: '全年接待游客预计突破5000万人次。',
      gives: [
        { metric: '接待游客', value: 50000000, unit: '人次', qualifier: 'over', target: true, text: '接待游客预计突破5000万人次' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '去年新增市场主体1万户。',
      gives: [
        { metric: '新增市场主体', value: 10000, unit: '户', text: '新增市场主体1万户' },
      ],
    },
  ],
  apply: (o) => targeted(o, planWord, o.cueAt <= o.r.figure.quantity.start),
};

export const ensureLevel: Rule<Targeting> = {
  id: 'target.cue-level',
  description: '确保 before a level, a change or a bounded count sets a goal (确保发案数下降5%); before a bare count it says what was done',
  decides: ['target'],
  examples: [
    {
      text: '确保全年新增城镇就业5000人以上。',
      gives: [
        { metric: '新增城镇就业', value: 5000, unit: '人', qualifier: 'over', target: true, text: '新增城镇就业5000人以上' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '确保242场次大型赛事活动安全。',
      gives: [
        { metric: '大型赛事活动安全', value: 242, unit: '场次', text: '242场次大型赛事活动安全' },
      ],
    },
  ],
  apply(o) {
    const { figure } = o.r;
    return targeted(o, ensureLevel, (figure.kind !== 'count' || figure.quantity.post !== null) && o.levelCueAt <= figure.quantity.start);
  },
};

// …a goal named in full, not one that qualifies what follows (285个计划新开工项目).
const GOAL_AFTER = /^(?:的)?(?:年度|全年|规划|省定|市定|国家|预期|既定)?(?:目标任务|目标|计划)(?=[，,。；;、的）)]|$)/u;

/** Whether the text after a figure names it the value of a goal (…27%的省定目标). */
export function namesGoalAfter(text: string, end: number): boolean {
  return GOAL_AFTER.test(text.slice(end, end + 8));
}

export const goalValue: Rule<Targeting> = {
  id: 'target.goal-value',
  description: 'A figure written as the value of a goal or plan (下降14.5%的规划目标, 低于27%的省定目标, 65万人目标任务) is a target, whether it was met or not',
  decides: ['target'],
  examples: [
    {
      text: '全县个人卫生支出占卫生总费用的比重为26.1%，低于27%的省定目标。',
      gives: [
        { metric: '个人卫生支出占卫生总费用的比重', value: 26.1, unit: '%', text: '个人卫生支出占卫生总费用的比重为26.1%' },
        { metric: '个人卫生支出占卫生总费用的比重', value: 27, unit: '%', qualifier: 'under', target: true, text: '27%' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '285个计划新开工项目全部开工。',
      gives: [
        { metric: '计划新开工项目开工', value: 285, unit: '个', text: '285个计划新开工项目全部开工' },
      ],
    },
  ],
  apply(o) {
    return targeted(o, goalValue, namesGoalAfter(o.ctx.text, o.r.figure.quantity.end));
  },
};

export const noTarget: Rule<Targeting> = {
  id: 'target.none',
  description: 'Any other figure is a result',
  decides: ['target'],
  examples: [
    {
      text: '全区新增城镇就业5000人。',
      gives: [
        { metric: '新增城镇就业', value: 5000, unit: '人', text: '新增城镇就业5000人' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '力争全区新增城镇就业5000人。',
      gives: [
        { metric: '新增城镇就业', value: 5000, unit: '人', target: true, text: '新增城镇就业5000人' },
      ],
    },
  ],
  apply: (o) => targeted(o, noTarget, true),
};

export const TARGET_RULES: readonly Rule<Targeting>[] = [targetOfPattern, planPart, planWord, ensureLevel, goalValue, noTarget];

/** Where the first match of `re` in `text` ends, counted from `offset`; Infinity if none. */
function endOfMatch(re: RegExp, text: string, offset: number): number {
  const m = re.exec(text);
  return m ? offset + m.index + m[0].length : Infinity;
}

export function decideTargets(s: SentenceReading): void {
  const { ctx, sentence } = s;
  // Where the sentence first names a plan: figures after it are targets. Found once, not per figure.
  const sentenceText = ctx.text.slice(sentence.start, sentence.end);
  const cueAt = endOfMatch(ctx.lex.targetCue, sentenceText, sentence.start);
  const levelCueAt = endOfMatch(ctx.lex.targetCueLevel, sentenceText, sentence.start);
  for (const r of s.readings) {
    const o: Targeting = { ctx, sentence, r, cueAt, levelCueAt };
    r.target = TARGET_RULES.findIndex((rule) => rule.apply(o)) < TARGET_RULES.length - 1;
  }
}
