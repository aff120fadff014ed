// The CLI on a real terminal, in tmux: keys are typed into a shell (send-keys) and the screen is
// read back (capture-pane), as a user would see it. The progress bar belongs on stderr when it
// is a terminal, never with --quiet nor when stderr goes to a file or a pipe.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, onlyIf, ROOT } from './helpers.js';

const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `extract-test-${process.pid}`;

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A corpus of `documents` files, each the fixtures three times over (50 kB of dense figures): one
 * takes some 0.2 s to extract on one thread here, most of the bar's delay of 0.3 s. */
function corpus(documents: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'extract-tty-'));
  const fixtures = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.txt')).sort();
  const text = fixtures.map((f) => readFileSync(join(ROOT, 'fixtures', f), 'utf8')).join('\n').repeat(3);
  for (let k = 0; k < documents; k++) writeFileSync(join(dir, `r${String(k).padStart(2, '0')}.txt`), text);
  return dir;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Types a command into a fresh shell on a 160×12 terminal and reads the screen every 50 ms until
 * the command has ended. Resolves to every distinct screen seen and the exit status.
 */
async function onTerminal(name: string, command: string): Promise<{ screens: string[]; status: number }> {
  tmux('new-session', '-d', '-s', name, '-x', '160', '-y', '12', 'env', 'PS1=$ ', 'sh');
  // A shell that starts may discard what was typed before its prompt.
  for (const started = Date.now(); !tmux('capture-pane', '-p', '-t', name).startsWith('$'); await sleep(20)) {
    if (Date.now() - started > 10_000) throw new Error('the shell in tmux shows no prompt');
  }
  tmux('send-keys', '-t', name, `${command}; echo "status:$?"`, 'Enter');
  const screens: string[] = [];
  for (const started = Date.now(); Date.now() - started < 90_000; await sleep(50)) {
    const screen = tmux('capture-pane', '-p', '-t', name);
    if (screens[screens.length - 1] !== screen) screens.push(screen);
    const done = /^status:(\d+)$/m.exec(screen);
    if (done) {
      tmux('kill-session', '-t', name);
      return { screens, status: Number(done[1]) };
    }
  }
  throw new Error(`no end of ${command} after 90 s:\n${screens.at(-1)}`);
}

const DOCUMENTS = 6;
const BAR = new RegExp(String.raw`^extract: \[=*>? *\] +\d+/${DOCUMENTS} documents {2}\d+\.\d MB/s {2}ETA \d+:\d\d$`, 'm');

describe('on a terminal (tmux)', () => {
  onlyIf(HAS_TMUX, 'no tmux (apt-get install tmux)');
  afterAll(() => {
    if (HAS_TMUX) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  });
  const node = `'${process.execPath}' '${BIN}' --jobs 1`;

  it('shows a progress bar on stderr while a run goes on, and erases it at the end', async () => {
    const dir = corpus(DOCUMENTS);
    const { screens, status } = await onTerminal('bar', `cd '${dir}' && ${node} . > out.jsonl`);
    expect(status).toBe(0);
    const bars = screens.flatMap((s) => BAR.exec(s)?.[0] ?? []);
    expect(bars.length, screens.join('\n----\n')).toBeGreaterThan(0);
    // The count goes up from one screen to the next.
    const counts = bars.map((b) => Number(/ (\d+)\//.exec(b)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    // At the end the bar is gone: the status line is where it was, and nothing else was written.
    expect(screens.at(-1)).not.toMatch(/^extract:/m);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(DOCUMENTS);
  }, 120_000);

  it('shows none with --quiet, nor when stderr goes to a file', async () => {
    const dir = corpus(3);
    const quiet = await onTerminal('quiet', `cd '${dir}' && ${node} --quiet . > out.jsonl`);
    expect(quiet.status).toBe(0);
    expect(quiet.screens.join('\n')).not.toMatch(/^extract:/m);
    const redirected = await onTerminal('file', `cd '${dir}' && ${node} . > out.jsonl 2> err.txt`);
    expect(redirected.status).toBe(0);
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('');
    expect(redirected.screens.join('\n')).not.toMatch(/^extract:/m);
  }, 120_000);
});
