// Checks the pattern library itself: ids, fragments, regexes, and that every pattern is tested.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadLibrary, BUILTIN_PATTERNS } from '../src/patterns/load.js';
import { patternFiles } from '../src/patterns/load.js';

const library = loadLibrary();

describe('the pattern library', () => {
  it('loads every file of patterns/ with a unique id', () => {
    const files = patternFiles(BUILTIN_PATTERNS);
    expect(library.patterns).toHaveLength(files.length);
    expect(new Set(library.patterns.map((p) => p.id)).size).toBe(files.length);
  });

  it('names each file after its pattern id', () => {
    for (const p of library.patterns) expect(p.file.endsWith(`/${p.id}.yaml`)).toBe(true);
  });

  it('gives every pattern counterexamples, and every pattern that emits indicators examples', () => {
    for (const p of library.patterns) {
      expect(p.source.counterexamples.length, p.id).toBeGreaterThan(0);
      if (p.kind !== 'ignore') expect(p.source.examples.length, p.id).toBeGreaterThan(0);
    }
  });

  it('has no duplicate example or counterexample sentences', () => {
    const seen = new Map<string, string>();
    for (const p of library.patterns) {
      for (const text of [...p.source.examples.map((e) => e.text), ...p.source.counterexamples]) {
        expect(seen.get(text), `${p.id} repeats a sentence of ${seen.get(text)}`).toBeUndefined();
        seen.set(text, p.id);
      }
    }
  });

  it('compiles every regex with the u flag', () => {
    for (const p of library.patterns) {
      for (const re of [p.before, p.after, p.unit, p.figure, p.within]) if (re) expect(re.flags).toContain('u');
    }
  });

  it('refers only to fragments that exist', () => {
    for (const p of library.patterns) {
      const raw = parse(readFileSync(p.file, 'utf8')) as Record<string, unknown>;
      for (const key of ['before', 'after', 'unit', 'figure', 'within']) {
        const source = raw[key];
        if (typeof source !== 'string') continue;
        for (const [, name] of source.matchAll(/\{([A-Z][A-Z0-9_]*)\}/g)) expect(library.fragments.has(name!), `${p.id}: {${name}}`).toBe(true);
      }
    }
  });
});
