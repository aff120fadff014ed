// Shared by the tests: the built-in extractor, span checks, and where ../shared is.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ExtractedDocument } from '../src/contract.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = resolve(ROOT, 'bin/extract.js');
export const SHARED = resolve(ROOT, '../shared');
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
