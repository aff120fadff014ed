import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/pipeline/clauses.js';

const sections = { plan: /工作安排|主要目标|十五五/u, review: /工作回顾|十四五/u, planSentence: /主要预期目标/u };

describe('splitSentences', () => {
  it('splits sentences, segments and clauses', () => {
    const text = '甲增长5%，乙下降3%；丙为2个。丁达到4家';
    const s = splitSentences(text, sections).sentences;
    expect(s).toHaveLength(2);
    expect(s[0]!.segments.map((g) => g.clauses.map((c) => text.slice(c.start, c.end)))).toEqual([
      ['甲增长5%', '乙下降3%'],
      ['丙为2个'],
    ]);
  });
  it('marks the sentences under a heading about plans, until a heading about results', () => {
    const text = '一、工作回顾\n新增公园12座。\n二、2026年工作安排\n新增公园20座。\n三、工作回顾\n新建学校3所。';
    const s = splitSentences(text, sections).sentences;
    expect(s.map((x) => [x.heading, x.plan])).toEqual([
      [true, false], [false, false], [true, false], [false, true], [true, false], [false, false],
    ]);
  });

  it('leaves the part as it was under a heading about both, and starts the plan at a sentence of goals', () => {
    const text = '二、“十四五”发展成就和“十五五”主要目标\n五年新增公园80座。\n三、奋力开新局\n新增公园5座。今年主要预期目标是：新增公园20座。新建学校3所。';
    const s = splitSentences(text, sections).sentences;
    expect(s.map((x) => x.plan)).toEqual([false, false, false, false, true, true]);
  });

  it('lets a numbered heading open the plan even at the start of an excerpt, but not a title', () => {
    expect(splitSentences('三、2026年工作安排\n新增公园20座。', sections).sentences.map((x) => x.plan)).toEqual([false, true]);
    expect(splitSentences('“十五五”规划纲要解读\n前三季度新增公园20座。', sections).sentences.map((x) => x.plan)).toEqual([false, false]);
  });
});
