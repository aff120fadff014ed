// Catastrophic backtracking: recheck proves every regex of the built-in library linear, a user's
// pattern with a super-linear regex is refused when it loads, and hostile text (long runs of
// the very characters the regexes repeat over) goes through the whole library fast.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { loadLibrary, PatternError } from '../src/patterns/load.js';
import { assertSafeUserPatterns, checkLibrary, regexSites } from '../src/patterns/redos.js';
import { ROOT, runCli } from './helpers.js';

const LIMIT_MS = 2000;

/**
 * The fastest of `tries` runs of fn, in milliseconds: a busy machine slows some runs, but a
 * super-linear regex is slow every time.
 */
function fastestMs(fn: () => void, tries = 3): number {
  let best = Infinity;
  for (let k = 0; k < tries; k++) {
    const started = performance.now();
    fn();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function patternDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'extract-redos-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A user's pattern file: a rise written with a nested quantifier that backtracks exponentially. */
const VULNERABLE = `id: user.vulnerable
description: 的 repeated before a rise, written with a nested quantifier.
order: 5
kind: change
before: '(?:的+)+(?<up>{UP})$'
`;

const SAFE = `id: user.safe
description: a rise after 的, written linearly.
order: 5
kind: change
before: '的{0,3}(?<up>{UP})$'
`;

const VULNERABLE_WITHIN = `id: user.within
description: a stretch of digits and commas, written ambiguously.
order: 6
kind: level
within: '(?:\\d|\\d,?)+万'
`;

describe('recheck on the built-in library', () => {
  it('finds no super-linear regex among the patterns and the quantity regex', { timeout: 120_000 }, () => {
    const library = loadLibrary();
    const sites = regexSites(library);
    // every pattern field that holds a regex, and the quantity regex
    expect(sites.length).toBeGreaterThan(library.patterns.length);
    expect(sites.at(-1)!.field).toBe('quantity');
    const report = checkLibrary(library);
    const show = (r: { id: string; field: string }) => `${r.id} ${r.field}`;
    expect(report.unsafe.map((u) => `${show(u)}: ${u.complexity}, attack ${u.attack}`)).toEqual([]);
    expect(report.unchecked.map((u) => `${show(u)}: ${u.reason}`)).toEqual([]);
    // The quantity regex is larger than recheck's automaton limit (and has a look-ahead, which
    // the automaton does not support): it is fuzzed, and timed directly below.
  });
});

describe('user patterns', () => {
  it('refuses a super-linear before with the file, the field and the attack', () => {
    const dir = patternDir({ 'user.yaml': VULNERABLE });
    const library = loadLibrary({ extraDirs: [dir] });
    let error: unknown;
    try {
      assertSafeUserPatterns(library);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PatternError);
    const e = error as PatternError;
    expect(e.file).toBe(join(dir, 'user.yaml'));
    expect(e.field).toBe('before');
    expect(e.message).toMatch(new RegExp(`^${join(dir, 'user.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: before: super-linear regex \\(exponential backtracking; attack: .+\\)$`));
  });

  it('refuses a super-linear within', () => {
    const dir = patternDir({ 'within.yaml': VULNERABLE_WITHIN });
    expect(() => assertSafeUserPatterns(loadLibrary({ extraDirs: [dir] }))).toThrow(/within\.yaml: within: super-linear regex \(.+ backtracking; attack: .+\)$/);
  });

  it('lets a linear user pattern load, and does not re-check the built-in library', () => {
    const dir = patternDir({ 'safe.yaml': SAFE });
    const started = performance.now();
    expect(() => assertSafeUserPatterns(loadLibrary({ extraDirs: [dir] }))).not.toThrow();
    expect(() => assertSafeUserPatterns(loadLibrary())).not.toThrow();
    // one regex to check, not fifty
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('stops the CLI before any output with one line naming the file and the field', { timeout: 60_000 }, async () => {
    const dir = patternDir({ 'user.yaml': VULNERABLE, 'a.txt': '利润增长5%。' });
    const r = await runCli([join(dir, 'a.txt'), '--patterns', dir], { cwd: ROOT });
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^extract: pattern error: \S*user\.yaml: before: super-linear regex \(exponential backtracking; attack: .+\)\n$/);
    expect(r.code).toBe(2);
  });
});

/** Long runs of what the regexes repeat over: digits, numerals, separators, multipliers, 的. */
function hostile(): Record<string, string> {
  const han = '经济社会发展质量效益稳步提升人民群众获得感幸福感安全感不断增强';
  let noPunctuation = '';
  for (let i = 0; noPunctuation.length < 4000; i++) noPunctuation += han[(i * 7) % han.length]! + (i % 5 === 0 ? String(i % 10) : '');
  return {
    digits: '1'.repeat(20_000),
    'digits with commas': '1,'.repeat(10_000) + '万',
    'digits with dots': '1.'.repeat(10_000) + '%',
    numerals: '一二三'.repeat(7_000),
    'numerals and multipliers': '一百二十三万四千'.repeat(2_500) + '亿元',
    enumeration: '、'.repeat(20_000) + '5%',
    'enumerated figures': '5%、'.repeat(1_500) + '和5%',
    multipliers: '万亿'.repeat(10_000),
    'digits and multipliers': '5万亿'.repeat(6_000) + '元',
    de: '的'.repeat(20_000) + '增长5%',
    'rise words': '增长'.repeat(10_000) + '5%',
    'range dashes': '5-'.repeat(10_000) + '6%',
    fractions: '百分之'.repeat(6_000) + '五',
    'full-width digits': '１２３．'.repeat(5_000) + '％',
    brackets: '（'.repeat(10_000) + '5%' + '）'.repeat(10_000),
    qualifiers: '以上左右'.repeat(5_000),
    'a line without punctuation': noPunctuation,
    'lines without punctuation': Array.from({ length: 5 }, () => noPunctuation).join('\n'),
    'a report line stripped of punctuation': reportWithoutPunctuation(4000),
  };
}

/** Report sentences run together, as a scraper that drops punctuation leaves them. */
function reportWithoutPunctuation(length: number): string {
  const s = '全市地区生产总值增长5.2%新建学校12所城镇居民人均可支配收入达到4.8万元发展质量和效益稳步提升';
  return s.repeat(Math.ceil(length / s.length)).slice(0, length);
}

describe('hostile text against the whole library', () => {
  it.each(Object.entries(hostile()))('%s finishes in under two seconds', (_name, text) => {
    extract('热身：利润增长5%。'); // the dictionary loads once, outside the timing
    expect(extract(text).chars).toBe(Array.from(text).length);
    expect(fastestMs(() => extract(text), 2)).toBeLessThan(LIMIT_MS);
  });

  // Time must grow with a sentence's length, not its square: subjects, target words and list
  // lengths are looked for once per sentence or in a bounded window, never from its start for
  // every figure.
  it('a 64,000-character report line without punctuation finishes in under two seconds', { timeout: 60_000 }, () => {
    extract('热身：利润增长5%。');
    const text = reportWithoutPunctuation(64_000);
    expect(fastestMs(() => extract(text), 2)).toBeLessThan(LIMIT_MS);
  });

  it('a list of 12,000 values finishes in under two seconds', { timeout: 60_000 }, () => {
    extract('热身：利润增长5%。');
    const text = '利润增长' + '5%、'.repeat(12_000) + '和5%。';
    expect(fastestMs(() => extract(text), 2)).toBeLessThan(LIMIT_MS);
  });

  // Doubling a list doubles the time (about 2x), where a quadratic path would take 4x.
  it.each([
    ['values joined by 、 with no metric', (n: number) => '指标' + '、1%'.repeat(n) + '。'],
    ['members after 分别 with no metric', (n: number) => '分别增长' + '1%、'.repeat(n) + '1%。'],
  ])('%s: twice as many values take about twice the time', { timeout: 60_000 }, (_name, text) => {
    extract('热身：利润增长5%。');
    const small = fastestMs(() => extract(text(8_000)), 2);
    const large = fastestMs(() => extract(text(16_000)), 2);
    expect(large / small).toBeLessThan(3);
  });

  it('a run of words of change before a figure names no metric', () => {
    for (const text of ['增长'.repeat(10_000) + '5%。', '全市' + '下降'.repeat(3_000) + '6%。']) {
      for (const i of extract(text).indicators) expect(i.metric).not.toMatch(/^(?:增长|下降)+$/u);
    }
  });

  it('every compiled regex scans 4000 hostile characters in linear time', () => {
    // extract() shows each pattern only a few dozen characters around a figure; this runs each
    // regex over whole hostile strings, as a user regex on a long clause would be run.
    const sites = regexSites(loadLibrary());
    const inputs = Object.values(hostile()).map((s) => s.slice(0, 4000));
    const slow: string[] = [];
    for (const site of sites) {
      const re = new RegExp(site.regex.source, site.regex.flags.replace('y', ''));
      const ms = fastestMs(() => {
        for (const input of inputs) {
          re.lastIndex = 0;
          re.test(input);
        }
      });
      if (ms > 200) slow.push(`${site.id} ${site.field}: ${ms.toFixed(0)} ms`);
    }
    expect(slow).toEqual([]);
  });
});
