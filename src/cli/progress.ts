// The progress bar of a run on a terminal: documents done of all, MB/s and the time left, on
// stderr (stdout holds the data). It is drawn over one line (carriage return, then erase to the
// end of the line), at most every REDRAW_MS and only once the run has lasted DELAY_MS, so that a
// quick run leaves no trace; it is erased before any other line is written to the terminal and
// at the end.
import type { Writable } from 'node:stream';

const MB = 1024 * 1024;
const DELAY_MS = 300;
const REDRAW_MS = 100;
const BAR = 24;
const ERASE_LINE = '\r\u001b[K';

export interface ProgressState {
  done: number;
  /** documents in all, when known before the run (not for --input jsonl) */
  total?: number;
  bytes: number;
  /** input bytes in all, when known */
  totalBytes?: number;
  elapsedMs: number;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hms = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60];
  return (hms[0] ? `${hms[0]}:${String(hms[1]).padStart(2, '0')}` : String(hms[1])) + ':' + String(hms[2]).padStart(2, '0');
}

/** The bar's line, at most `width - 1` columns (a full line would wrap on some terminals). */
export function progressLine(state: ProgressState, width: number): string {
  const seconds = state.elapsedMs / 1000;
  const rate = seconds > 0 ? state.bytes / seconds : 0;
  const counts = state.total === undefined ? `${state.done} documents` : `${state.done}/${state.total} documents`;
  const speed = state.bytes > 0 && seconds > 0 ? `${(rate / MB).toFixed(1)} MB/s` : '';
  const left = state.totalBytes !== undefined && rate > 0 ? `ETA ${clock((state.totalBytes - state.bytes) / rate)}` : '';
  const facts = [counts, speed, left].filter(Boolean).join('  ');
  const room = width - 1 - 'extract: '.length - facts.length - 3;
  let bar = '';
  if (state.total && room >= 10) {
    const size = Math.min(BAR, room);
    const share = state.totalBytes ? state.bytes / state.totalBytes : state.done / state.total;
    const full = Math.min(size, Math.floor(share * size));
    bar = '[' + '='.repeat(full) + (full < size ? '>' + ' '.repeat(size - full - 1) : '') + '] ';
  }
  return `extract: ${bar}${facts}`.slice(0, Math.max(0, width - 1));
}

export interface Progress {
  /** one more document done, of so many input bytes */
  advance(bytes: number): void;
  /** erases the bar, before a line is written or at the end; the next advance draws it again */
  erase(): void;
}

export const NO_PROGRESS: Progress = { advance() {}, erase() {} };

/** The bar, drawn on `stderr` (a terminal: its width is read at each drawing). */
export function progressBar(stderr: Writable & { columns?: number }, known: { total?: number; totalBytes?: number }, now: () => number = Date.now): Progress {
  const started = now();
  let done = 0;
  let bytes = 0;
  let drawnAt = -Infinity;
  let shown = false;
  return {
    advance(n) {
      done++;
      bytes += n;
      const t = now();
      if (t - started < DELAY_MS || t - drawnAt < REDRAW_MS) return;
      drawnAt = t;
      stderr.write(ERASE_LINE + progressLine({ done, bytes, elapsedMs: t - started, ...known }, stderr.columns || 80));
      shown = true;
    },
    erase() {
      if (shown) stderr.write(ERASE_LINE);
      shown = false;
    },
  };
}
