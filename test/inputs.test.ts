// Every kind of input issue 6 names, through the CLI: what reaches stdout, the one line
// on stderr for an input that cannot be read, and the exit code. A bad input never stops the
// others, and never prints a stack.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractedDocument } from '../src/contract.js';
import { BIN, expectGrounded, runCli, runProcess, workdir } from './helpers.js';

const REPORT = '全市地区生产总值增长5.2%，新建学校12所。\n城镇居民人均可支配收入达到4.8万元。\n';
/** What REPORT gives, as [metric, value, unit, text]. */
const TUPLES = [
  ['地区生产总值', 5.2, '%', '地区生产总值增长5.2%'],
  ['新建学校', 12, '所', '新建学校12所'],
  ['城镇居民人均可支配收入', 48000, '元', '城镇居民人均可支配收入达到4.8万元'],
];
const SPANS = [
  [2, 14],
  [15, 22],
  [24, 42],
];

function documents(stdout: string): ExtractedDocument[] {
  if (stdout === '') return [];
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout.slice(0, -1).split('\n').map((line) => ExtractedDocument.parse(JSON.parse(line)));
}

const tuples = (doc: ExtractedDocument) => doc.indicators.map((i) => [i.metric, i.value, i.unit, i.text]);

/** stderr is exactly these lines, each `extract: <input>: <reason>`, and holds no stack. */
function expectProblems(stderr: string, lines: string[]): void {
  expect(stderr).toBe(lines.map((l) => l + '\n').join(''));
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe('inputs that cannot be read are reported, one line each, and the others still run', () => {
  it('a path that does not exist', async () => {
    const dir = workdir({ 'a.txt': REPORT });
    const r = await runCli(['missing.txt', 'a.txt', 'no/such/folder/b.txt'], { cwd: dir });
    expectProblems(r.stderr, ['extract: missing.txt: no such file or directory', 'extract: no/such/folder/b.txt: no such file or directory']);
    expect(documents(r.stdout).map((d) => d.source)).toEqual(['a.txt']);
    expect(r.code).toBe(2);
  });

  it('a directory: its .txt files in name order; one without any is a problem of its own', async () => {
    const dir = workdir({ 'reports/b.txt': REPORT, 'reports/a.txt': REPORT, 'reports/notes.md': REPORT, 'reports/sub/c.txt': REPORT, 'a.txt': REPORT });
    mkdirSync(join(dir, 'empty'));
    const ok = await runCli(['reports'], { cwd: dir });
    expect(ok.stderr).toBe('');
    expect(documents(ok.stdout).map((d) => d.source)).toEqual(['reports/a.txt', 'reports/b.txt']);
    expect(ok.code).toBe(0);

    const r = await runCli(['empty', 'a.txt'], { cwd: dir });
    expectProblems(r.stderr, ['extract: empty: directory has no .txt, .pdf, .html, .htm or .docx files']);
    expect(documents(r.stdout).map((d) => d.source)).toEqual(['a.txt']);
    expect(r.code).toBe(2);
  });

  it('a glob that matches nothing', async () => {
    const dir = workdir({ 'a.txt': REPORT });
    const r = await runCli(['none-*.txt', 'a.txt', 'nowhere/**/*.txt'], { cwd: dir });
    expectProblems(r.stderr, ['extract: none-*.txt: no file matches this pattern', 'extract: nowhere/**/*.txt: no file matches this pattern']);
    expect(documents(r.stdout).map((d) => d.source)).toEqual(['a.txt']);
    expect(r.code).toBe(2);
  });

  it('an empty file: a document with no indicators, not an error', async () => {
    const dir = workdir({ 'empty.txt': '', 'a.txt': REPORT });
    const r = await runCli(['empty.txt', 'a.txt'], { cwd: dir });
    expect(r.stderr).toBe('');
    const [empty, a] = documents(r.stdout);
    expect(empty).toEqual({
      schemaVersion: 2,
      source: 'empty.txt',
      sha256: createHash('sha256').update('').digest('hex'),
      encoding: 'utf-8',
      chars: 0,
      date: null,
      indicators: [],
    });
    expect(tuples(a!)).toEqual(TUPLES);
    expect(r.code).toBe(0);
  });

  it('a binary file: NUL bytes, a PNG image', async () => {
    // The PNG signature and the start of its IHDR chunk: NUL bytes come early, as in any image.
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const dir = workdir({ 'image.png': png, 'nul.txt': Buffer.concat([Buffer.from('利润增长5%'), Buffer.from([0]), Buffer.from('。')]), 'a.txt': REPORT });
    const r = await runCli(['image.png', 'nul.txt', 'a.txt'], { cwd: dir });
    expectProblems(r.stderr, ['extract: image.png: binary data (NUL bytes), not text', 'extract: nul.txt: binary data (NUL bytes), not text']);
    expect(documents(r.stdout).map((d) => d.source)).toEqual(['a.txt']);
    expect(r.code).toBe(2);
  });

  it('invalid UTF-8 that is not GB18030 either', async () => {
    // 0xFF starts no character in UTF-8 nor in GB18030, wherever it stands.
    const dir = workdir({ 'bad.txt': Uint8Array.from([0x41, 0xff, 0x41, 0x0a]), 'worse.txt': Uint8Array.from([0xe5, 0x88, 0xff, 0xfe, 0x35, 0x25]), 'a.txt': REPORT });
    const r = await runCli(['bad.txt', 'worse.txt', 'a.txt'], { cwd: dir });
    expectProblems(r.stderr, ['extract: bad.txt: neither UTF-8 nor GB18030 text', 'extract: worse.txt: neither UTF-8 nor GB18030 text']);
    expect(documents(r.stdout).map((d) => d.source)).toEqual(['a.txt']);
    expect(r.code).toBe(2);
  });

  it('GB18030/GBK: decoded, recorded, spans in code points of the decoded text', async () => {
    // 𠀀 (U+20000) takes four bytes in GB18030 and one code point in the spans.
    const fourByte = Uint8Array.from([0x95, 0x32, 0x82, 0x36]);
    expect(new TextDecoder('gb18030').decode(fourByte)).toBe('𠀀');
    const dir = workdir({ 'gbk.txt': Buffer.concat([fourByte, encodeGbk(REPORT)]) });
    const r = await runCli(['gbk.txt'], { cwd: dir });
    expect(r.stderr).toBe('');
    const [doc] = documents(r.stdout);
    expect(doc!.encoding).toBe('gb18030');
    expect(doc!.chars).toBe(Array.from('𠀀' + REPORT).length);
    expect(tuples(doc!)).toEqual(TUPLES);
    expect(doc!.indicators.map((i) => i.span)).toEqual(SPANS.map(([s, e]) => [s! + 1, e! + 1]));
    expectGrounded('𠀀' + REPORT, doc!);
    expect(r.code).toBe(0);
  });

  it('UTF-16 with a byte-order mark, little- and big-endian; a broken one is reported', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    const dir = workdir({ 'le.txt': le, 'be.txt': be, 'odd.txt': Buffer.concat([le, Buffer.from([0x41])]) });
    const r = await runCli(['le.txt', 'be.txt', 'odd.txt'], { cwd: dir });
    expectProblems(r.stderr, ['extract: odd.txt: starts with a UTF-16 byte-order mark but is not valid UTF-16 text']);
    const docs = documents(r.stdout);
    expect(docs.map((d) => [d.source, d.encoding])).toEqual([
      ['le.txt', 'utf-16le'],
      ['be.txt', 'utf-16be'],
    ]);
    for (const doc of docs) {
      // The mark stays in the text as U+FEFF, one code point that the spans count.
      expect(doc.chars).toBe(Array.from(REPORT).length + 1);
      expect(tuples(doc)).toEqual(TUPLES);
      expect(doc.indicators.map((i) => i.span)).toEqual(SPANS.map(([s, e]) => [s! + 1, e! + 1]));
      expectGrounded('\uFEFF' + REPORT, doc);
    }
    expect(r.code).toBe(2);
  });

  it('CRLF line ends: spans index the original text, every \\r counted', async () => {
    const crlf = REPORT.replace(/\n/g, '\r\n');
    const cr = REPORT.replace(/\n/g, '\r');
    const dir = workdir({ 'crlf.txt': crlf, 'cr.txt': cr });
    const r = await runCli(['crlf.txt', 'cr.txt'], { cwd: dir });
    expect(r.stderr).toBe('');
    const [a, b] = documents(r.stdout);
    expect(a!.chars).toBe(Array.from(crlf).length);
    expect(tuples(a!)).toEqual(TUPLES);
    // the third indicator comes after one \r\n: one more code point than with \n
    expect(a!.indicators.map((i) => i.span)).toEqual([SPANS[0], SPANS[1], [SPANS[2]![0]! + 1, SPANS[2]![1]! + 1]]);
    expectGrounded(crlf, a!);
    expect(tuples(b!)).toEqual(TUPLES);
    expect(b!.indicators.map((i) => i.span)).toEqual(SPANS);
    expectGrounded(cr, b!);
    expect(r.code).toBe(0);
  });

  it('text that is not a report (English, code, random Unicode) gives an empty list', async () => {
    let seed = 20240601;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let unicode = '';
    while (unicode.length < 3000) {
      const cp = Math.floor(random() * 0x2ffff);
      // no Han numerals or CJK: those are what reports are written in
      if ((cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xffef) || cp >= 0x20000 || cp === 0) continue;
      unicode += String.fromCodePoint(cp);
    }
    const dir = workdir({
      'english.txt': 'GDP grew 5.2 percent in 2023, and 12 new schools opened.\nRevenue rose 3.4 percent to $1.2 billion; 4,800 people were hired.\n',
      'code.txt': readFileSync(new URL('../src/pipeline/quantities.ts', import.meta.url), 'utf8'),
      'unicode.txt': unicode,
    });
    const r = await runCli(['english.txt', 'code.txt', 'unicode.txt'], { cwd: dir });
    expect(r.stderr).toBe('');
    const docs = documents(r.stdout);
    expect(docs.map((d) => [d.source, d.indicators])).toEqual([
      ['english.txt', []],
      ['code.txt', []],
      ['unicode.txt', []],
    ]);
    expect(r.code).toBe(0);
  });
});

describe('a file that cannot be read (permissions)', () => {
  // Root reads a chmod 000 file all the same: run the CLI as nobody, or skip when that is impossible.
  const root = process.getuid?.() === 0;
  const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
  const canDrop = !root || spawnSync(asNobody[0]!, [...asNobody.slice(1), process.execPath, '-e', 'process.exit(0)']).status === 0;
  const command = root ? asNobody : [process.execPath];

  it('an unreadable file and an unlistable folder', (ctx) => {
    ctx.skip(!canDrop, 'running as root, and setpriv cannot drop to uid 65534 (root reads any file)');
    const dir = workdir({ 'locked.txt': REPORT, 'a.txt': REPORT, 'shut/b.txt': REPORT });
    chmodSync(dir, 0o755); // mkdtemp makes it 0700: nobody could not even reach a.txt
    chmodSync(join(dir, 'a.txt'), 0o644);
    chmodSync(join(dir, 'locked.txt'), 0o000);
    chmodSync(join(dir, 'shut'), 0o000);
    const r = runProcess(['locked.txt', 'shut', 'shut/*.txt', 'a.txt'], { cwd: dir }, command);
    chmodSync(join(dir, 'shut'), 0o755);
    expectProblems(r.stderr, [
      'extract: shut: cannot list this folder: permission denied',
      'extract: shut/*.txt: cannot list the folder shut: permission denied',
      'extract: locked.txt: permission denied',
    ]);
    expect(documents(r.stdout).map((d) => d.source)).toEqual(['a.txt']);
    expect(r.code).toBe(2);
  });
});

describe('stdin', () => {
  it('closed before anything was written: an empty document', () => {
    const dir = workdir({ 'a.txt': REPORT });
    const r = runProcess(['-', 'a.txt'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r.stderr).toBe('');
    const [stdin, a] = documents(r.stdout);
    expect(stdin).toMatchObject({ source: '-', chars: 0, indicators: [] });
    expect(tuples(a!)).toEqual(TUPLES);
    expect(r.code).toBe(0);
  });

  it('closed in the middle of a character: what came is read, the cut character is U+FFFD', async () => {
    const bytes = Buffer.from(REPORT);
    const cut = bytes.subarray(0, bytes.length - 5); // inside 元
    const r = await runCli(['-'], { cwd: workdir(), input: cut });
    expect(r.stderr).toBe('');
    const [doc] = documents(r.stdout);
    expect(doc!.encoding).toBe('utf-8');
    expect(doc!.sha256).toBe(createHash('sha256').update(cut).digest('hex'));
    expect(doc!.chars).toBe(Array.from(REPORT).length - 2);
    expect(tuples(doc!).slice(0, 2)).toEqual(TUPLES.slice(0, 2));
    expect(r.code).toBe(0);
  });

  // A stdin that cannot be read (here opened write-only) is one line, not a stack.
  it('that cannot be read: one line, and the other inputs still run', () => {
    const dir = workdir({ 'a.txt': REPORT, 'sink': '' });
    const fd = openSync(join(dir, 'sink'), 'w');
    try {
      const r = runProcess(['-', 'a.txt'], { cwd: dir, stdio: [fd, 'pipe', 'pipe'] });
      expectProblems(r.stderr, ['extract: -: not open for reading']);
      expect(documents(r.stdout).map((d) => d.source)).toEqual(['a.txt']);
      expect(r.code).toBe(2);
    } finally {
      closeSync(fd);
    }
  });
});

describe('output into a closed pipe', () => {
  it('piped to head: ends quietly, exit 0, nothing on stderr', { timeout: 120_000 }, () => {
    // Enough output to fill the pipe long before the end, so that head closes it mid-run.
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`r${String(i).padStart(3, '0')}.txt`] = REPORT.repeat(40);
    const dir = workdir(files);
    for (const [options, redirect] of [['', ''], ['--jobs 1', ''], ['--format csv', ''], ['', '2>&1']] as const) {
      const r = spawnSync('bash', ['-c', `"$0" "$1" ${options} . ${redirect} | head -c 100; exit "\${PIPESTATUS[0]}"`, process.execPath, BIN], { cwd: dir, encoding: 'utf8' });
      expect({ options, redirect, stderr: r.stderr, code: r.status }).toEqual({ options, redirect, stderr: '', code: 0 });
      expect(Buffer.byteLength(r.stdout)).toBe(100);
    }
  });

  // Waiting for 'drain' many times must not pile up listeners (Node would warn on stderr).
  it('a large document through a pipe: nothing on stderr', { timeout: 120_000 }, () => {
    const dir = workdir();
    // A large file for a worker's heap of 20 MB: its document is written batch by batch.
    writeReportFile(join(dir, 'big.txt'), 2 << 20);
    const env = { ...process.env, EXTRACT_WORKER_HEAP_MB: '20' };
    const r = spawnSync('bash', ['-c', '"$0" "$1" big.txt | cat > /dev/null; exit "${PIPESTATUS[0]}"', process.execPath, BIN], { cwd: dir, encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});

// Report-like sentences, a few with figures among many without: about 3 indicators per 414
// characters, so that 100 MB give some 60 MB of JSON.
const BLOCK = [
  '今年以来，全市上下坚持稳中求进工作总基调，统筹推进经济社会发展各项工作，发展质量和效益稳步提升。',
  '我们坚持以人民为中心的发展思想，持续加大民生投入，着力解决群众急难愁盼问题，人民群众的获得感、幸福感、安全感不断增强。',
  '全市地区生产总值增长5.2%，新建学校12所。',
  '同时也要清醒看到，发展不平衡不充分的问题仍然突出，部分企业生产经营比较困难，公共服务供给还有不少短板，干部队伍的能力和作风还需要进一步提高。',
  '对此，我们必须高度重视，采取有力措施，认真加以解决，决不辜负全市人民的信任和期待。',
  '过去一年，各级各部门认真落实市委决策部署，深化改革、扩大开放、优化营商环境，各项事业取得了新的进展。',
  '城镇居民人均可支配收入达到4.8万元。',
  '展望未来，我们将继续坚持创新驱动发展战略，推动产业转型升级，加快建设现代化经济体系，努力开创高质量发展新局面。',
  '我们要以更加奋发有为的精神状态，敢于担当、善于作为，团结带领全市人民为实现各项目标任务而不懈奋斗。',
].join('');

/** Writes BLOCK repeated to at least `size` bytes, on one line; returns how many blocks. */
function writeReportFile(path: string, size: number): number {
  const block = Buffer.from(BLOCK);
  const blocks = Math.ceil(size / block.length);
  const batch = Buffer.concat(Array.from({ length: 1000 }, () => block));
  const fd = openSync(path, 'w');
  try {
    for (let done = 0; done < blocks; done += 1000) writeSync(fd, batch, 0, Math.min(1000, blocks - done) * block.length);
  } finally {
    closeSync(fd);
  }
  return blocks;
}

// 12 MB keep the suite short and still make a line of some 4 million characters, far past every
// chunk and window; EXTRACT_BIG_MB=100 runs the full size the tool is made for.
const BIG_MB = Number(process.env.EXTRACT_BIG_MB ?? 12);

describe(`a ${BIG_MB} MB file on one line`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'extract-big-'));
  const input = join(dir, 'big.txt');
  const output = join(dir, 'big.ndjson');
  let blocks = 0;
  let result: { code: number | null; stderr: string; ms: number; peakKb: number | null };

  beforeAll(async () => {
    blocks = writeReportFile(input, BIG_MB << 20);
    const out = openSync(output, 'w');
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'big.txt'], { cwd: dir, stdio: ['ignore', out, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // The peak resident memory, from Linux's high-water mark while the process runs.
    let peakKb: number | null = null;
    const status = `/proc/${child.pid}/status`;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
        if (m) peakKb = Math.max(peakKb ?? 0, Number(m[1]));
      } catch {
        // gone, or not Linux
      }
    }, 25);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(poll);
    closeSync(out);
    result = { code, stderr, ms: performance.now() - started, peakKb };
  }, 600_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives one valid JSON line, every span grounded, in reasonable time', { timeout: 120_000 }, () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // some 35 s for 100 MB here; a hang or a quadratic step would take many times more
    expect(result.ms).toBeLessThan(1800 * BIG_MB);
    const json = readFileSync(output, 'utf8');
    expect(json.indexOf('\n')).toBe(json.length - 1);
    const doc = ExtractedDocument.parse(JSON.parse(json));
    const block = Array.from(BLOCK);
    expect(doc).toMatchObject({ source: 'big.txt', encoding: 'utf-8', chars: block.length * blocks });
    expect(doc.sha256).toBe(createHash('sha256').update(readFileSync(input)).digest('hex'));
    // The text repeats BLOCK, which gives three indicators: so must every repetition.
    expect(doc.indicators).toHaveLength(3 * blocks);
    for (const i of doc.indicators) {
      const at = i.span[0] % block.length;
      expect(block.slice(at, at + i.span[1] - i.span[0]).join('')).toBe(i.text);
    }
  });

  // Line widths are counted without spreading a 35-million-character line into an array.
  it('keeps its peak memory under 1.5 GB', (ctx) => {
    ctx.skip(process.platform !== 'linux', 'peak memory is read from /proc on Linux only');
    expect(result.peakKb).not.toBeNull();
    expect(result.peakKb!).toBeLessThan(1.5 * 1024 * 1024);
  });
});

let gbkTable: Map<string, number[]> | undefined;
/** GBK bytes of a text, from the inverse of the platform's GB18030 decoder (2-byte codes). */
function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const c = decoder.decode(Uint8Array.from([lead, trail]));
        if (c.length === 1 && c !== '\ufffd' && !gbkTable.has(c)) gbkTable.set(c, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0));
    else if (gbkTable.has(c)) out.push(...gbkTable.get(c)!);
    else throw new Error(`no GBK code for ${c}`);
  }
  return Uint8Array.from(out);
}
