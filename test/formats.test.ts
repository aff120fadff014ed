// PDF, HTML and Word inputs through the CLI: a folder mixing the four formats in one
// command, on one thread or two; the derived text (--text-out) that the spans index; what
// --input-format forces; stdin; check, report and the view on converted inputs; and every bad
// input a clear line on stderr, nothing written for it, the others still processed, exit 2.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractedDocument } from '../src/contract.js';
import { expectGrounded, ROOT, runCli, workdir } from './helpers.js';

const FIXTURES = join(ROOT, 'fixtures');
const BAD = join(ROOT, 'test/inputs/bad');
const REPORT = ['30-county-bulletin.txt', '30-county-bulletin.pdf', '30-county-bulletin.html', '30-county-bulletin.docx'];

const run = (args: string[], options: { cwd?: string; input?: string | Buffer } = {}) => runCli(args, { cwd: options.cwd ?? ROOT, input: options.input });

/** A fresh folder with copies of these files. */
const folder = (files: Record<string, string>) => workdir(Object.fromEntries(Object.entries(files).map(([name, from]) => [name, readFileSync(from)])));

const docsOf = (jsonl: string) => jsonl.trim().split('\n').filter(Boolean).map((l) => ExtractedDocument.parse(JSON.parse(l)));
const tuples = (doc: ExtractedDocument) => doc.indicators.map((i) => [i.metric, i.value, i.upper, i.unit, i.direction, i.basis, i.qualifier, i.subject, i.target, i.pattern]);

describe('a folder mixing the four formats', () => {
  const withReport = () =>
    folder({
      ...Object.fromEntries(REPORT.map((f) => [f, join(FIXTURES, f)])),
      // A derived text beside its PDF, as --text-out writes it, is that PDF's text: not read again.
      '30-county-bulletin.pdf.txt': join(FIXTURES, '30-county-bulletin.pdf.txt'),
    });

  it('extracts in one command, the same tuples for the same report in every format, the same bytes on one thread or two', async () => {
    const dir = withReport();
    const one = await run(['--json', '--jobs', '1', dir]);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(0);
    const docs = docsOf(one.stdout);
    expect(docs.map((d) => [d.source.replace(dir, 'DIR'), d.format])).toEqual([
      ['DIR/30-county-bulletin.docx', 'docx'],
      ['DIR/30-county-bulletin.html', 'html'],
      ['DIR/30-county-bulletin.pdf', 'pdf'],
      ['DIR/30-county-bulletin.txt', undefined],
    ]);
    const [docx, html, pdf, txt] = docs;
    expect(txt!.indicators.length).toBeGreaterThan(80);
    for (const d of [docx, html, pdf]) expect(tuples(d!)).toEqual(tuples(txt!));
    expect(pdf!.indicators.every((i) => i.page! >= 1 && i.page! <= 3)).toBe(true);
    for (const d of [docx, html, txt]) expect(d!.indicators.some((i) => 'page' in i)).toBe(false);
    expect((await run(['--json', '--jobs', '2', dir])).stdout).toBe(one.stdout);
  });

  it('writes NAME.pdf.json beside NAME.json with --out, and the derived texts with --text-out, which the spans index', async () => {
    const dir = withReport();
    const out = workdir();
    const r = await run(['--out', out, '--text-out', out, '--jobs', '2', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // .extract holds what made each NAME.json, for --resume.
    expect(readdirSync(out).sort()).toEqual([
      '.extract',
      '30-county-bulletin.docx.json',
      '30-county-bulletin.docx.txt',
      '30-county-bulletin.html.json',
      '30-county-bulletin.html.txt',
      '30-county-bulletin.json',
      '30-county-bulletin.pdf.json',
      '30-county-bulletin.pdf.txt',
    ]);
    for (const name of ['30-county-bulletin.pdf', '30-county-bulletin.html', '30-county-bulletin.docx']) {
      const text = readFileSync(join(out, `${name}.txt`), 'utf8');
      expect(text).toBe(readFileSync(join(FIXTURES, `${name}.txt`), 'utf8'));
      expectGrounded(text, JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')));
    }
  });
});

describe('--text-out', () => {
  it('refuses two converted inputs that would write the same derived text, before writing anything', async () => {
    const a = folder({ 'r.pdf': join(FIXTURES, '30-county-bulletin.pdf') });
    const b = folder({ 'r.pdf': join(FIXTURES, '30-county-bulletin.pdf') });
    const out = folder({});
    const r = await run(['--json', '--text-out', out, join(a, 'r.pdf'), join(b, 'r.pdf')]);
    expect(r.stderr).toBe(`extract: --text-out: ${join(a, 'r.pdf')} and ${join(b, 'r.pdf')} would both write r.pdf.txt\n`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('bad inputs', () => {
  const BAD_FILES = ['encrypted.pdf', 'no-body-text.html', 'not-word.docx', 'scanned.pdf', 'truncated.docx', 'truncated.pdf'];
  const MESSAGES = [
    'encrypted.pdf: an encrypted PDF: it needs a password to open',
    'no-body-text.html: no article text in this page (only navigation, scripts or boilerplate)',
    'not-word.docx: a zip archive but not a Word document (no word/document.xml)',
    'scanned.pdf: no text layer: scanned pages need OCR first',
    'truncated.docx: a broken or cut-off DOCX (its zip archive is incomplete)',
    'truncated.pdf: a broken or cut-off PDF (no %%EOF at its end)',
  ];
  const mixed = () => folder({ ...Object.fromEntries(BAD_FILES.map((f) => [f, join(BAD, f)])), 'good.txt': join(FIXTURES, '01-change-rates.txt'), 'good.html': join(FIXTURES, '31-news-page.html') });

  it.each([['1'], ['2']])('each is one clear line on stderr, the others are still processed, and the exit code is 2 (--jobs %s)', async (jobs) => {
    const dir = mixed();
    const r = await run(['--json', '--jobs', jobs, dir]);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual(MESSAGES.map((m) => `extract: ${join(dir, m)}`));
    expect(r.code).toBe(2);
    expect(docsOf(r.stdout).map((d) => d.source)).toEqual([join(dir, 'good.html'), join(dir, 'good.txt')]);
  });

  it('with --out and --text-out nothing is written for them', async () => {
    const dir = mixed();
    const out = workdir();
    const r = await run(['--out', out, '--text-out', out, dir]);
    expect(r.code).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['.extract', 'good.html.json', 'good.html.txt', 'good.json']);
  });

  it('extract report and extract check name them the same way', async () => {
    const dir = mixed();
    const page = join(dir, 'report.html');
    const r = await run(['report', join(dir, 'scanned.pdf'), join(dir, 'good.html'), '-o', page]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`extract: ${join(dir, 'scanned.pdf')}: no text layer: scanned pages need OCR first\n`);
    expect(readFileSync(page, 'utf8')).toContain('受伤人数1682人');
    const c = await run(['check', dir]);
    expect(c.code).toBe(1);
    expect(c.stdout).toContain('encrypted.pdf: cannot be extracted: an encrypted PDF: it needs a password to open');
  });
});

describe('--input-format', () => {
  it('txt reads a page as text: its markup and all, no format recorded', async () => {
    const r = await run(['--json', '--input-format', 'txt', 'fixtures/31-news-page.html']);
    const [doc] = docsOf(r.stdout);
    expect(doc!.format).toBeUndefined();
    expect(doc!.chars).toBe([...readFileSync(join(FIXTURES, '31-news-page.html'), 'utf8')].length);
  });

  it('pdf on a text file says it is not a PDF, and exits 2', async () => {
    const r = await run(['--json', '--input-format', 'pdf', 'fixtures/01-change-rates.txt']);
    expect(r.stderr).toBe('extract: fixtures/01-change-rates.txt: not a PDF file (no %PDF header)\n');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('does not go with --input jsonl, whose records are text', async () => {
    const r = await run(['--input', 'jsonl', '--input-format', 'pdf'], { input: '' });
    expect(r.stderr).toBe('extract: --input jsonl reads text records: --input-format is for files\n');
    expect(r.code).toBe(2);
  });

  it('auto tells a PDF on stdin by its content', async () => {
    const r = await run(['--json', '-'], { input: readFileSync(join(FIXTURES, '30-county-bulletin.pdf')) });
    const [doc] = docsOf(r.stdout);
    expect([doc!.source, doc!.format, doc!.indicators.length]).toEqual(['-', 'pdf', JSON.parse(readFileSync(join(FIXTURES, '30-county-bulletin.pdf.expected.json'), 'utf8')).indicators.length]);
  });
});

describe('check, report and the view on converted inputs', () => {
  it('check compares a converted fixture’s derived text too, and --update rewrites it', async () => {
    const dir = folder({
      'a.pdf': join(FIXTURES, '30-county-bulletin.pdf'),
      'a.pdf.txt': join(FIXTURES, '30-county-bulletin.pdf.txt'),
      'a.pdf.expected.json': join(FIXTURES, '30-county-bulletin.pdf.expected.json'),
    });
    // The expectation names its source: a.pdf here.
    const expected = join(dir, 'a.pdf.expected.json');
    writeFileSync(expected, readFileSync(expected, 'utf8').replace('"source": "30-county-bulletin.pdf"', '"source": "a.pdf"'));
    expect((await run(['check', dir])).stdout).toBe(`check: 1 fixtures in ${dir}: 1 unchanged\n`);
    const derived = join(dir, 'a.pdf.txt');
    const good = readFileSync(derived, 'utf8');
    writeFileSync(derived, good.replace('禾丰县统计局', '禾丰县统计处'));
    const r = await run(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('a.pdf: its derived text differs from a.pdf.txt at line 2:\n      "禾丰县统计处" -> "禾丰县统计局"');
    expect((await run(['check', dir, '--update'])).code).toBe(0);
    expect(readFileSync(derived, 'utf8')).toBe(good);
    rmSync(derived);
    expect((await run(['check', dir])).stdout).toContain('a.pdf: has no a.pdf.txt, its derived text');
  });

  it('the report and the view show the derived text', async () => {
    const dir = folder({});
    const page = join(dir, 'r.html');
    expect((await run(['report', 'fixtures/30-county-bulletin.docx', '-o', page])).code).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('禾丰县统计局');
    const view = await run(['--format', 'view', 'fixtures/30-county-bulletin.pdf']);
    expect(view.code).toBe(0);
    expect(view.stdout).toContain('基本养老保险参保人数');
    expect(view.stdout).not.toContain('%PDF');
  });

  it('a folder’s listing takes every format, any case, and says which when it has none', async () => {
    const dir = folder({ 'A.PDF': join(FIXTURES, '30-county-bulletin.pdf'), 'notes.md': join(FIXTURES, 'README.md') });
    expect(docsOf((await run(['--json', dir])).stdout).map((d) => d.format)).toEqual(['pdf']);
    const empty = folder({ 'notes.md': join(FIXTURES, 'README.md') });
    expect((await run([empty])).stderr).toBe(`extract: ${empty}: directory has no .txt, .pdf, .html, .htm or .docx files\n`);
    expect(existsSync(join(dir, 'A.PDF'))).toBe(true);
  });
});
