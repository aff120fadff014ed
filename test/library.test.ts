// Checks the pattern library itself: ids, fragments, regexes, and that every pattern is tested.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadLibrary, BUILTIN_PATTERNS } from '../src/patterns/load.js';
import { patternFiles } from '../src/patterns/load.js';
import { FIELD_RULES, isFieldRule } from '../src/pipeline/read/rules.js';
import { builtinExtractor } from '../src/index.js';
import { documentFromBytes } from '../src/document.js';
import { ROOT } from './helpers.js';

const FIXTURES = join(ROOT, 'fixtures');
const extractFile = (path: string, options: { explain: boolean }) => documentFromBytes(builtinExtractor(), path, readFileSync(path), options);

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

describe('the field rules', () => {
  it('have unique ids of the form family.name, a one-line description and the fields they decide', () => {
    expect(new Set(FIELD_RULES.map((r) => r.id)).size).toBe(FIELD_RULES.length);
    for (const r of FIELD_RULES) {
      expect(r.id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
      expect(r.description.length, r.id).toBeGreaterThan(10);
      expect(r.description, r.id).not.toContain('\n');
      expect(r.decides.length, r.id).toBeGreaterThan(0);
    }
  });

  it('each have an example and a counterexample', () => {
    for (const r of FIELD_RULES) {
      expect(r.examples.length, `${r.id} has no example`).toBeGreaterThan(0);
      expect(r.counterexamples.length, `${r.id} has no counterexample`).toBeGreaterThan(0);
    }
  });

  it('repeat no sentence of another rule', () => {
    const seen = new Map<string, string>();
    for (const r of FIELD_RULES) {
      for (const { text } of [...r.examples, ...r.counterexamples]) {
        expect(seen.get(text), `${r.id} repeats a sentence of ${seen.get(text)}`).toBeUndefined();
        seen.set(text, r.id);
      }
    }
  });

  it('are the only ids --explain names, besides the patterns', () => {
    const patterns = new Set(library.patterns.map((p) => p.id));
    const named = new Set<string>();
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'))) {
      for (const i of extractFile(join(FIXTURES, file), { explain: true }).indicators) {
        for (const [field, value] of Object.entries(i.explain!.rules)) {
          for (const entry of value.split(' + ')) {
            const id = entry.replace(/#\d+$|\s\(.*\)$/u, '');
            // A cell of a table comes from the table reader, a field rule, not a pattern.
            if (field === 'pattern') expect(patterns.has(id) || isFieldRule(id), `${file}: pattern ${id}`).toBe(true);
            else expect(isFieldRule(id), `${file}: ${field}: ${id}`).toBe(true);
            named.add(id);
          }
        }
      }
    }
    // Every field of every indicator is explained.
    expect(named.size).toBeGreaterThan(40);
  });
});
