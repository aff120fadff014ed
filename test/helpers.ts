// Shared by the tests: the built-in extractor, span checks, and where ../shared is.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ExtractedDocument } from '../src/contract.js';
import { ExpectedIndicator, type ExpectedIndicatorInput } from '../src/patterns/schema.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = resolve(ROOT, 'bin/extract.js');
export const SHARED = resolve(ROOT, '../shared');
/** Patterns of a user's own that the field rules' examples may add to the built-in ones. */
export const RULE_PATTERNS = resolve(ROOT, 'test/rule-patterns');
export const HAS_SHARED = existsSync(resolve(SHARED, 'eval/score.mjs'));

/** Every indicator's text is exactly its span of the original text, in code points. */
export function expectGrounded(original: string, doc: Pick<ExtractedDocument, 'indicators'>): void {
  const cps = Array.from(original);
  for (const i of doc.indicators) {
    expect(i.span[0]).toBeLessThan(i.span[1]);
    expect(i.span[1]).toBeLessThanOrEqual(cps.length);
    expect(cps.slice(i.span[0], i.span[1]).join('')).toBe(i.text);
  }
}

function expectedSpan(text: string, quote: string, from: number): [number, number] {
  const cps = Array.from(text);
  const q = Array.from(quote);
  for (let s = from; s + q.length <= cps.length; s++) {
    if (q.every((c, k) => cps[s + k] === c)) return [s, s + q.length];
  }
  throw new Error(`the example's text ${JSON.stringify(quote)} is not in ${JSON.stringify(text)}`);
}

/**
 * The document gives exactly these indicators, in order, each over the first occurrence of its
 * text from the previous one's on; `pattern`: the pattern each must come from unless it names
 * its own (undefined: not checked unless it does). A subject is checked only where one is given.
 */
export function expectGives(text: string, doc: Pick<ExtractedDocument, 'indicators'>, gives: readonly ExpectedIndicatorInput[], pattern?: string): void {
  expectGrounded(text, doc);
  let from = 0;
  const expected = gives.map((input) => {
    const g = ExpectedIndicator.parse(input);
    const span = expectedSpan(text, g.text, from);
    from = span[0];
    const id = g.pattern ?? pattern;
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
      ...(id !== undefined ? { pattern: id } : {}),
    };
  });
  const actual = doc.indicators.map((i, k) => {
    const { subject, pattern: id, explain: _explain, ...rest } = i;
    const g = expected[k];
    return { ...rest, ...(g && 'subject' in g ? { subject } : {}), ...(g && 'pattern' in g ? { pattern: id } : {}) };
  });
  expect(actual).toEqual(expected);
}
