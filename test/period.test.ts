// The period of each indicator and the document's date (docs/period.md): the examples and
// counterexamples of patterns/vocabulary/periods.yaml, where the date is read from, and a
// period carried from a heading and through a paragraph across the cut between two chunks.
import { describe, expect, it } from 'vitest';
import { builtinExtractor, extract } from '../src/index.js';
import { collect, documentFromBytes, streamBlocks } from '../src/document.js';
import { CHUNK_SIZE } from '../src/pipeline/extract.js';
import { readDocumentDate, DateReader } from '../src/pipeline/period/date.js';
import { expectGrounded } from './helpers.js';
import { samePeriod } from '../scripts/score-periods.mjs';

const { periods } = builtinExtractor().library;

describe('periods.yaml', () => {
  it.each(periods.source.examples.map((e) => [e.text, e.periods] as const))('example %j', (text, expected) => {
    const doc = extract(text);
    expectGrounded(text, doc);
    expect(doc.indicators.map((i) => i.period)).toEqual(expected);
  });

  it.each(periods.source.counterexamples)('counterexample %j: figures with no period', (text) => {
    const doc = extract(text);
    expect(doc.indicators.length).toBeGreaterThan(0);
    expect(doc.indicators.map((i) => i.period)).toEqual(doc.indicators.map(() => null));
  });
});

describe("the document's date", () => {
  it.each([
    ['a delivery line under the title', '政府工作报告\n——2026年1月27日在某省第十四届人民代表大会第五次会议上\n各位代表：', '2026年1月27日', '2026-01-27'],
    ['a date line with the time', '2026年四川省人民政府工作报告\n2026年02月10日 07时41分\n来源：某报', '2026年02月10日', '2026-02-10'],
    ['the delivery line before a page date above it', '某省政府工作报告\n2026年02月10日 07时41分\n2026年2月3日在某省第十四届人民代表大会第五次会议上', '2026年2月3日', '2026-02-03'],
    ['a dateline with a year', '某地新闻\n本报讯（记者 林某）2025年9月20日，记者从发布会获悉。', '2025年9月20日', '2025-09-20'],
    ['the signature at the end', `关于某事的通报\n各单位：\n${'现将有关情况通报如下。'.repeat(300)}\n某市交通警察支队\n2025年7月3日\n`, '2025年7月3日', '2025-07-03'],
    ['the title year, spaced', '某市公安局 2024 年工作总结\n\n2024 年，全局坚持……', '2024 年', '2024'],
  ])('%s', (_, text, quote, value) => {
    const date = readDocumentDate(text)!;
    expect(date).toMatchObject({ text: quote, value });
    expect(Array.from(text).slice(date.span[0], date.span[1]).join('')).toBe(quote);
  });

  it.each([
    ['a date with no year', '某地新闻\n本报讯（记者 林某）9月20日，记者从发布会获悉，全省破案120起。'],
    ['no date at all', '全市新建学校12所。'],
    ['a year in the body, not the title', '某县工作情况\n各单位：\n2024年，全县新建学校12所。'],
  ])('none from %s', (_, text) => {
    expect(readDocumentDate(text)).toBeNull();
  });

  it('is the same read a piece at a time, whatever the pieces', () => {
    const text = `某市交通警察支队\n关于上半年形势的通报\n${'全市查处违法行为120起。\n'.repeat(400)}某市交通警察支队\n2025年7月3日\n`;
    const whole = readDocumentDate(text);
    for (const size of [1, 7, 500]) {
      const reader = new DateReader();
      for (let k = 0; k < text.length; k += size) reader.push(text.slice(k, k + size));
      expect(reader.date()).toEqual(whole);
    }
    expect(whole?.value).toBe('2025-07-03');
  });

  it('is on every document, after chars and before the indicators', () => {
    const doc = extract('2025年7月3日\n今年以来，全市新建学校12所。');
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'source', 'sha256', 'encoding', 'chars', 'date', 'indicators']);
    expect(doc.date).toEqual({ text: '2025年7月3日', value: '2025-07-03', span: [0, 9] });
  });
});

describe('a period carried across the cut between two chunks', () => {
  // A heading, then one paragraph opened by 1—10月 longer than a chunk, then a plan part.
  const filler = '全市新建学校12所，城镇新增就业4800人。';
  const paragraph = '1—10月，全市规上工业增加值增长6.2%。' + filler.repeat(Math.ceil((1.5 * CHUNK_SIZE) / filler.length));
  const text = `2025年11月18日\n一、2025年1—10月经济运行情况\n${paragraph}\n二、2026年工作安排\n全年新建学校15所。\n`;

  it('keeps the paragraph opener and the heading in the second chunk, and the date', () => {
    const doc = extract(text);
    const first = doc.indicators[0]!;
    const last = doc.indicators.at(-1)!;
    const beforeLast = doc.indicators.at(-2)!;
    expect(text.length).toBeGreaterThan(CHUNK_SIZE * 1.5);
    expect(first.period).toEqual({ text: '1—10月', from: '2025-01', to: '2025-10' });
    expect(beforeLast.period).toEqual(first.period);
    expect(beforeLast.span[0]).toBeGreaterThan(CHUNK_SIZE);
    expect(last.period).toEqual({ text: '全年', from: '2026', to: '2026' });
    expect(doc.date?.value).toBe('2025-11-18');
  });

  it('is the same when the file is read block by block', () => {
    const ex = builtinExtractor();
    const bytes = Buffer.from(text, 'utf8');
    const blocks = function* () {
      for (let k = 0; k < bytes.length; k += 4093) yield bytes.subarray(k, k + 4093);
    };
    expect(JSON.stringify(collect(streamBlocks(ex, 'r.txt', blocks)!))).toBe(JSON.stringify(documentFromBytes(ex, 'r.txt', bytes)));
  });
});

describe('--explain', () => {
  it('names the rule and the words that gave the period', () => {
    const doc = extract('2025年某市统计公报\n一、工业\n1—10月，全市规上工业增加值增长6.2%，利润增长3%。新建厂房12座。', { explain: true });
    expect(doc.indicators.map((i) => i.explain!.rules.period)).toEqual(['period.opener (1—10月)', 'period.opener (1—10月)', 'period.paragraph (1—10月)']);
    const titled = extract('2025年某市统计公报\n一、工业\n新建厂房12座。', { explain: true });
    expect(titled.indicators[0]!.explain!.rules.period).toBe('period.title (2025年)');
    expect(extract('新建厂房12座。', { explain: true }).indicators[0]!.explain!.rules.period).toBe('period.none');
  });
});

describe('period agreement (scripts/score-periods.mjs)', () => {
  it('compares from and to; a period with neither agrees with none', () => {
    expect(samePeriod({ text: '1—10月', from: '2025-01', to: '2025-10' }, { text: '前10个月', from: '2025-01', to: '2025-10' })).toBe(true);
    expect(samePeriod({ text: '今年以来', from: null, to: null }, null)).toBe(true);
    expect(samePeriod({ text: '2025年', from: '2025', to: '2025' }, null)).toBe(false);
    expect(samePeriod({ text: '2025年', from: '2025', to: '2025' }, { text: '全年', from: '2025', to: '2025-12' })).toBe(false);
  });
});
