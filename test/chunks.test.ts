// A large document is read chunk by chunk: cuts fall after sentences, and the indicators are the
// same as if the document had been read whole.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { chunkBounds, CHUNK_SIZE } from '../src/pipeline/extract.js';
import { trieSource } from '../src/patterns/fragments.js';
import { expectGrounded } from './helpers.js';

describe('chunkBounds', () => {
  it('cuts after a sentence end, at or after the size, and covers the text', () => {
    const text = '全市新增公园12座。'.repeat(20);
    const bounds = chunkBounds(text, 25);
    expect(bounds[0]).toBe(0);
    expect(bounds[bounds.length - 1]).toBe(text.length);
    for (const b of bounds.slice(1, -1)) expect(text[b - 1]).toBe('。');
  });

  it('never cuts a surrogate pair when a run has no sentence end', () => {
    const text = '𠀀'.repeat(100);
    for (const b of chunkBounds(text, 7)) expect(text.charCodeAt(b - 1) >= 0xd800 && text.charCodeAt(b - 1) <= 0xdbff).toBe(false);
  });
});

describe('a document larger than a chunk', () => {
  it('gives every indicator of every sentence, with spans in the whole document', () => {
    const sentence = '全市新建学校12所，地区生产总值增长5.2%。';
    const n = Math.ceil((2.5 * CHUNK_SIZE) / sentence.length);
    const text = sentence.repeat(n);
    const doc = extract(text);
    expect(doc.indicators).toHaveLength(2 * n);
    expectGrounded(text, doc);
    expect(doc.indicators.at(-1)!.span[1]).toBe(Array.from(text).length - 1);
  });
});

describe('trieSource', () => {
  it('matches the longest word first, as an ordered alternation would', () => {
    const re = new RegExp(`^(?:${trieSource(['个', '个百分点', '个月', '万', '万亿'])})`, 'u');
    expect(['个百分点', '个月', '个人', '万亿元', '万元'].map((w) => re.exec(w)?.[0])).toEqual(['个百分点', '个月', '个', '万亿', '万']);
  });
});
