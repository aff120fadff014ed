// The terminal view of one document: the sentences that hold indicators, each indicator
// highlighted in place, then a table of the tuples, all fitted to the terminal's width.
import type { ChalkInstance } from 'chalk';
import type { ExtractedDocument, Indicator } from '../contract.js';
import { sentenceBounds } from './sentences.js';
import { readableValue } from './values.js';
import { periodLabel } from './period.js';

const ARROW = { up: '↑', down: '↓', flat: '→' } as const;
const INDENT = '  ';
const GAP = '  ';
// Below this the indent, a wide character and an ellipsis no longer fit on a line.
const MIN_WIDTH = 8;
const MIN_COLUMN = 4;
const SPACE = /\s/u;

// East Asian Wide and Fullwidth blocks (UAX #11) that report text uses: CJK, kana, Hangul,
// full-width forms, wide emoji. Ambiguous characters (… ↑ ↓) count 1, as most terminals draw them.
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xa000, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];

/** The columns one code point takes on a terminal. */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return WIDE.some(([lo, hi]) => c >= lo && c <= hi) ? 2 : 1;
}

/** The columns a string takes on a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

// Control characters in a document (an ESC above all) must never reach the terminal.
function clean(s: string): string {
  return s.replace(/\s+/gu, ' ').replace(/\p{Cc}/gu, '\uFFFD');
}

/** Cuts a one-line string to at most `width` columns, marking a cut with an ellipsis. */
function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    if (w + charWidth(ch) > width - 1) break;
    out += ch;
    w += charWidth(ch);
  }
  return out + '…';
}

interface Cell {
  ch: string;
  width: number;
  marked: boolean;
}

/** [start, end) code-point ranges of the sentences that hold a span, merged where they touch. */
function sentenceRanges(cps: readonly string[], indicators: readonly Indicator[]): [number, number][] {
  const ranges = indicators.map((i) => sentenceBounds((k) => cps[k]!, i.span, 0, cps.length)).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

/** The cells of one sentence: runs of white space (line breaks of a printed page) become one
 * space, and a space is marked only when all of its run was inside a span. */
function sentenceCells(cps: readonly string[], marked: Uint8Array, [start, end]: [number, number], brackets: boolean): Cell[] {
  const cells: Cell[] = [];
  for (let k = start; k < end; k++) {
    const isMarked = marked[k] === 1;
    if (SPACE.test(cps[k]!)) {
      const prev = cells[cells.length - 1];
      if (prev?.ch === ' ') prev.marked &&= isMarked;
      else cells.push({ ch: ' ', width: 1, marked: isMarked });
    } else {
      const ch = clean(cps[k]!);
      cells.push({ ch, width: charWidth(ch), marked: isMarked });
    }
  }
  while (cells[0]?.ch === ' ') cells.shift();
  while (cells[cells.length - 1]?.ch === ' ') cells.pop();
  if (!brackets) return cells;
  // Without color, brackets show where the spans are.
  const out: Cell[] = [];
  cells.forEach((c, k) => {
    if (c.marked && !cells[k - 1]?.marked) out.push({ ch: '[', width: 1, marked: false });
    out.push(c);
    if (c.marked && !cells[k + 1]?.marked) out.push({ ch: ']', width: 1, marked: false });
  });
  return out;
}

function wrap(cells: readonly Cell[], width: number): Cell[][] {
  const lines: Cell[][] = [[]];
  let used = 0;
  for (const c of cells) {
    if (used + c.width > width) {
      lines.push([]);
      used = 0;
      if (c.ch === ' ') continue;
    }
    lines[lines.length - 1]!.push(c);
    used += c.width;
  }
  return lines;
}

function paint(line: readonly Cell[], chalk: ChalkInstance): string {
  let out = '';
  for (let k = 0; k < line.length; ) {
    let run = '';
    const marked = line[k]!.marked;
    for (; k < line.length && line[k]!.marked === marked; k++) run += line[k]!.ch;
    out += marked ? chalk.black.bgYellow(run) : run;
  }
  return out;
}

const HEADERS = ['metric', 'value', '±', 'basis', 'qual', 'subject', 'target', 'period'];

function tupleCells(i: Indicator): string[] {
  return [i.metric, readableValue(i), i.direction ? ARROW[i.direction] : '', i.basis ?? '', i.qualifier ?? '', i.subject ?? '', i.target ? 'yes' : '', periodLabel(i.period)].map(clean);
}

// How far a column shrinks before others are dropped: text gives way, numbers are never cut.
const READABLE = [8, Infinity, 1, 6, Infinity, 6, Infinity, 9];

/** The width of each column (0 for a dropped one) so that a row fits `width`. In order of
 * preference: drop empty columns, shrink text columns, drop the optional columns (basis and
 * after), and only on a very narrow terminal cut anything down to MIN_COLUMN. */
function fitColumns(natural: readonly number[], empty: readonly boolean[], width: number): number[] {
  const cols = [...natural];
  const visible = () => cols.flatMap((w, c) => (w > 0 ? [c] : []));
  const total = () => visible().reduce((sum, c) => sum + cols[c]!, 0) + GAP.length * (visible().length - 1);
  const widestAbove = (floor: (c: number) => number) =>
    visible().reduce<number | undefined>((best, c) => (cols[c]! > floor(c) && (best === undefined || cols[c]! > cols[best]!) ? c : best), undefined);
  while (total() > width) {
    const shown = visible();
    const emptyColumn = shown.filter((c) => empty[c]).pop();
    const text = widestAbove((c) => Math.min(READABLE[c]!, natural[c]!));
    const any = widestAbove(() => MIN_COLUMN);
    if (emptyColumn !== undefined) cols[emptyColumn] = 0;
    else if (text !== undefined) cols[text]!--;
    else if (shown.length > 3) cols[shown[shown.length - 1]!] = 0;
    else if (any !== undefined) cols[any]!--;
    else cols[shown[shown.length - 1]!] = 0;
  }
  return cols;
}

function table(indicators: readonly Indicator[], chalk: ChalkInstance, width: number): string[] {
  const rows = indicators.map(tupleCells);
  const natural = HEADERS.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c]!))));
  const empty = HEADERS.map((_, c) => rows.every((r) => r[c] === ''));
  const cols = fitColumns(natural, empty, width);
  const shown = cols.flatMap((w, c) => (w > 0 ? [c] : []));
  const line = (cells: string[], style: (s: string, column: number) => string) =>
    INDENT +
    shown
      .map((c, k) => {
        const text = truncate(cells[c]!, cols[c]!);
        const pad = k < shown.length - 1 ? ' '.repeat(cols[c]! - displayWidth(text)) : '';
        return (text ? style(text, c) : '') + pad;
      })
      .join(GAP)
      .trimEnd();
  const styleCell = (row: Indicator) => (text: string, c: number) => {
    if (c === 0) return chalk.bold(text);
    if (c === 1) return chalk.cyan(text);
    if (c === 2) return row.direction === 'up' ? chalk.green(text) : row.direction === 'down' ? chalk.red(text) : text;
    return text;
  };
  return [line(HEADERS, (s) => chalk.dim(s)), ...rows.map((r, k) => line(r, styleCell(indicators[k]!)))];
}

/** The view of one document, ending with a line end. `text` is the decoded original text the
 * spans index; `width` is the terminal's columns (at least MIN_WIDTH is used). With a chalk
 * instance of level 0 the output holds no escape codes, and brackets mark the spans. */
export function renderTerminal(doc: ExtractedDocument, text: string, chalk: ChalkInstance, width: number): string {
  const cols = Math.max(width, MIN_WIDTH);
  const count = `${doc.indicators.length} indicator${doc.indicators.length === 1 ? '' : 's'}`;
  const head = truncate(`${clean(doc.source)}  ${count}`, cols);
  const lines = [chalk.bold(head)];
  if (doc.indicators.length > 0) {
    const cps = Array.from(text);
    const marked = new Uint8Array(cps.length);
    for (const i of doc.indicators) marked.fill(1, Math.min(i.span[0], cps.length), Math.min(i.span[1], cps.length));
    for (const range of sentenceRanges(cps, doc.indicators)) {
      const cells = sentenceCells(cps, marked, range, chalk.level === 0);
      for (const l of wrap(cells, cols - INDENT.length)) lines.push(INDENT + paint(l, chalk));
    }
    lines.push('', ...table(doc.indicators, chalk, cols - INDENT.length));
  }
  return lines.join('\n') + '\n';
}
