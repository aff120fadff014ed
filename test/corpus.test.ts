// When ../shared is present: over the 27 whole government work reports of ../shared/gov/corpus,
// no metric is a fragment a cut left behind: an unpaired quotation mark or bracket, a list of
// places, a word of how a thing fared at its end (全覆盖, 显著), a run of words of change, or a
// phrase longer than the phrase rules read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { HAS_SHARED, onlyIf, SHARED } from './helpers.js';

const CORPUS = join(SHARED, 'gov/corpus');
const OPENS: Record<string, string> = { '”': '“', '’': '‘', '）': '（', ')': '(', '》': '《', '】': '【', '」': '「', '』': '『' };
const OPENERS = new Set(Object.values(OPENS));

function unpaired(metric: string): boolean {
  const open: string[] = [];
  for (const c of metric) {
    if (OPENERS.has(c)) open.push(c);
    else if (OPENS[c] !== undefined && open.pop() !== OPENS[c]) return true;
  }
  return open.length > 0;
}

const PLACE_LIST = /^(?:省区市|省市区|市县区|县市区|省市县|(?:\p{Script=Han}{2,4}(?:省|市|县)[、和])+\p{Script=Han}{2,4}(?:省|市|县))$/u;
const FARED = /(?:全覆盖|显著|明显|持续|稳定|领先)$/u;
const CHANGE_WORDS = /^(?:增长|下降|提高|增加|减少|上升)+$/u;

describe('metrics over ../shared/gov/corpus', () => {
  onlyIf(HAS_SHARED, `no ${SHARED}/eval/score.mjs: the shared corpus is not beside this checkout`);
  const metrics = HAS_SHARED
    ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort().flatMap((f) => extract(readFileSync(join(CORPUS, f), 'utf8')).indicators.map((i) => `${i.metric} | ${f}: ${i.text}`))
    : [];

  it('read thousands of indicators', () => expect(metrics.length).toBeGreaterThan(4000));
  it.each([
    ['an unpaired quotation mark or bracket', (m: string) => unpaired(m)],
    ['a list of places', (m: string) => PLACE_LIST.test(m)],
    ['a word of how a thing fared at its end', (m: string) => FARED.test(m)],
    ['a run of words of change', (m: string) => CHANGE_WORDS.test(m)],
    ['longer than 64 characters', (m: string) => [...m].length > 64],
  ])('no metric holds %s', (_what, bad) => {
    expect(metrics.filter((line) => bad(line.slice(0, line.indexOf(' | '))))).toEqual([]);
  });
});
