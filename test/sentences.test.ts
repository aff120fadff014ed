// The sentence around an indicator, read from the whole text or from its pieces as a large file
// gives them.
import { describe, expect, it } from 'vitest';
import { sentenceReader } from '../src/views/sentences.js';

const TEXT = '一、总体情况\n全市刑事案件发案数下降39.2%，破案率上升\n19.23个百分点。今年天气晴好！𠀀挽回经济损失1276.04万元。末尾没有句号的一句增长5%';

/** The [start, end) code-point span of the first occurrence of a quote in TEXT. */
function spanOf(quote: string, text = TEXT): [number, number] {
  const start = Array.from(text.slice(0, text.indexOf(quote))).length;
  return [start, start + Array.from(quote).length];
}

/** The text cut into pieces of `size` code points. */
function pieces(text: string, size: number): string[] {
  const cps = Array.from(text);
  const out: string[] = [];
  for (let k = 0; k < cps.length; k += size) out.push(cps.slice(k, k + size).join(''));
  return out;
}

const QUOTES = ['刑事案件发案数下降39.2%', '破案率上升\n19.23个百分点', '挽回经济损失1276.04万元', '增长5%'];
const EXPECTED = [
  '全市刑事案件发案数下降39.2%，破案率上升',
  '全市刑事案件发案数下降39.2%，破案率上升 19.23个百分点。',
  '𠀀挽回经济损失1276.04万元。',
  '末尾没有句号的一句增长5%',
];

describe('sentenceReader', () => {
  it('gives the sentence of each span, cut at 。！？ and line breaks, on one line', () => {
    const sentenceOf = sentenceReader([TEXT]);
    expect(QUOTES.map((q) => sentenceOf(spanOf(q)))).toEqual(EXPECTED);
  });

  it.each([1, 2, 7, 1000])('gives the same sentences from pieces of %i code points', (size) => {
    const sentenceOf = sentenceReader(pieces(TEXT, size));
    expect(QUOTES.map((q) => sentenceOf(spanOf(q)))).toEqual(EXPECTED);
  });

  it('cuts a sentence without end 200 code points either side of its span, marking the cuts', () => {
    const text = '甲'.repeat(500) + '增长5%' + '乙'.repeat(500);
    const sentence = sentenceReader(pieces(text, 64))(spanOf('增长5%', text));
    expect(sentence).toBe('…' + '甲'.repeat(200) + '增长5%' + '乙'.repeat(200) + '…');
  });

  it('reads the pieces only as far as the spans asked for need', () => {
    let read = 0;
    function* counted() {
      for (const p of pieces('增长5%。'.repeat(10_000), 100)) {
        read++;
        yield p;
      }
    }
    const sentenceOf = sentenceReader(counted());
    expect(sentenceOf([0, 4])).toBe('增长5%。');
    expect(read).toBeLessThanOrEqual(3);
    expect(sentenceOf([25_000, 25_004])).toBe('增长5%。');
    expect(read).toBeLessThanOrEqual(253);
  });
});
