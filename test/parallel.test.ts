// Same output however the work is spread: --jobs 1 or 2, files or --input jsonl, one process
// or GNU parallel splitting the JSON Lines (the README's recipe, with Debian's `parallel`).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/pipeline/decode.js';
import { BIN, onlyIf, ROOT, runCli } from './helpers.js';

const FIXTURES = readdirSync(`${ROOT}/fixtures`)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => `fixtures/${f}`);

/** stdout of a run that succeeds quietly. */
function quietly(r: { code: number | null; stderr: string; stdout: string }): string {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}
function run(command: string, args: string[], input?: string): string {
  const r = spawnSync(command, args, { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });
  return quietly({ code: r.status, stdout: r.stdout, stderr: r.stderr });
}
const extract = async (args: string[], input?: string) => quietly(await runCli(args, { cwd: ROOT, input }));
const lines = (out: string) => out.split('\n').slice(0, -1);

/** The fixtures as JSON Lines records, id = the path the file run reports as source. */
function fixturesAsJsonl(paths = FIXTURES): string {
  return paths.map((path) => JSON.stringify({ id: path, text: decode(readFileSync(`${ROOT}/${path}`)).text }) + '\n').join('');
}

const gnuParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' });
const HAS_PARALLEL = gnuParallel.status === 0 && gnuParallel.stdout.includes('GNU parallel');

describe('output does not depend on how the work is spread', () => {
  it('--jobs 1 and --jobs 2 write the same bytes for the fixtures', async () => {
    const one = await extract(['--jobs', '1', '--json', ...FIXTURES]);
    const two = await extract(['--jobs', '2', '--json', ...FIXTURES]);
    expect(lines(one)).toHaveLength(FIXTURES.length);
    expect(two).toBe(one);
  }, 60_000);

  it('files and --input jsonl (id = path) write the same lines', async () => {
    const files = lines(await extract(['--jobs', '1', '--json', ...FIXTURES]));
    const records = lines(await extract(['--input', 'jsonl', '--jobs', '2'], fixturesAsJsonl()));
    expect(records).toHaveLength(files.length);
    FIXTURES.forEach((path, i) => {
      const file = JSON.parse(files[i]!);
      if (file.encoding === 'utf-8') {
        expect(records[i], path).toBe(files[i]);
      } else {
        // A record carries text, not bytes: its hash and encoding are those of its UTF-8 text.
        const record = JSON.parse(records[i]!);
        expect(record.encoding).toBe('utf-8');
        expect({ ...record, sha256: file.sha256, encoding: file.encoding }, path).toEqual(file);
      }
    });
  }, 60_000);
});

describe('GNU parallel recipe', () => {
  onlyIf(HAS_PARALLEL, 'no GNU parallel on the PATH (apt-get install parallel)');
  // Eleven records, so that the last chunk of -N 5 holds one; texts with escaped newlines and an
  // empty text, so that records stay one line each whatever they hold.
  const corpus =
    fixturesAsJsonl(FIXTURES.slice(0, 8)) +
    [
      { id: 'multi-line', text: '全市新增公园12座。\n城镇登记失业率4.1%，\r\n下降0.3个百分点。' },
      { id: 'empty', text: '' },
      { id: 42, text: '粮食产量达到1500万吨，增长2.1%。' },
    ]
      .map((r) => JSON.stringify(r) + '\n')
      .join('');

  // -N: so many records a process; --block: about so many bytes a process, cut between records
  // (the better recipe for a large corpus: fewer processes to start).
  it.each([
    ['-N', '5'],
    ['--block', '1k'],
  ])('parallel --pipe %s %s --keep-order gives the single run, line for line', async (split, size) => {
    // The premise: the corpus is really cut into several pieces, each of whole records.
    const pieces = lines(run('parallel', ['--will-cite', '--pipe', split, size, '--keep-order', 'wc', '-l'], corpus)).map(Number);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.reduce((a, b) => a + b)).toBe(lines(corpus).length);
    const whole = lines(await extract(['--input', 'jsonl', '--jobs', '1'], corpus));
    expect(whole).toHaveLength(lines(corpus).length);
    const spread = run('parallel', ['--will-cite', '--pipe', split, size, '--keep-order', process.execPath, BIN, '--input', 'jsonl', '--jobs', '1'], corpus);
    expect(lines(spread)).toEqual(whole);
  }, 120_000);
});
