// The CLI as a user runs it: its stdout, stderr and exit code.
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractedDocument } from '../src/contract.js';
import { parseCsv } from '../src/views/csv.js';
import { ROOT, expectGrounded, runCli, runProcess, workdir } from './helpers.js';

const run = (args: string[], input?: string, cwd = ROOT) => runCli(args, { cwd, input });

const REPORT = '今年全县刑事案件发案数同比下降12.5%，破案率上升3.2个百分点；新建村级警务室18个。\n';


describe('extract', () => {
  it('writes one JSON document per input line when stdout is not a terminal', async () => {
    const dir = workdir({ 'a.txt': REPORT, 'b.txt': '全市新增公园12座。' });
    const r = await run(['a.txt', 'b.txt'], undefined, dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((l) => ExtractedDocument.parse(JSON.parse(l)));
    expect(a!.source).toBe('a.txt');
    expect(a!.indicators.map((i) => [i.metric, i.value, i.unit, i.direction, i.basis])).toEqual([
      ['刑事案件发案数', 12.5, '%', 'down', 'yoy'],
      ['刑事案件破案率', 3.2, '百分点', 'up', null],
      ['新建村级警务室', 18, '个', null, null],
    ]);
    expectGrounded(REPORT, a!);
    expect(b!.indicators).toHaveLength(1);
  });

  it('reads stdin for -, expands quoted globs and folders in a stable order', async () => {
    const dir = workdir({ 'b.txt': REPORT, 'a.txt': REPORT, 'c.md': REPORT });
    const fromStdin = await run(['-'], REPORT, dir);
    expect(JSON.parse(fromStdin.stdout).source).toBe('-');
    const globbed = await run(['*.txt'], undefined, dir);
    expect(globbed.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).source)).toEqual(['a.txt', 'b.txt']);
    const folder = await run(['.'], undefined, dir);
    expect(folder.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).source)).toEqual(['a.txt', 'b.txt']);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const dir = workdir({ 'a.txt': REPORT });
    expect((await run(['a.txt'], undefined, dir)).stdout).toBe((await run(['a.txt'], undefined, dir)).stdout);
  });

  it('reports a missing input on stderr, goes on with the others, and exits 2', async () => {
    const dir = workdir({ 'a.txt': REPORT });
    const r = await run(['missing.txt', 'a.txt', 'none-*.txt'], undefined, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('extract: missing.txt: no such file or directory\nextract: none-*.txt: no file matches this pattern\n');
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('decodes GB18030 and records the encoding', async () => {
    const gbk = Buffer.from([0xd4, 0xf6, 0xb3, 0xa4, 0x35, 0x25]); // 增长5%
    const dir = workdir({ 'g.txt': Buffer.concat([Buffer.from([0xc0, 0xfb, 0xc8, 0xf3]), gbk]) }); // 利润增长5%
    const doc = JSON.parse((await run(['g.txt'], undefined, dir)).stdout);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.indicators[0]).toMatchObject({ metric: '利润', value: 5, unit: '%', direction: 'up', text: '利润增长5%' });
  });

  it('writes one pretty NAME.json per document with --out', async () => {
    const dir = workdir({ 'a.txt': REPORT });
    const r = await run(['a.txt', '--out', 'json'], undefined, dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    // .extract holds what made each file, for --resume.
    expect(readdirSync(join(dir, 'json')).sort()).toEqual(['.extract', 'a.json']);
    const text = readFileSync(join(dir, 'json/a.json'), 'utf8');
    expect(text).toContain('\n  "indicators": [');
    expect(ExtractedDocument.parse(JSON.parse(text)).indicators).toHaveLength(3);
  });

  it('prints the JSON Schema, help and version', async () => {
    const schema = JSON.parse((await run(['schema'])).stdout);
    expect(schema.properties.indicators.items.required).toContain('metric');
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--out <dir>');
    expect(help.stdout).toContain('Examples:');
    for (const flag of ['-q, --quiet', '--color <when>', '--no-color', '--all-documents', 'NO_COLOR=1', 'FORCE_COLOR=1', 'progress bar']) expect(help.stdout).toContain(flag);
    const report = (await run(['report', '--help'])).stdout;
    for (const flag of ['-o, --out <file>', 'default: "report.html"', '--patterns <dir...>', '-j, --jobs <n>', '-q, --quiet', 'Examples:', '$ extract report reports/']) expect(report).toContain(flag);
    expect((await run(['--version'])).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('exits 2 with one line for a usage error', async () => {
    const r = await run(['--no-such-option']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect((await run([])).code).toBe(2);
  });
});

describe('views from the command line', () => {
  const dir = () => workdir({ 'a.txt': REPORT });
  // Colors are told by the environment as the process starts (bin/extract.js).
  const runEnv = (args: string[], cwd: string, env: Record<string, string>) =>
    runProcess(args, { cwd, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env } });

  it('colors the readable view with FORCE_COLOR and never with NO_COLOR', () => {
    const d = dir();
    expect(runEnv(['-f', 'view', 'a.txt'], d, { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    const plain = runEnv(['-f', 'view', 'a.txt'], d, { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout;
    expect(plain).not.toContain('\u001b[');
    expect(plain).toContain('刑事案件发案数同比下降12.5%');
  });

  it('--color and --no-color win over NO_COLOR and FORCE_COLOR; a wrong value is a usage error', async () => {
    const d = dir();
    expect(runEnv(['-f', 'view', '--color=always', 'a.txt'], d, { NO_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(runEnv(['-f', 'view', '--color', 'never', 'a.txt'], d, { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
    expect(runEnv(['-f', 'view', '--no-color', 'a.txt'], d, { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
    const wrong = await run(['--color=sometimes', 'a.txt'], undefined, d);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^extract: option '--color <when>' argument 'sometimes' is invalid/);
  });

  it('writes CSV with a byte-order mark, one row per indicator, its signed value and sentence', async () => {
    const d = workdir({ 'a.txt': REPORT, 'none.txt': '今天天气很好。' });
    const r = await run(['-f', 'csv', 'a.txt', 'none.txt'], undefined, d);
    expect(r.stdout.startsWith('\uFEFFsource,metric,value,')).toBe(true);
    const rows = parseCsv(r.stdout);
    // A document without indicators has no row.
    expect(rows.map((row) => row[0])).toEqual(['source', 'a.txt', 'a.txt', 'a.txt']);
    expect(rows).toHaveLength(4);
    const column = (name: string) => rows.slice(1).map((row) => row[rows[0]!.indexOf(name)]);
    expect(column('signed_value')).toEqual(['-12.5', '3.2', '18']);
    expect(column('sentence')).toEqual(Array(3).fill(REPORT.trim()));
    expect(column('canonical')).toEqual(['刑事案件发案数', '刑事案件破案率', '新建村级警务室']);
    expect(column('period')).toEqual(['今年', '今年', '今年']);
  });

  it('keeps a row for a document without indicators with --all-documents (CSV only)', async () => {
    const d = workdir({ 'a.txt': REPORT, 'none.txt': '今天天气很好。' });
    const all = parseCsv((await run(['-f', 'csv', '--all-documents', 'a.txt', 'none.txt'], undefined, d)).stdout);
    expect(all.map((row) => row[0])).toEqual(['source', 'a.txt', 'a.txt', 'a.txt', 'none.txt']);
    expect(all[4]!.slice(1).every((cell) => cell === '')).toBe(true);
    const json = await run(['--all-documents', 'a.txt'], undefined, d);
    expect(json.code).toBe(2);
    expect(json.stderr).toBe('extract: --all-documents goes with --format csv\n');
  });

  it('adds the clause and the rules that decided each field with --explain', async () => {
    const doc = JSON.parse((await run(['--explain', 'a.txt'], undefined, dir())).stdout);
    expect(doc.indicators[1].explain).toEqual({
      clause: '破案率上升3.2个百分点',
      rules: {
        pattern: 'change.up',
        metric: 'metric.before + phrase.noun + carry.modifier',
        direction: 'direction.cue (上升)',
        basis: 'basis.none',
        qualifier: 'qualifier.none',
        subject: 'subject.sentence-opening',
        target: 'target.none',
        period: 'period.opener (今年)',
      },
    });
  });

  it('writes a self-contained HTML report, to report.html unless -o names another file', async () => {
    const d = dir();
    const r = await run(['report', 'a.txt'], undefined, d);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('extract: wrote report.html: 1 documents, 3 indicators\n');
    const html = readFileSync(join(d, 'report.html'), 'utf8');
    expect(html.toLowerCase()).toContain('<!doctype html>');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']https?:/);
    // -o and --out as at the top level; --output, its name before, still works; --quiet says nothing.
    expect(await run(['report', 'a.txt', '-o', 'r.html', '--quiet'], undefined, d)).toMatchObject({ code: 0, stderr: '' });
    expect((await run(['report', 'a.txt', '--output', 'old.html'], undefined, d)).stderr).toBe('extract: wrote old.html: 1 documents, 3 indicators\n');
    expect(readFileSync(join(d, 'r.html'), 'utf8')).toBe(html);
    expect(readFileSync(join(d, 'old.html'), 'utf8')).toBe(html);
    const stdin = await run(['report', '-', '-o', 'stdin.html'], REPORT, d);
    expect(stdin.stderr).toBe('extract: wrote stdin.html: 1 documents, 3 indicators\n');
  });

  it('extracts a report with --patterns and --jobs, given after report or before it', async () => {
    const d = workdir({ 'a.txt': REPORT, 'b.txt': REPORT });
    mkdirSync(join(d, 'mine'));
    copyFileSync(join(ROOT, 'patterns/change.down.yaml'), join(d, 'mine/change.down.yaml'));
    const after = await run(['report', 'a.txt', 'b.txt', '--out', 'after.html', '--no-builtin-patterns', '--patterns', 'mine', '--jobs', '2'], undefined, d);
    expect(after.stderr).toBe('extract: wrote after.html: 2 documents, 2 indicators\n');
    const before = await run(['--no-builtin-patterns', 'report', 'a.txt', 'b.txt', '-o', 'before.html', '--patterns', 'mine', '--jobs', '1'], undefined, d);
    expect(before.stderr).toBe('extract: wrote before.html: 2 documents, 2 indicators\n');
    expect(readFileSync(join(d, 'before.html'), 'utf8')).toBe(readFileSync(join(d, 'after.html'), 'utf8'));
  });
});
