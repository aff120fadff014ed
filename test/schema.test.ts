// The output contract changes only on purpose: `extract schema` must equal the committed copy,
// and documents must validate against it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractedDocument, jsonSchema, SCHEMA_VERSION } from '../src/contract.js';
import { documentFromInput } from '../src/document.js';
import { builtinExtractor, extract } from '../src/index.js';
import { ROOT } from './helpers.js';

const committed = JSON.parse(readFileSync(join(ROOT, 'schema/extract.schema.json'), 'utf8'));

describe('the output contract', () => {
  it('is the committed JSON Schema (regenerate schema/extract.schema.json and log the change in CHANGELOG.md)', () => {
    expect(jsonSchema()).toEqual(committed);
  });

  it('lists every field of an indicator, in the order documents are written', () => {
    const indicator = committed.properties.indicators.items;
    expect(Object.keys(indicator.properties)).toEqual([
      'metric', 'canonical', 'value', 'upper', 'unit', 'direction', 'basis', 'qualifier', 'subject', 'target', 'period', 'span', 'text', 'page', 'pattern', 'explain',
    ]);
    expect(indicator.required).toEqual(['metric', 'canonical', 'value', 'unit', 'direction', 'basis', 'qualifier', 'subject', 'target', 'period', 'span', 'text', 'pattern']);
  });

  it('is what documents follow, with the schema version in each', () => {
    const doc = extract('全市地区生产总值增长5.2%，新建学校12所。', { explain: true });
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(ExtractedDocument.safeParse(doc).success).toBe(true);
    // `format` is for converted inputs only.
    expect(Object.keys(doc)).toEqual(Object.keys(committed.properties).filter((k) => k !== 'format'));
  });

  it('orders a converted document’s fields as the schema does, `format` and `page` included', async () => {
    const { doc } = await documentFromInput(builtinExtractor(), 'a.pdf', readFileSync(join(ROOT, 'fixtures/30-county-bulletin.pdf')), 'pdf', { explain: true });
    expect(ExtractedDocument.safeParse(doc).success).toBe(true);
    expect(Object.keys(doc)).toEqual(Object.keys(committed.properties));
    const order = Object.keys(committed.properties.indicators.items.properties).filter((k) => k !== 'upper');
    expect(Object.keys(doc.indicators[0]!)).toEqual(order);
  });
});
