// `extract check`: golden files for CI, through the real CLI and through the diff itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../src/check.js';
import { extract } from '../src/index.js';
import { ROOT, runCli, workdir } from './helpers.js';

const run = (args: string[], cwd = ROOT) => runCli(args, { cwd });

const TEXT = '今年全县地区生产总值增长6.1%，规上工业增加值增长7.4%。新建村级警务室18个。\n';

describe('diffDocuments', () => {
  it('names added, removed and changed indicators, field by field', () => {
    const before = extract(TEXT);
    const after = extract(TEXT);
    after.indicators[0] = { ...after.indicators[0]!, direction: 'down' };
    const removed = after.indicators.splice(2, 1)[0]!;
    const diff = diffDocuments(before, after);
    expect(diff.document).toEqual([]);
    expect(diff.indicators).toEqual([
      { kind: 'changed', before: before.indicators[0], after: after.indicators[0], fields: [{ field: 'direction', before: 'up', after: 'down' }] },
      { kind: 'removed', indicator: removed },
    ]);
    expect(diffDocuments(after, before).indicators.map((c) => c.kind)).toEqual(['changed', 'added']);
  });
});

describe('extract check', () => {
  it('fails without expectations, saying so, writes them with --update, then passes quietly', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'report.txt'), TEXT);
    writeFileSync(join(dir, 'other.txt'), TEXT);
    const none = await run(['check', dir]);
    expect(none.code).toBe(1);
    expect(none.stdout).toBe(`check: none of the 2 fixtures in ${dir} has a NAME.expected.json to compare with: run \`extract check ${dir} --update\` to write them, read them, and commit them\n`);
    expect(none.stdout).not.toContain('differences');
    expect((await run(['check', dir, '--update'])).stdout).toContain(`check: 2 fixtures in ${dir}: 0 unchanged, 2 updated\n`);
    const clean = await run(['check', dir]);
    expect(clean.code).toBe(0);
    expect(clean.stdout.trim().split('\n')).toEqual([`check: 2 fixtures in ${dir}: 2 unchanged`]);
    expect(await run(['check', dir, '--quiet'])).toMatchObject({ code: 0, stdout: '', stderr: '' });

    // One expectation missing among others: that one is named, and the summary counts it.
    writeFileSync(join(dir, 'new.txt'), TEXT);
    const one = await run(['check', dir]);
    expect(one.code).toBe(1);
    expect(one.stdout).toBe(`new.txt: has no new.expected.json (run extract check --update to write it)\ncheck: 3 fixtures in ${dir}: 2 unchanged, 1 without expectation\n`);
  });

  it('exits 2 for a folder without fixtures', async () => {
    const r = await run(['check', workdir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^extract: check: .*: no fixtures \(\.txt, \.pdf, \.html, \.htm or \.docx files\)\n$/);
  });

  it('shows an edited expectation as a diff naming the document, the indicator and the field; --update restores it', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'report.txt'), TEXT);
    await run(['check', dir, '--update']);
    const path = join(dir, 'report.expected.json');
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, good.replace('"value": 7.4', '"value": 7.5'));
    const r = await run(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('report.txt: 1 changed');
    expect(r.stdout).toContain('~ changed [17,30) "规上工业增加值增长7.4%": 规上工业增加值 7.4 %');
    expect(r.stdout).toContain('value: 7.5 -> 7.4');
    expect(r.stdout).toContain(`check: 1 fixtures in ${dir}: 0 unchanged, 1 changed\n`);
    const u = await run(['check', dir, '--update']);
    expect(u.code).toBe(0);
    expect(u.stdout).toContain('updated report.expected.json');
    expect(readFileSync(path, 'utf8')).toBe(good);
  });

  it('exits 2 for a folder that does not exist', async () => {
    const r = await run(['check', join(tmpdir(), 'no-such-fixtures-folder')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^extract: check: .*no-such-fixtures-folder: no such file or directory\n$/);
  });
});

describe('the fixtures of this repository', () => {
  it('still parse exactly as their expectations say', async () => {
    const r = await run(['check', 'fixtures']);
    expect(r.stdout).toMatch(/check: \d+ fixtures in fixtures: \d+ unchanged\n$/);
    expect(r.code).toBe(0);
  });
});
