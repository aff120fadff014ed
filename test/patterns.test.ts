// Runs every example and counterexample of every pattern file (the RuleTester of this project):
// an example must give exactly its tuples, with their spans; a counterexample must give nothing.
import { describe, expect, it } from 'vitest';
import { builtinExtractor, createExtractor, extract, loadLibrary, type Extractor } from '../src/index.js';
import type { CompiledPattern } from '../src/patterns/load.js';
import { expectGives, RULE_PATTERNS } from './helpers.js';

const builtin = builtinExtractor();
// The patterns the field rules' tests add (test/rule-patterns), run with the library they join.
const withRulePatterns = createExtractor(loadLibrary({ extraDirs: [RULE_PATTERNS] }));
const cases: [string, CompiledPattern, Extractor][] = [
  ...builtin.library.patterns.map((p) => [p.id, p, builtin] as [string, CompiledPattern, Extractor]),
  ...withRulePatterns.library.patterns.filter((p) => p.file.startsWith(RULE_PATTERNS)).map((p) => [p.id, p, withRulePatterns] as [string, CompiledPattern, Extractor]),
];

describe.each(cases)('%s', (id, pattern, extractor) => {
  const examples = pattern.source.examples;
  if (examples.length) {
    it.each(examples.map((e) => [e.text, e.gives] as const))('example %s', (text, gives) => {
      expectGives(text, extract(text, { extractor }), gives, id);
    });
  }
  if (pattern.source.counterexamples.length) {
    it.each(pattern.source.counterexamples)('counterexample %s', (text) => {
      expect(extract(text, { extractor }).indicators).toEqual([]);
    });
  }
});
