// The segmenter's cut in JavaScript (src/pipeline/word-trie.ts over dist/dict/words.bin) is
// nodejieba's, word for word: on every line of the fixtures and test/eval (and the shared texts
// when they are here), and on 24-character windows cut anywhere, as the field rules ask for them.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutEnds, readWordTrie, type AddedWords } from '../src/pipeline/word-trie.js';
import { segment } from '../src/pipeline/segment.js';
import { HAS_SHARED, ROOT, SHARED } from './helpers.js';

interface Jieba {
  load(options: Record<string, string>): void;
  cut(text: string): string[];
  insertWord(word: string, tag: string): boolean;
}

const DICT = join(ROOT, 'dist/dict');
const nodejieba = createRequire(import.meta.url)('nodejieba') as Jieba;
nodejieba.load({ dict: join(DICT, 'jieba.dict.utf8'), idfDict: join(DICT, 'idf.utf8'), stopWordDict: join(DICT, 'tiny.utf8') });
const trie = readWordTrie(readFileSync(join(DICT, 'words.bin')));

const words = (text: string, ends: number[]) => ends.map((end, k) => text.slice(k ? ends[k - 1] : 0, end));

function pieces(): string[] {
  const dirs = [join(ROOT, 'fixtures'), join(ROOT, 'test/eval/docs'), ...(HAS_SHARED ? [join(SHARED, 'seeds'), join(SHARED, 'gov/docs')] : [])];
  const out: string[] = [];
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      out.push(...text.split('\n').filter(Boolean));
      for (let at = 0; at + 24 < text.length; at += 17) out.push(text.slice(at, at + 24));
    }
  }
  return out.filter((p) => !/[\ud800-\udfff]/.test(p));
}

describe('the cut over the dictionary trie', () => {
  it("gives nodejieba's words on every line and window of the texts, or says it cannot be sure", () => {
    const all = pieces();
    let unsure = 0;
    const differ: string[] = [];
    for (const piece of all) {
      const ends = cutEnds(trie, new Map(), piece);
      if (!ends) unsure++;
      else if (words(piece, ends).join('|') !== nodejieba.cut(piece).join('|')) differ.push(piece);
    }
    expect(differ).toEqual([]);
    expect(all.length).toBeGreaterThan(5000);
    // A near tie sends the text to nodejieba: rare, or the trie would save nothing.
    expect(unsure).toBeLessThan(all.length / 1000);
  });

  it("keeps a word added at run time whole, at nodejieba's weight for it", () => {
    const added: AddedWords = new Map([['结'.charCodeAt(0), ['结转资金']]]);
    nodejieba.insertWord('结转资金', 'n');
    for (const text of ['上年结转资金12.5亿元', '全年结转资金和结余资金共计8亿元，结转资金占比下降。']) {
      expect(words(text, cutEnds(trie, added, text)!)).toEqual(nodejieba.cut(text));
    }
  });

  it('segments into tagged words that cover the text exactly, tags from the dictionary', () => {
    const tokens = segment('全市地区生产总值增长5.2%');
    expect(tokens.map((t) => t.word).join('')).toBe('全市地区生产总值增长5.2%');
    expect(tokens.find((t) => t.word === '增长')?.tag).toBe('v');
    expect(tokens.every((t, k) => t.start === (k ? tokens[k - 1]!.end : 0))).toBe(true);
  });
});
