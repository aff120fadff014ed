// Runs every example and counterexample of every pattern file (the RuleTester of this project):
// an example must give exactly its tuples, with their spans; a counterexample must give nothing.
import { describe, expect, it } from 'vitest';
import { builtinExtractor, extract } from '../src/index.js';
import type { ExpectedIndicator } from '../src/patterns/schema.js';
import { expectGrounded } from './helpers.js';

const { library } = builtinExtractor();

function expectedSpan(text: string, quote: string, from: number): [number, number] {
  const cps = Array.from(text);
  const q = Array.from(quote);
  for (let s = from; s + q.length <= cps.length; s++) {
    if (q.every((c, k) => cps[s + k] === c)) return [s, s + q.length];
  }
  throw new Error(`the example's text ${JSON.stringify(quote)} is not in ${JSON.stringify(text)}`);
}

describe.each(library.patterns.map((p) => [p.id, p] as const))('%s', (id, pattern) => {
  const examples = pattern.source.examples;
  if (examples.length) {
    it.each(examples.map((e) => [e.text, e.gives] as const))('example %s', (text, gives: ExpectedIndicator[]) => {
      const doc = extract(text);
      expectGrounded(text, doc);
      let from = 0;
      const expected = gives.map((g) => {
        const span = expectedSpan(text, g.text, from);
        from = span[0];
        return {
          metric: g.metric,
          value: g.value,
          ...(g.upper !== undefined ? { upper: g.upper } : {}),
          unit: g.unit,
          direction: g.direction,
          basis: g.basis,
          qualifier: g.qualifier,
          ...(g.subject !== undefined ? { subject: g.subject } : {}),
          target: g.target,
          span,
          text: g.text,
          pattern: g.pattern ?? id,
        };
      });
      const actual = doc.indicators.map((i, k) => {
        const { subject, ...rest } = i;
        return gives[k]?.subject !== undefined ? { ...rest, subject } : rest;
      });
      expect(actual).toEqual(expected);
    });
  }
  if (pattern.source.counterexamples.length) {
    it.each(pattern.source.counterexamples)('counterexample %s', (text) => {
      expect(extract(text).indicators).toEqual([]);
    });
  }
});
