// The characters a pattern's `before` regex can end on (src/patterns/last-chars.ts), which let a
// figure skip the patterns it cannot match: what the reader gives for each construct, and, on
// every figure of the fixtures, test/eval and the shared texts, that no pattern it lets a figure skip would
// have matched there.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastCharacters } from '../src/patterns/last-chars.js';
import { loadLibrary } from '../src/patterns/load.js';
import { CONTEXT_BEFORE } from '../src/pipeline/match.js';
import { normalize } from '../src/pipeline/normalize.js';
import { findQuantities, quantityRegex } from '../src/pipeline/quantities.js';
import { HAS_SHARED, ROOT, SHARED } from './helpers.js';

const chars = (source: string) => {
  const set = lastCharacters(source);
  return set && [...set].sort().join('');
};

describe('lastCharacters', () => {
  it('reads the last characters of alternatives, groups and classes', () => {
    expect(chars('(?:同比)?(?:增长|提高)')).toBe('长高');
    expect(chars('比上年[增多]')).toBe('增多');
    expect(chars('达到[0-3]')).toBe('0123');
    expect(chars('第\\d')).toBe('0123456789');
    expect(chars('(?<up>增长)$')).toBe('长');
  });

  it('looks past what may match nothing, and past lookarounds', () => {
    expect(chars('增长(?:了)?')).toBe('了长');
    expect(chars('占(?!有)')).toBe('占');
    expect(chars('(?<![今明])年(?=\\d)')).toBe('年');
    expect(chars('增长了{0,2}')).toBe('了长');
    expect(chars('为(?:了)*?')).toBe('为了');
  });

  it('gives no set where any character could end a match, or none at all', () => {
    expect(chars('增长.')).toBeNull();
    expect(chars('[^，]')).toBeNull();
    expect(chars('\\p{Script=Han}{2}')).toBeNull();
    expect(chars('(?:增长)?')).toBeNull();
    expect(chars('')).toBeNull();
    expect(chars('(\\d)\\1')).toBeNull();
    expect(chars('(?:unclosed')).toBeNull();
  });
});

describe('a figure skips only patterns that cannot match it', () => {
  const library = loadLibrary();
  const regex = quantityRegex(library.fragments);
  const filtered = library.patterns.filter((p) => p.before && p.beforeEnds);

  const texts = [
    ...['fixtures', 'test/eval/docs'].flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, d, f))),
    ...(HAS_SHARED ? ['seeds', 'gov/docs'].flatMap((d) => readdirSync(join(SHARED, d)).map((f) => join(SHARED, d, f))) : []),
  ].map((path) => ({ path, name: relative(ROOT, path) }));

  it('most patterns with a context before the figure have a set', () => {
    expect(filtered.length).toBeGreaterThan(library.patterns.filter((p) => p.before).length / 2);
  });

  it(`on the ${texts.length} texts, every match of a filtered pattern ends on one of its characters`, () => {
    let checked = 0;
    const misses: string[] = [];
    for (const { path, name } of texts) {
      const text = normalize(readFileSync(path, 'utf8')).text;
      for (const q of findQuantities(text, regex)) {
        const before = text.slice(Math.max(0, q.start - CONTEXT_BEFORE), q.start);
        for (const p of filtered) {
          const m = p.before!.exec(before);
          if (!m) continue;
          checked++;
          if (!p.beforeEnds!.has([...m[0]].at(-1)!)) misses.push(`${name}: ${p.id} on …${before}`);
        }
      }
    }
    expect(misses).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
