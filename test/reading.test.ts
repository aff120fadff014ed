// Inputs a hostile or careless user gives: devices, FIFOs and endless streams (read with a
// bound, and only when asked), pattern files that are no files, encodings the tool cannot
// read as GB18030 (Big5, UTF-16 without a byte-order mark), globs through a symbolic link loop.
// Each is one line on stderr and exit 2, or a document; never a hang nor a stack.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractedDocument } from '../src/contract.js';
import { expectLines, runProcess, workdir } from './helpers.js';

const REPORT = '全市地区生产总值增长5.2%，新建学校12所。\n';
/** Long enough for any of these runs; a hang fails the test instead of stopping the suite. */
const TIMEOUT = 60_000;

const documents = (stdout: string) => (stdout ? stdout.trimEnd().split('\n').map((l) => ExtractedDocument.parse(JSON.parse(l))) : []);
const sources = (stdout: string) => documents(stdout).map((d) => d.source);

function fifo(dir: string, name: string): string {
  const path = join(dir, name);
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return path;
}

describe('what is not a regular file', () => {
  it('is refused unless asked: a device, a FIFO', () => {
    const dir = workdir({ 'a.txt': REPORT });
    fifo(dir, 'pipe');
    const r = runProcess(['/dev/zero', 'pipe', 'a.txt'], { cwd: dir, timeout: TIMEOUT });
    expectLines(r.stderr, [
      'extract: /dev/zero: not a regular file (a device); add --special-files to read it',
      'extract: pipe: not a regular file (a FIFO); add --special-files to read it',
    ]);
    expect(sources(r.stdout)).toEqual(['a.txt']);
    expect(r.code).toBe(2);
  });

  it('with --special-files: a FIFO is read to its end', async () => {
    const dir = workdir({ 'a.txt': REPORT });
    const path = fifo(dir, 'pipe');
    const writer = spawn('sh', ['-c', `printf '%s' "$0" > "$1"`, REPORT, path]);
    const r = runProcess(['--special-files', 'pipe', 'a.txt'], { cwd: dir, timeout: TIMEOUT });
    await new Promise((resolve) => writer.on('exit', resolve));
    expect(r.stderr).toBe('');
    const [piped, file] = documents(r.stdout);
    expect(piped!.source).toBe('pipe');
    expect({ ...piped!, source: 'a.txt' }).toEqual(file);
    expect(r.code).toBe(0);
  });

  it('with --special-files: an endless device is read only as far as it shows no text', () => {
    const dir = workdir({ 'a.txt': REPORT });
    const r = runProcess(['--special-files', '/dev/zero', '/dev/urandom', 'a.txt'], { cwd: dir, timeout: TIMEOUT });
    expectLines(r.stderr, ['extract: /dev/zero: binary data (NUL bytes), not text', 'extract: /dev/urandom: binary data (NUL bytes), not text']);
    expect(sources(r.stdout)).toEqual(['a.txt']);
    expect(r.code).toBe(2);
  });

  it('stdin that never ends: binary data is seen at once', () => {
    const dir = workdir({ 'a.txt': REPORT });
    for (const args of [['-', 'a.txt'], ['--input', 'jsonl']]) {
      const r = runProcess(args, { cwd: dir, timeout: TIMEOUT }, ['sh', '-c', '"$@" < /dev/zero', 'sh']);
      expect(r.signal).toBeNull();
      expect(r.stderr).toMatch(/^extract: (-|stdin line 1): binary data \(NUL bytes\), not text\n$/);
      expect(r.code).toBe(2);
    }
  });

  it('endless text through a pipe stops at the bound, with one line', () => {
    const dir = workdir({ 'a.txt': REPORT });
    // `yes` writes lines for ever; the run must stop reading them by itself.
    const r = runProcess(['-', 'a.txt'], { cwd: dir, timeout: TIMEOUT }, ['sh', '-c', 'yes "$0" | "$@"', REPORT.trim()]);
    expect(r.signal).toBeNull();
    expectLines(r.stderr, ['extract: -: more than 256 MB, more than is read from a pipe or a device: save it to a file and name the file']);
    expect(sources(r.stdout)).toEqual(['a.txt']);
    expect(r.code).toBe(2);
  }, 120_000);

  it('a line of --input jsonl that never ends stops at the bound', () => {
    const dir = workdir();
    const r = runProcess(['--input', 'jsonl'], { cwd: dir, timeout: TIMEOUT }, ['sh', '-c', `yes '"增长5%",' | tr -d '\\n' | "$@"`, 'sh']);
    expect(r.signal).toBeNull();
    expectLines(r.stderr, ['extract: stdin line 1: a line of more than 256 MB; a record must be shorter']);
    expect(r.code).toBe(2);
  }, 120_000);
});

describe('pattern files that are no files', () => {
  it('a link to a device, a FIFO, a file too large: one line, exit 2, no output', () => {
    for (const make of [
      (dir: string) => symlinkSync('/dev/zero', join(dir, 'mine/zero.yaml')),
      (dir: string) => fifo(dir, 'mine/pipe.yaml'),
      (dir: string) => writeFileSync(join(dir, 'mine/huge.yaml'), '# ' + 'x'.repeat(2 << 20) + '\n'),
    ]) {
      const dir = workdir({ 'a.txt': REPORT });
      mkdirSync(join(dir, 'mine'));
      make(dir);
      const r = runProcess(['--patterns', 'mine', 'a.txt'], { cwd: dir, timeout: TIMEOUT });
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^extract: pattern error: mine\/\w+\.yaml: (not a regular file|larger than 1 MB, too large for a pattern file)\n$/);
      expect(r.code).toBe(2);
    }
  });
});

describe('encodings the tool does not read as GB18030', () => {
  it('Big5: one line that names it, exit 2; UTF-16 without a byte-order mark: read', () => {
    // 地區生產總值增長5.2%。(the gross product rose by 5.2%) in Big5, in traditional characters.
    const big5 = Uint8Array.from([0xa6, 0x61, 0xb0, 0xcf, 0xa5, 0xcd, 0xb2, 0xa3, 0xc1, 0x60, 0xad, 0xc8, 0xbc, 0x57, 0xaa, 0xf8, 0x35, 0x2e, 0x32, 0x25, 0xa1, 0x43]);
    expect(new TextDecoder('big5').decode(big5)).toBe('地區生產總值增長5.2%。');
    const dir = workdir({ 'big5.txt': big5, 'le.txt': Buffer.from(REPORT, 'utf16le'), 'be.txt': Buffer.from(REPORT, 'utf16le').swap16(), 'a.txt': REPORT });
    const r = runProcess(['big5.txt', 'le.txt', 'be.txt', 'a.txt'], { cwd: dir });
    expectLines(r.stderr, ['extract: big5.txt: Big5 text (traditional Chinese), which is not read: convert it to UTF-8 (iconv -f BIG5 -t UTF-8)']);
    const [le, be, a] = documents(r.stdout);
    expect([le!.encoding, be!.encoding, a!.encoding]).toEqual(['utf-16le', 'utf-16be', 'utf-8']);
    expect(le!.indicators).toEqual(a!.indicators);
    expect(be!.indicators).toEqual(a!.indicators);
    expect(r.code).toBe(2);
  });
});

describe('globs through symbolic links', () => {
  it('link loops: each real file once, in name order, and the walk ends', () => {
    const dir = workdir({ 'd/a.txt': REPORT, 'd/sub/b.txt': REPORT });
    symlinkSync('../d', join(dir, 'd/self'));
    // Two loops in one folder: followed blindly, 2^40 paths before the system says ELOOP.
    symlinkSync('.', join(dir, 'd/again'));
    symlinkSync('a.txt', join(dir, 'd/z-link.txt'));
    const r = runProcess(['d/**/*.txt', 'd/a.txt', './d/sub/b.txt'], { cwd: dir, timeout: TIMEOUT });
    expect(r.stderr).toBe('');
    expect(sources(r.stdout)).toEqual(['d/a.txt', 'd/sub/b.txt']);
    expect(r.code).toBe(0);
  });
});
