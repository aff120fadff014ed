// `extract table`: every filter, the pivot, each format, synonyms grouped under one canonical
// name, and --from documents already extracted, on reports written for the test.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/views/csv.js';
import { parsePeriodFilter } from '../src/table/rows.js';
import { ROOT, runCli, workdir } from './helpers.js';

const A = '青川市政府工作报告\n——2026年1月20日在青川市第九届人民代表大会第五次会议上\n一、2025年工作回顾\n过去一年，全市地区生产总值增长5.6%，城镇调查失业率为4.9%，居民人均可支配收入增长5.8%。\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长5.5%左右，城镇调查失业率5.5%左右，刑事案件发案量下降3%。\n';
const B = '临泽县政府工作报告\n——2026年1月22日在临泽县第十八届人民代表大会第四次会议上\n一、2025年工作回顾\n全县GDP增长6.1%，刑事案件发案数下降12%，新建学校3所。\n二、2026年工作安排\n今年全县生产总值增长6%左右，调查失业率控制在5.5%以内。\n';
const C = '全市新建学校12所。\n';

const DIR = workdir({ 'a.txt': A, 'b.txt': B, 'c.txt': C });
const [a, b, c] = ['a.txt', 'b.txt', 'c.txt'].map((f) => join(DIR, f)) as [string, string, string];

const run = (args: string[], stdin = '') => runCli(['--jobs', '1', 'table', ...args], { cwd: ROOT, input: stdin });

const jsonl = (s: string) => s.trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const cells = async (args: string[]) => jsonl((await run(args)).stdout).map((r) => [r.document.replace(`${DIR}/`, ''), r.canonical, r.value, r.period?.from ?? null]);

describe('extract table: filters', () => {
  it('--metric matches the whole canonical name, grouping synonyms, and --target keeps the goals', async () => {
    expect(await cells([a, b, c, '--metric', '地区生产总值', '--target'])).toEqual([
      ['a.txt', '地区生产总值', 5.5, '2026'],
      ['b.txt', '地区生产总值', 6, '2026'],
    ]);
    const rows = jsonl((await run([a, b, '--metric', '地区生产总值', '--target'])).stdout);
    expect(rows.map((r) => r.metric)).toEqual(['地区生产总值', '生产总值']);
  });

  it('--no-target keeps the results; the metric as written matches too', async () => {
    expect(await cells([a, b, '--metric', '地区生产总值', '--no-target'])).toEqual([
      ['a.txt', '地区生产总值', 5.6, '2025'],
      ['b.txt', '地区生产总值', 6.1, '2025'],
    ]);
    expect(await cells([b, '--metric', 'GDP'])).toEqual([['b.txt', '地区生产总值', 6.1, '2025']]);
  });

  it('groups 发案量 with 发案数, and 调查失业率 with 城镇调查失业率', async () => {
    expect(await cells([a, b, '--metric', '刑事案件发案数'])).toEqual([
      ['a.txt', '刑事案件发案数', 3, '2026'],
      ['b.txt', '刑事案件发案数', 12, '2025'],
    ]);
    expect((await cells([a, b, '--metric', '.*失业率', '--target'])).map((r) => r[2])).toEqual([5.5, 5.5]);
  });

  it('--unit, --direction and --period', async () => {
    expect((await cells([a, b, c, '--unit', '所'])).map((r) => r[2])).toEqual([3, 12]);
    expect((await cells([a, b, '--direction', 'down'])).map((r) => r[2])).toEqual([3, 12]);
    expect((await cells([a, b, '--direction', 'none', '--unit', '%'])).map((r) => r[2])).toEqual([4.9, 5.5, 5.5]);
    expect((await cells([a, b, c, '--period', '2025', '--unit', '所'])).map((r) => r[2])).toEqual([3]);
    expect((await cells([a, b, '--period', '2026..2030'])).map((r) => r[2])).toEqual([5.5, 5.5, 3, 6, 5.5]);
    expect((await cells([a, '--period', '2025-01..2025-06']))).toEqual([]);
  });

  it('refuses a filter it cannot read: exit 2, one line', async () => {
    for (const [args, message] of [
      [['--metric', '(地区'], 'extract: --metric: not a regular expression'],
      [['--period', '2025..2024'], 'extract: --period: 2025..2024: give YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO'],
      [['--direction', 'sideways'], "extract: option '--direction <direction>' argument 'sideways' is invalid"],
    ] as const) {
      const r = await run([a, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toContain(message);
      expect(r.stdout).toBe('');
    }
  });

  it('reads periods to filter by as the help says', () => {
    expect(parsePeriodFilter('2026')).toEqual({ from: '2026', to: '2026' });
    expect(parsePeriodFilter('2025-01..2025-06')).toEqual({ from: '2025-01', to: '2025-06' });
    expect(parsePeriodFilter('2025-13')).toBeNull();
    expect(parsePeriodFilter('2025..')).toBeNull();
  });
});

describe('extract table: formats', () => {
  const args = [a, b, '--metric', '地区生产总值', '--target'];

  it('an aligned table: one column under each header, in terminal columns', async () => {
    const r = await run([...args, '--format', 'table']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^document\s+metric\s+value\s+unit\s+direction\s+basis\s+qualifier\s+period\s+text$/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/a\.txt\s+地区生产总值\s+5\.5\s+%\s+up\s+about\s+2026\s+地区生产总值增长5\.5%左右$/);
    // Wide characters count two columns: `value` starts at the same column on every line.
    const column = (line: string) => [...line.slice(0, line.search(/5\.5|6 |value/))].reduce((w, ch) => w + (/\p{Script=Han}/u.test(ch) ? 2 : 1), 0);
    expect(new Set(lines.map(column)).size).toBe(1);
  });

  it('CSV as --format csv writes it: a byte-order mark, CRLF, every field', async () => {
    const r = await run([...args, '--format', 'csv']);
    expect(r.stdout.startsWith('\uFEFFdocument,canonical,metric,value,upper,unit,direction,basis,qualifier,subject,target,period,period_from,period_to,text\r\n')).toBe(true);
    const rows = parseCsv(r.stdout);
    expect(rows).toHaveLength(3);
    expect(rows[2]!.slice(1)).toEqual(['地区生产总值', '生产总值', '6', '', '%', 'up', '', 'about', '全县', 'true', '今年', '2026', '2026', '生产总值增长6%左右']);
  });

  it('Markdown', async () => {
    const r = await run([...args, '--format', 'md']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('| document | metric | value | unit | direction | basis | qualifier | period | text |');
    expect(lines[1]).toBe('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    expect(lines[3]).toBe(`| ${b} | 地区生产总值 | 6 | % | up |  | about | 2026 | 生产总值增长6%左右 |`);
  });

  it('JSON Lines, the default in a pipe', async () => {
    const rows = jsonl((await run(args)).stdout);
    expect(rows[0]).toEqual({
      document: a, canonical: '地区生产总值', metric: '地区生产总值', value: 5.5, unit: '%', direction: 'up', basis: null,
      qualifier: 'about', subject: null, target: true, period: { text: '主要预期目标', from: '2026', to: '2026' }, text: '地区生产总值增长5.5%左右',
    });
  });

  it('--pivot: one row per document, every document, one column per metric and unit; a fall is negative', async () => {
    const r = await run([a, b, c, '--metric', '地区生产总值|刑事案件发案数', '--pivot', '--format', 'csv']);
    const rows = parseCsv(r.stdout);
    expect(rows).toEqual([
      ['document', '地区生产总值 (%)', '刑事案件发案数 (%)'],
      [a, '5.6; 5.5', '-3'],
      [b, '6.1; 6', '-12'],
      [c, '', ''],
    ]);
    const json = jsonl((await run([a, b, c, '--metric', '地区生产总值', '--target', '--pivot'])).stdout);
    expect(json).toEqual([{ document: a, '地区生产总值 (%)': [5.5] }, { document: b, '地区生产总值 (%)': [6] }, { document: c, '地区生产总值 (%)': [] }]);
    const table = (await run([a, b, '--metric', '地区生产总值', '--target', '--pivot', '--format', 'table'])).stdout.split('\n');
    expect(table[0]).toMatch(/^document\s+地区生产总值 \(%\)$/);
    const md = (await run([a, '--metric', '地区生产总值', '--target', '--pivot', '--format', 'md'])).stdout;
    expect(md).toBe(`| document | 地区生产总值 (%) |\n| --- | --- |\n| ${a} | 5.5 |\n`);
  });

  it('an empty table still has its header', async () => {
    expect((await run([c, '--metric', '无此指标', '--format', 'csv'])).stdout).toBe('\uFEFFdocument,canonical,metric,value,upper,unit,direction,basis,qualifier,subject,target,period,period_from,period_to,text\r\n');
    expect((await run([c, '--metric', '无此指标'])).stdout).toBe('');
  });
});

describe('extract table --from', () => {
  it('tables JSON Lines already written as it tables the inputs themselves', async () => {
    const extracted = await runCli(['--jobs', '1', a, b, c], { cwd: ROOT });
    expect(extracted.code).toBe(0);
    const out = join(workdir({}), 'out.ndjson');
    writeFileSync(out, extracted.stdout);
    const direct = await run([a, b, c, '--metric', '地区生产总值', '--pivot']);
    const fromFile = await run(['--from', out, '--metric', '地区生产总值', '--pivot']);
    expect(fromFile).toEqual(direct);
    expect(await run(['--from', '-', '--metric', '地区生产总值', '--pivot'], extracted.stdout)).toEqual(direct);
  });

  it('reads a pretty NAME.json of --out, and reports lines that are no documents of this version', async () => {
    const outDir = workdir({});
    expect((await runCli(['--jobs', '1', a, '--out', outDir], { cwd: ROOT })).code).toBe(0);
    const pretty = await run(['--from', join(outDir, 'a.json'), '--metric', '地区生产总值', '--target']);
    expect(pretty.code).toBe(0);
    expect(jsonl(pretty.stdout).map((r) => r.value)).toEqual([5.5]);

    const mixed = join(workdir({}), 'mixed.ndjson');
    const v1 = JSON.stringify({ schemaVersion: 1, source: 'old.txt', sha256: '0'.repeat(64), encoding: 'utf-8', chars: 0, indicators: [] });
    const extracted = (await runCli(['--jobs', '1', b], { cwd: ROOT })).stdout;
    writeFileSync(mixed, ['not json', v1, extracted.trimEnd(), '{"source": "x"}'].join('\n') + '\n');
    const r = await run(['--from', mixed, '--metric', '地区生产总值', '--target']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `extract: ${mixed} line 1: not JSON`,
      `extract: ${mixed} line 2: a document of schemaVersion 1: extract it again`,
      `extract: ${mixed} line 4: not an extract document (schemaVersion: Invalid input: expected 2)`,
    ]);
    expect(jsonl(r.stdout).map((row) => row.value)).toEqual([6]);
  });

  it('takes documents or inputs, not both; a missing file is one line and exit 2', async () => {
    expect((await run([a, '--from', '-'])).stderr).toBe('extract: --from reads documents already extracted: give no inputs as well\n');
    const missing = await run(['--from', join(DIR, 'none.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`extract: ${join(DIR, 'none.ndjson')}: no such file or directory\n`);
  });
});
