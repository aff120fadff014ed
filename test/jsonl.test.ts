// --input jsonl: one output line for every line that is not blank, an error record standing in
// for a line that gives no document, so that output lines up with input (paste, parallel
// --keep-order); ids that are strings or numbers, without NUL; with --out, no two records
// writing one file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorRecord, ExtractedDocument, jsonSchema, SCHEMA_VERSION } from '../src/contract.js';
import { expectLines, runCli, workdir } from './helpers.js';

const TEXT = '全市地区生产总值增长5.2%，新建学校12所。';
const line = (record: unknown) => JSON.stringify(record) + '\n';

const INPUT = [
  line({ id: 'first', text: TEXT }),
  'not json\n',
  line({ id: 'no-text' }),
  line({ id: { nested: 1 }, text: TEXT }),
  line({ id: 'nul\u0000inside', text: TEXT }),
  line({ id: 7, text: TEXT }),
  '\n',
  line({ text: TEXT }),
].join('');

const PROBLEMS = [
  'extract: stdin line 2: not JSON',
  'extract: stdin line 3: no "text" string',
  'extract: stdin line 4: "id" must be a string or a number',
  'extract: stdin line 5: "id" holds a NUL character',
];

describe('--input jsonl', () => {
  it('writes an error record in the place of each line that gives no document', async () => {
    const r = await runCli(['--input', 'jsonl'], { cwd: workdir(), input: INPUT });
    expectLines(r.stderr, PROBLEMS);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    // One output line for each input line but the blank one.
    expect(out).toHaveLength(7);
    expect(out.map((o) => ('error' in o ? ErrorRecord.parse(o) : ExtractedDocument.parse(o).source))).toEqual([
      'first',
      { schemaVersion: SCHEMA_VERSION, source: 'line 2', error: 'not JSON' },
      { schemaVersion: SCHEMA_VERSION, source: 'no-text', error: 'no "text" string' },
      { schemaVersion: SCHEMA_VERSION, source: 'line 4', error: '"id" must be a string or a number' },
      { schemaVersion: SCHEMA_VERSION, source: 'line 5', error: '"id" holds a NUL character' },
      '7',
      'line 8',
    ]);
    // An error record is no document, and a document no error record: a reader tells them apart.
    expect(ExtractedDocument.safeParse(out[1]).success).toBe(false);
    expect(ErrorRecord.safeParse(out[0]).success).toBe(false);
    expect(r.code).toBe(2);
  });

  it('writes the same lines on several threads', async () => {
    const one = await runCli(['--input', 'jsonl', '--jobs', '1'], { cwd: workdir(), input: INPUT });
    const two = await runCli(['--input', 'jsonl', '--jobs', '2'], { cwd: workdir(), input: INPUT });
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  it('writes no error record into CSV or the readable view', async () => {
    for (const format of ['csv', 'view']) {
      const r = await runCli(['--input', 'jsonl', '-f', format], { cwd: workdir(), input: INPUT });
      expectLines(r.stderr, PROBLEMS);
      expect(r.stdout).not.toContain('not JSON');
      expect(r.stdout).not.toContain('"error"');
      expect(r.code).toBe(2);
    }
    const csv = (await runCli(['--input', 'jsonl', '-f', 'csv'], { cwd: workdir(), input: INPUT })).stdout;
    // The header and two rows for each of the three documents.
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 3 * 2);
  });

  it('with --out: a record that would write the file of another is reported, the first kept', async () => {
    const dir = workdir();
    const input = [
      line({ id: 'a/dup', text: TEXT }),
      line({ id: 'b/dup', text: '新建学校3所。' }),
      line({ id: 'other', text: TEXT }),
      line({ id: 'other', text: TEXT }),
      line({ id: 'nul\u0000inside', text: TEXT }),
    ].join('');
    const r = await runCli(['--input', 'jsonl', '--out', 'json'], { cwd: dir, input });
    expectLines(r.stderr, [
      'extract: stdin line 2: "b/dup" and "a/dup" (stdin line 1) would both write dup.json',
      'extract: stdin line 4: "other" and "other" (stdin line 3) would both write other.json',
      'extract: stdin line 5: "id" holds a NUL character',
    ]);
    expect(readdirSync(join(dir, 'json')).filter((f) => !f.startsWith('.'))).toEqual(['dup.json', 'other.json']);
    expect(JSON.parse(readFileSync(join(dir, 'json/dup.json'), 'utf8')).source).toBe('a/dup');
    expect(r.code).toBe(2);
  });
});

describe('the error record', () => {
  it('is in the JSON Schema, beside the document', () => {
    const schema = jsonSchema() as { $defs: Record<string, { properties: object; required: string[] }> };
    expect(Object.keys(schema.$defs.ErrorRecord!.properties)).toEqual(['schemaVersion', 'source', 'error']);
    expect(schema.$defs.ErrorRecord!.required).toEqual(['schemaVersion', 'source', 'error']);
  });
});
