// Where output goes wrong: a full disk, a read-only folder, a name too long, a path that is not
// a folder or not a regular file, a path that is also an input. Each is one line on stderr, exit
// 2, the other inputs still written; nothing that is not a regular file is ever replaced, and no
// temporary file is left behind, not even by an interrupted run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryName } from '../src/cli/atomic.js';
import { BIN, expectLines, onlyIf, runCli, runProcess, withMounts, workdir } from './helpers.js';

const REPORT = '全市地区生产总值增长5.2%，新建学校12所。\n';
/** About 100 KB of text whose JSON is larger still: too much for a file system of 64 KB. */
const LONG_REPORT = '全县粮食产量达到52.6万吨，同比增长3.1%，新建学校12所。\n'.repeat(2500);

const root = process.getuid?.() === 0;
const tinyDisk = withMounts('mount -t tmpfs -o size=64k tmpfs small');
const readOnly = withMounts('mount -t tmpfs -o ro tmpfs ro');

/** The files of a folder, hidden ones included, sorted. */
const listing = (dir: string) => readdirSync(dir).sort();

describe('--out', () => {
  it('naming a file or a device: one line, exit 2, the file untouched', async () => {
    const dir = workdir({ 'a.txt': REPORT });
    for (const out of ['a.txt', '/dev/null']) {
      const r = await runCli(['a.txt', '--out', out], { cwd: dir });
      expectLines(r.stderr, [`extract: --out ${out}: not a folder`]);
      expect(r.code).toBe(2);
    }
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(REPORT);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a folder that cannot be made: one line, exit 2', async () => {
    const dir = workdir({ 'a.txt': REPORT });
    const r = await runCli(['a.txt', '--out', 'a.txt/json'], { cwd: dir });
    expectLines(r.stderr, ['extract: --out a.txt/json: cannot make this folder: a part of the path is not a directory']);
    expect(r.code).toBe(2);
  });

  it('a full disk: that document is reported, the others are written, no temporary is left', (ctx) => {
    ctx.skip(!tinyDisk, 'a disk of its own needs root and unshare');
    const dir = workdir({ 'a.txt': REPORT, 'big.txt': LONG_REPORT, 'c.txt': REPORT });
    mkdirSync(join(dir, 'small'));
    const r = runProcess(['a.txt', 'big.txt', 'c.txt', '--out', 'small/json', '--jobs', '1'], { cwd: dir }, [...tinyDisk!, 'sh', '-c', '"$@"; code=$?; ls -A small/json; exit $code', 'sh']);
    expectLines(r.stderr, ['extract: big.txt: cannot write small/json/big.json: no space left on device']);
    // The listing of the folder, taken inside the namespace before its file system went away.
    expect(r.stdout.trim().split('\n').filter((f) => f !== '.extract')).toEqual(['a.json', 'c.json']);
    expect(r.code).toBe(2);
  });

  it('a read-only folder: every document reported, exit 2', (ctx) => {
    ctx.skip(!readOnly, 'a read-only file system of its own needs root and unshare');
    const dir = workdir({ 'a.txt': REPORT, 'b.txt': REPORT });
    mkdirSync(join(dir, 'ro'));
    const r = runProcess(['a.txt', 'b.txt', '--out', 'ro'], { cwd: dir }, readOnly!);
    expectLines(r.stderr, ['extract: a.txt: cannot write ro/a.json: read-only file system', 'extract: b.txt: cannot write ro/b.json: read-only file system']);
    expect(r.code).toBe(2);
  });

  it('a name too long for the file system: that record is reported, the others are written', async () => {
    const dir = workdir();
    const long = 'x'.repeat(300);
    const input = ['first', long, 'last'].map((id) => JSON.stringify({ id, text: REPORT }) + '\n').join('');
    const r = await runCli(['--input', 'jsonl', '--out', 'json'], { cwd: dir, input });
    expectLines(r.stderr, [`extract: stdin line 2: cannot write json/${long}.json: the name is too long`]);
    expect(listing(join(dir, 'json')).filter((f) => f !== '.extract')).toEqual(['first.json', 'last.json']);
    expect(r.code).toBe(2);
  });

  it('never replaces what is not a regular file: a folder, a link', async () => {
    const dir = workdir({ 'a.txt': REPORT, 'b.txt': REPORT, 'c.txt': REPORT });
    mkdirSync(join(dir, 'json/a.json'), { recursive: true });
    symlinkSync('../a.txt', join(dir, 'json/b.json'));
    const r = await runCli(['a.txt', 'b.txt', 'c.txt', '--out', 'json'], { cwd: dir });
    expectLines(r.stderr, [
      'extract: a.txt: cannot write json/a.json: is a folder',
      'extract: b.txt: cannot write json/b.json: not a regular file; refusing to replace it',
    ]);
    expect(lstatSync(join(dir, 'json/a.json')).isDirectory()).toBe(true);
    expect(lstatSync(join(dir, 'json/b.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(REPORT);
    expect(JSON.parse(readFileSync(join(dir, 'json/c.json'), 'utf8')).source).toBe('c.txt');
    expect(r.code).toBe(2);
  });

  it('never writes over an input', async () => {
    const dir = workdir({ 'notes.json': REPORT, 'a.txt': REPORT });
    const r = await runCli(['notes.json', 'a.txt', '--out', '.'], { cwd: dir });
    expectLines(r.stderr, ['extract: notes.json: --out . would overwrite this input with its output']);
    expect(readFileSync(join(dir, 'notes.json'), 'utf8')).toBe(REPORT);
    expect(listing(dir)).toEqual(['a.txt', 'notes.json']);
    expect(r.code).toBe(2);
  });
});

describe('stdout', () => {
  it('on a full device: one line, exit 2', () => {
    const dir = workdir({ 'a.txt': REPORT, 'b.txt': REPORT });
    for (const format of ['jsonl', 'csv']) {
      const r = runProcess(['a.txt', 'b.txt', '-f', format], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }, ['sh', '-c', '"$@" > /dev/full', 'sh']);
      expectLines(r.stderr, ['extract: stdout: no space left on device']);
      expect(r.code).toBe(2);
    }
  });
});

describe('report -o', () => {
  // A device node of the test's own (root may make one), so that a regression replaces that
  // node and not the system's /dev/full.
  const withDevice = (dir: string) => root && spawnSync('mknod', [join(dir, 'full'), 'c', '1', '7']).status === 0;

  it.each([
    ['d', 'is a folder; name the HTML file to write'],
    ['missing/dir/r.html', 'the folder missing/dir does not exist'],
    ['a.txt', 'is also an input; refusing to overwrite it'],
    ['link.html', 'not a regular file; refusing to replace it'],
    ['full', 'not a regular file; refusing to replace it'],
  ])('%s: one line, exit 2, nothing replaced', async (output, reason) => {
    const dir = workdir({ 'a.txt': REPORT });
    mkdirSync(join(dir, 'd'));
    symlinkSync('a.txt', join(dir, 'link.html'));
    const device = withDevice(dir);
    if (output === 'full' && !device) return console.log('skipped: making a device node needs root');
    const r = await runCli(['report', 'a.txt', '-o', output], { cwd: dir });
    expectLines(r.stderr, [`extract: report -o ${output}: ${reason}`]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(REPORT);
    if (device) expect(statSync(join(dir, 'full')).isCharacterDevice()).toBe(true);
    expect(listing(dir)).toEqual(['a.txt', 'd', ...(device ? ['full'] : []), 'link.html']);
  });

  it("an empty name: one line, exit 2", async () => {
    const dir = workdir({ 'a.txt': REPORT });
    const r = await runCli(['report', 'a.txt', '-o', ''], { cwd: dir });
    expectLines(r.stderr, ["extract: report -o '': an empty name is not a file"]);
    expect(r.code).toBe(2);
    expect(listing(dir)).toEqual(['a.txt']);
  });

  it('a full disk: one line, exit 2, no temporary left', (ctx) => {
    ctx.skip(!tinyDisk, 'a disk of its own needs root and unshare');
    const dir = workdir({ 'big.txt': LONG_REPORT });
    mkdirSync(join(dir, 'small'));
    const r = runProcess(['report', 'big.txt', '-o', 'small/r.html'], { cwd: dir }, [...tinyDisk!, 'sh', '-c', '"$@"; code=$?; ls -A small; exit $code', 'sh']);
    expectLines(r.stderr, ['extract: report -o small/r.html: no space left on device']);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });
});

describe('temporary files', () => {
  it('are named at random in the target folder, out of sight', () => {
    const names = [temporaryName('out/a.json'), temporaryName('out/a.json')];
    for (const name of names) expect(name).toMatch(/^out\/\.extract-[0-9a-f]{32}\.tmp$/);
    expect(names[0]).not.toBe(names[1]);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('are removed when the run is stopped by %s', async (signal) => {
    // 2 MB, a large file for a worker's heap of 20 MB: extracted block by block into a temporary.
    const dir = workdir({ 'big.txt': '全县粮食产量达到52.6万吨，同比增长3.1%，新建学校12所。\n'.repeat(30_000) });
    const env = { ...process.env, EXTRACT_WORKER_HEAP_MB: '20' };
    const child = spawn(process.execPath, [BIN, 'big.txt', '--out', 'json'], { cwd: dir, stdio: 'ignore', env });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, s) => resolve(s)));
    // Wait for the temporary file of the large document, which is written as it is extracted.
    const started = Date.now();
    const temporaries = () => (existsSync(join(dir, 'json')) ? listing(join(dir, 'json')).filter((f) => f.endsWith('.tmp')) : []);
    while (!temporaries().length && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 20));
    expect(temporaries()).toHaveLength(1);
    child.kill(signal);
    expect(await exited).toBe(signal);
    expect(listing(join(dir, 'json'))).toEqual([]);
  }, 90_000);
});

// Root may write anywhere a mode bit forbids: the check of a folder root cannot write needs a user.
describe('as a user without rights', () => {
  onlyIf(root && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0, 'needs root and setpriv to drop to uid 65534');
  it('a folder it may not write in: one line, exit 2', () => {
    const dir = workdir({ 'a.txt': REPORT });
    spawnSync('chmod', ['755', dir]);
    spawnSync('chmod', ['644', join(dir, 'a.txt')]);
    const r = runProcess(['a.txt', '--out', 'json'], { cwd: dir }, ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']);
    expectLines(r.stderr, ['extract: --out json: cannot make this folder: permission denied']);
    expect(r.code).toBe(2);
  });
});
