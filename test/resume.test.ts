// --resume redoes what is missing or stale: an output made from other input bytes, with other
// options (--explain, the pattern library) or by another version, or changed since it was
// written, is made again; a current one is left alone. A large file is hashed a block at a time
// on this thread, never loaded whole into a worker.
import { closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractedDocument } from '../src/contract.js';
import { ROOT, runCli, runProcess, workdir } from './helpers.js';

const REPORT = '全市地区生产总值增长5.2%，新建学校12所。\n';

const doc = (dir: string, name = 'a.json') => ExtractedDocument.parse(JSON.parse(readFileSync(join(dir, 'json', name), 'utf8')));
/** Changes when the file is written again (a rename puts a new file in its place). */
const identity = (path: string) => {
  const s = statSync(path, { bigint: true });
  return `${s.ino}:${s.mtimeNs}`;
};

async function extract(dir: string, args: string[]): Promise<void> {
  const r = await runCli(['a.txt', '--out', 'json', ...args], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

describe('--resume', () => {
  it('redoes an output made with other options or patterns, and leaves a current one alone', async () => {
    const pattern = readFileSync(join(ROOT, 'patterns/change.up.yaml'), 'utf8').replace(/^id: change\.up$/m, 'id: mine.up');
    const dir = workdir({ 'a.txt': REPORT, 'mine/up.yaml': pattern });
    const output = join(dir, 'json/a.json');
    await extract(dir, []);
    expect(doc(dir).indicators.every((i) => i.explain === undefined)).toBe(true);

    await extract(dir, ['--resume', '--explain']);
    expect(doc(dir).indicators.every((i) => i.explain !== undefined)).toBe(true);
    const made = identity(output);
    await extract(dir, ['--resume', '--explain']);
    expect(identity(output)).toBe(made);

    const mine = ['--resume', '--no-builtin-patterns', '--patterns', 'mine'];
    await extract(dir, mine);
    expect(doc(dir).indicators.map((i) => i.pattern)).toEqual(['mine.up']);
    // The same options, but a pattern file changed since.
    writeFileSync(join(dir, 'mine/up.yaml'), pattern.replace(/^id: mine\.up$/m, 'id: mine.rise'));
    await extract(dir, mine);
    expect(doc(dir).indicators.map((i) => i.pattern)).toEqual(['mine.rise']);
  });

  it('redoes an output made by another version, or changed since it was written', async () => {
    const dir = workdir({ 'a.txt': REPORT });
    const output = join(dir, 'json/a.json');
    const record = join(dir, 'json/.extract/a.json');
    await extract(dir, []);
    const first = readFileSync(output, 'utf8');

    writeFileSync(record, readFileSync(record, 'utf8').replace(/"version":"[^"]*"/, '"version":"0.0.0-older"'));
    let made = identity(output);
    await extract(dir, ['--resume']);
    expect(identity(output)).not.toBe(made);
    expect(readFileSync(output, 'utf8')).toBe(first);

    writeFileSync(output, first.replace('"indicators": [', '"indicators": [],"x": ['));
    made = identity(output);
    await extract(dir, ['--resume']);
    expect(readFileSync(output, 'utf8')).toBe(first);

    // A changed input, as before.
    writeFileSync(join(dir, 'a.txt'), '新建学校3所。\n');
    await extract(dir, ['--resume']);
    expect(doc(dir).indicators.map((i) => i.value)).toEqual([3]);
  });

  it('redoes an output read in another --input-format', async () => {
    const page =
      '<!doctype html><html><head><title>通报</title></head><body><article><h1>全市经济运行情况通报</h1>' +
      '<p>今年以来，全市经济运行总体平稳，地区生产总值增长5.2%，新建学校12所。</p>' +
      '<p>全市上下坚持稳中求进工作总基调，统筹推进经济社会发展各项工作，发展质量和效益稳步提升。</p></article></body></html>\n';
    const dir = workdir({ 'page.html': page });
    const run = (args: string[]) => runCli(['page.html', '--out', 'json', '--resume', ...args], { cwd: dir });
    expect((await run([])).code).toBe(0);
    expect(doc(dir, 'page.html.json').format).toBe('html');
    expect((await run(['--input-format', 'txt'])).code).toBe(0);
    expect(doc(dir, 'page.html.json').format).toBeUndefined();
  });

  it('records are what --jsonl records are resumed by too', async () => {
    const dir = workdir();
    const input = JSON.stringify({ id: 'r1', text: REPORT }) + '\n';
    const run = (args: string[]) => runCli(['--input', 'jsonl', '--out', 'json', ...args], { cwd: dir, input });
    expect((await run([])).code).toBe(0);
    const made = identity(join(dir, 'json/r1.json'));
    expect((await run(['--resume'])).code).toBe(0);
    expect(identity(join(dir, 'json/r1.json'))).toBe(made);
    expect((await run(['--resume', '--explain'])).code).toBe(0);
    expect(identity(join(dir, 'json/r1.json'))).not.toBe(made);
  });

  it('a file larger than a worker may hold, on several threads: written, then left alone', () => {
    const dir = workdir({ 'a.txt': REPORT });
    const line = Buffer.from('全县粮食产量达到52.6万吨，同比增长3.1%，新建学校12所。城镇居民人均可支配收入达到4.8万元。\n');
    const fd = openSync(join(dir, 'big.txt'), 'w');
    const block = Buffer.concat(Array.from({ length: 1000 }, () => line));
    // Dense with figures: a worker's heap did not hold the document of so many
    // (ERR_WORKER_OUT_OF_MEMORY). Workers get 20 MB of heap, not 160, which hold a document of
    // half a megabyte of such text: the file is twice that, so it is read on the main thread.
    for (let size = 0; size < 1 << 20; size += block.length) writeSync(fd, block);
    closeSync(fd);
    const env = { ...process.env, NO_COLOR: '1', EXTRACT_WORKER_HEAP_MB: '20' };
    const run = () => runProcess(['big.txt', 'a.txt', '--out', 'json', '--resume', '--jobs', '2'], { cwd: dir, env });
    const first = run();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(doc(dir, 'big.json').indicators.length).toBeGreaterThanOrEqual(30_000);
    const made = identity(join(dir, 'json/big.json'));
    const again = run();
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(identity(join(dir, 'json/big.json'))).toBe(made);
  });
});
