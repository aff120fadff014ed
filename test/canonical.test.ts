// Canonical metric names (patterns/vocabulary/metrics.yaml): its examples, the name each
// indicator carries, and a vocabulary folder with a broken file stops the load with its path.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinExtractor, extract } from '../src/index.js';
import { canonicalName } from '../src/pipeline/canonical.js';
import { BUILTIN_PATTERNS, loadVocabulary, PatternError } from '../src/patterns/load.js';

const ex = builtinExtractor();
const { metricNames, periods } = ex.library;

describe('metrics.yaml', () => {
  it.each(metricNames.source.examples.map((e) => [e.metric, e.canonical] as const))('%s is %s', (metric, canonical) => {
    expect(canonicalName(metricNames, periods, ex.lexicon, metric)).toBe(canonical);
  });
});

describe('canonical', () => {
  it('groups one metric written in different ways, and keeps the metric as written', () => {
    const doc = extract('全省生产总值增长5.5%。江屿市GDP增长4.8%，人均GDP达到9.2万元，海洋生产总值增长6%。');
    expect(doc.indicators.map((i) => [i.metric, i.canonical])).toEqual([
      ['生产总值', '地区生产总值'],
      ['江屿市GDP', '地区生产总值'],
      ['人均GDP', '人均地区生产总值'],
      ['海洋生产总值', '海洋生产总值'],
    ]);
  });
});

describe('the vocabulary folder', () => {
  const broken = (file: string, edit: (text: string) => string) => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-vocabulary-'));
    cpSync(join(BUILTIN_PATTERNS, 'vocabulary'), dir, { recursive: true });
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    return dir;
  };

  it('loads as it is', () => {
    expect(loadVocabulary().periods.expressionAt.sticky).toBe(true);
  });

  it.each([
    ['periods.yaml', (t: string) => t.replace('wholeYear:', 'wholeYears:'), /periods\.yaml: .*wholeYear/],
    ['periods.yaml', (t: string) => t.replace('months: [4, 6]', 'months: [4, 13]'), /periods\.yaml: parts\.1\.months\.1: /],
    ['periods.yaml', (t: string) => t.replace('afterYearOnly: [末, 底]', 'afterYearOnly: [月底]'), /periods\.yaml: parts: afterYearOnly word "月底"/],
    ['metrics.yaml', (t: string) => t.replace('whole: [人均生产总值]', 'whole: [生产总值]'), /metrics\.yaml: synonyms: "生产总值" is a synonym of both/],
  ])('stops with the file and the field: %s', (file, edit, message) => {
    const dir = broken(file, edit);
    expect(() => loadVocabulary(dir)).toThrow(PatternError);
    expect(() => loadVocabulary(dir)).toThrow(message);
  });
});
