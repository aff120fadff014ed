// The progress bar's line and when it is drawn; test/tty.test.ts sees it on a real terminal.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../src/cli/progress.js';

const MB = 1024 * 1024;

describe('progressLine', () => {
  it('shows documents done of all, MB/s and the time left, with a bar', () => {
    const line = progressLine({ done: 12, total: 30, bytes: 12 * MB, totalBytes: 30 * MB, elapsedMs: 4000 }, 80);
    expect(line).toBe('extract: [=========>              ] 12/30 documents  3.0 MB/s  ETA 0:06');
    expect(line.length).toBeLessThan(80);
    expect(progressLine({ done: 1, total: 2, bytes: MB, totalBytes: 9000 * MB, elapsedMs: 1000 }, 80)).toMatch(/ETA 2:29:59$/);
    expect(progressLine({ done: 30, total: 30, bytes: 30 * MB, totalBytes: 30 * MB, elapsedMs: 4000 }, 80)).toContain('[========================] 30/30');
  });

  it('has no total, bar nor time left when the number of documents is not known (--input jsonl)', () => {
    expect(progressLine({ done: 12, bytes: 3 * MB, elapsedMs: 1000 }, 80)).toBe('extract: 12 documents  3.0 MB/s');
  });

  it('drops the bar, then cuts the line, on a narrow terminal', () => {
    const state = { done: 12, total: 30, bytes: 12 * MB, totalBytes: 30 * MB, elapsedMs: 4000 };
    expect(progressLine(state, 50)).toBe('extract: 12/30 documents  3.0 MB/s  ETA 0:06');
    expect(progressLine(state, 20)).toBe('extract: 12/30 docu');
  });
});

class Terminal extends Writable {
  written = '';
  columns = 80;
  override _write(chunk: Buffer, _: string, done: () => void) {
    this.written += chunk.toString();
    done();
  }
}

describe('progressBar', () => {
  it('draws nothing in the first 300 ms, then at most every 100 ms, and erases itself', () => {
    const terminal = new Terminal();
    let now = 0;
    const bar = progressBar(terminal, { total: 4, totalBytes: 4 * MB }, () => now);
    now = 200;
    bar.advance(MB);
    bar.erase(); // nothing drawn, nothing to erase
    expect(terminal.written).toBe('');
    now = 400;
    bar.advance(MB);
    expect(terminal.written).toBe('\r\u001b[K' + progressLine({ done: 2, total: 4, bytes: 2 * MB, totalBytes: 4 * MB, elapsedMs: 400 }, 80));
    now = 450;
    bar.advance(MB);
    expect(terminal.written.split('\r').length).toBe(2);
    bar.erase();
    expect(terminal.written.endsWith('\r\u001b[K')).toBe(true);
    now = 600;
    bar.advance(MB);
    expect(terminal.written).toMatch(/\r\u001b\[Kextract: \[=+\] 4\/4 documents/);
  });
});
