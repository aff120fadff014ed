// Shared by the tests: span checks, where ../shared is, running the CLI in folders of its own,
// and skips that say why.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeEach, expect } from 'vitest';
import type { Io } from '../src/cli/main.js';
import type { ExtractedDocument } from '../src/contract.js';
import { fileSchemas, type ExpectedIndicatorInput } from '../src/patterns/schema.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = resolve(ROOT, 'bin/extract.js');
export const SHARED = resolve(ROOT, '../shared');
/** Patterns of a user's own that the field rules' examples may add to the built-in ones. */
export const RULE_PATTERNS = resolve(ROOT, 'test/rule-patterns');
export const HAS_SHARED = existsSync(resolve(SHARED, 'eval/score.mjs'));

/** Every indicator's text is exactly its span of the original text, in code points. */
export function expectGrounded(original: string, doc: Pick<ExtractedDocument, 'indicators'>): void {
  const cps = Array.from(original);
  for (const i of doc.indicators) {
    expect(i.span[0]).toBeLessThan(i.span[1]);
    expect(i.span[1]).toBeLessThanOrEqual(cps.length);
    expect(cps.slice(i.span[0], i.span[1]).join('')).toBe(i.text);
  }
}

function expectedSpan(text: string, quote: string, from: number): [number, number] {
  const cps = Array.from(text);
  const q = Array.from(quote);
  for (let s = from; s + q.length <= cps.length; s++) {
    if (q.every((c, k) => cps[s + k] === c)) return [s, s + q.length];
  }
  throw new Error(`the example's text ${JSON.stringify(quote)} is not in ${JSON.stringify(text)}`);
}

/**
 * The document gives exactly these indicators, in order, each over the first occurrence of its
 * text from the previous one's on; `pattern`: the pattern each must come from unless it names
 * its own (undefined: not checked unless it does). A subject is checked only where one is given.
 */
export function expectGives(text: string, doc: Pick<ExtractedDocument, 'indicators'>, gives: readonly ExpectedIndicatorInput[], pattern?: string): void {
  expectGrounded(text, doc);
  let from = 0;
  const expected = gives.map((input) => {
    const g = fileSchemas().ExpectedIndicator.parse(input);
    const span = expectedSpan(text, g.text, from);
    from = span[0];
    const id = g.pattern ?? pattern;
    return {
      metric: g.metric,
      value: g.value,
      ...(g.upper !== undefined ? { upper: g.upper } : {}),
      unit: g.unit,
      direction: g.direction,
      basis: g.basis,
      qualifier: g.qualifier,
      ...(g.subject !== undefined ? { subject: g.subject } : {}),
      target: g.target,
      ...(g.period !== undefined ? { period: g.period } : {}),
      span,
      text: g.text,
      ...(id !== undefined ? { pattern: id } : {}),
    };
  });
  const actual = doc.indicators.map((i, k) => {
    // canonical has examples of its own (test/canonical.test.ts); period is checked where given.
    const { subject, pattern: id, explain: _explain, canonical: _canonical, period, span, text, ...rest } = i;
    const g = expected[k];
    return { ...rest, ...(g && 'subject' in g ? { subject } : {}), ...(g && 'period' in g ? { period } : {}), span, text, ...(g && 'pattern' in g ? { pattern: id } : {}) };
  });
  expect(actual).toEqual(expected);
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

type Execute = (argv: string[], io: Io) => Promise<number>;
let execute: Promise<Execute> | undefined;
let inProcessRuns: Promise<unknown> = Promise.resolve();

/**
 * Runs the CLI in this process, as bin/extract.js runs it in `cwd` with `input` on stdin (empty
 * without) and no terminal, colors off: the same exit code, stdout and stderr, without the 0.3 s
 * a process takes to start. It runs the build in dist/, as bin/extract.js does, so --jobs has its
 * workers. Runs wait for each other: the working folder is the process's.
 */
export function runCli(args: string[], options: { cwd: string; input?: string | Uint8Array }): Promise<CliRun> {
  const run = inProcessRuns.then(async () => {
    execute ??= import(pathToFileURL(join(ROOT, 'dist/cli/main.js')).href).then((m: { execute: Execute }) => m.execute);
    const [stdout, stderr] = [collector(), collector()];
    const stdin = Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]);
    const before = process.cwd();
    process.chdir(options.cwd);
    try {
      const code = await (await execute)(args, { stdout: stdout.stream, stderr: stderr.stream, stdin, isTTY: false, stderrIsTTY: false, color: false });
      return { code, signal: null, stdout: stdout.text(), stderr: stderr.text() };
    } finally {
      process.chdir(before);
    }
  });
  inProcessRuns = run.catch(() => undefined);
  return run;
}

/** A stream that keeps what is written to it. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * Runs the CLI as a user would: a real process, for what only a process has (signals, its
 * environment, a closed pipe, a disk of its own, a device that never ends); `command` runs it
 * through another (setpriv, unshare).
 */
export function runProcess(args: string[], options: SpawnSyncOptions & { cwd: string }, command: string[] = [process.execPath]): CliRun {
  const r = spawnSync(command[0]!, [...command.slice(1), ...(command.length > 1 ? [process.execPath] : []), BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 1 << 30,
    ...options,
  });
  return { code: r.status, signal: r.signal, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

const madeDirs: string[] = [];
/** A fresh folder with these files in it, removed after the test file. */
export function workdir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'extract-test-'));
  madeDirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
afterAll(() => {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** stderr is exactly these lines, and holds no stack trace. */
export function expectLines(stderr: string, lines: string[]): void {
  expect(stderr).toBe(lines.map((l) => l + '\n').join(''));
  expect(stderr).not.toMatch(/^\s+at /m);
}

/**
 * A command prefix that runs the CLI in a mount namespace of its own after `setup` (a shell
 * line that mounts what the test needs), or null when this process may not do so (not root,
 * no unshare): tests of full and read-only disks need a file system of their own.
 */
export function withMounts(setup: string): string[] | null {
  if (process.getuid?.() !== 0) return null;
  if (spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=4k tmpfs /mnt && umount /mnt']).status !== 0) return null;
  return ['unshare', '-m', 'sh', '-c', `${setup} && exec "$@"`, 'sh'];
}

/** Skips every test of the enclosing describe unless `ok`, with the reason, which the run prints
 * at its end (test/skip-reasons.ts). */
export function onlyIf(ok: boolean, reason: string): void {
  beforeEach((ctx) => ctx.skip(!ok, reason));
}
