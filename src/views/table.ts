// The formats of `extract table`: an aligned table for a terminal, CSV (as --format csv writes
// it, with a byte-order mark for spreadsheets), Markdown and JSON Lines; for rows and for the
// pivot (one row per document, one column per metric and unit).
import type { Pivot, Row } from '../table/rows.js';
import { cell, line } from './csv.js';
import { periodLabel } from './period.js';
import { displayWidth } from './terminal.js';

export type TableFormat = 'table' | 'csv' | 'md' | 'jsonl';

/** The columns a person reads (table, Markdown): `metric` is the canonical name. */
const SHORT: readonly [string, (r: Row) => string][] = [
  ['document', (r) => r.document],
  ['metric', (r) => r.canonical],
  ['value', (r) => (r.upper === undefined ? String(r.value) : `${r.value}–${r.upper}`)],
  ['unit', (r) => r.unit],
  ['direction', (r) => r.direction ?? ''],
  ['basis', (r) => r.basis ?? ''],
  ['qualifier', (r) => r.qualifier ?? ''],
  ['period', (r) => periodLabel(r.period)],
  ['text', (r) => r.text],
];

/** Every field, for a spreadsheet. */
const CSV: readonly [string, (r: Row) => string][] = [
  ['document', (r) => r.document],
  ['canonical', (r) => r.canonical],
  ['metric', (r) => r.metric],
  ['value', (r) => cell(r.value)],
  ['upper', (r) => cell(r.upper)],
  ['unit', (r) => r.unit],
  ['direction', (r) => cell(r.direction)],
  ['basis', (r) => cell(r.basis)],
  ['qualifier', (r) => cell(r.qualifier)],
  ['subject', (r) => cell(r.subject)],
  ['target', (r) => cell(r.target)],
  ['period', (r) => cell(r.period?.text)],
  ['period_from', (r) => cell(r.period?.from)],
  ['period_to', (r) => cell(r.period?.to)],
  ['text', (r) => r.text],
];

const BOM = '\uFEFF';
// Line breaks and control characters of a document never break a row of a table.
const oneLine = (s: string) => s.replace(/\s+/gu, ' ').replace(/\p{Cc}/gu, '\uFFFD');

function aligned(header: readonly string[], body: readonly string[][]): string {
  const cells = [header, ...body].map((r) => r.map(oneLine));
  const widths = header.map((_, c) => Math.max(...cells.map((r) => displayWidth(r[c]!))));
  return cells.map((r) => r.map((s, c) => s + ' '.repeat(widths[c]! - displayWidth(s))).join('  ').trimEnd() + '\n').join('');
}

function markdown(header: readonly string[], body: readonly string[][]): string {
  const row = (r: readonly string[]) => `| ${r.map((s) => oneLine(s).replace(/[\\|]/g, '\\$&')).join(' | ')} |\n`;
  return row(header) + row(header.map(() => '---')) + body.map(row).join('');
}

/** The first part of a CSV of rows (its header), to write before rows() of each batch. */
export function csvStart(): string {
  return BOM + line(CSV.map(([name]) => name));
}

/** Rows in a format that can be written as they come: CSV lines or JSON Lines. */
export function streamedRows(rows: readonly Row[], format: 'csv' | 'jsonl'): string {
  return format === 'csv' ? rows.map((r) => line(CSV.map(([, get]) => get(r)))).join('') : rows.map((r) => JSON.stringify(r) + '\n').join('');
}

/** All the rows in a format that needs them all (an aligned table, Markdown). */
export function renderRows(rows: readonly Row[], format: 'table' | 'md'): string {
  const header = SHORT.map(([name]) => name);
  const body = rows.map((r) => SHORT.map(([, get]) => get(r)));
  return format === 'table' ? aligned(header, body) : markdown(header, body);
}

export function renderPivot(p: Pivot, format: TableFormat): string {
  if (format === 'jsonl') return p.rows.map((r) => JSON.stringify({ document: r.document, ...Object.fromEntries(p.columns.map((c, k) => [c, r.cells[k]])) }) + '\n').join('');
  const header = ['document', ...p.columns];
  const body = p.rows.map((r) => [r.document, ...r.cells.map((values) => values.join('; '))]);
  if (format === 'csv') return BOM + [header, ...body].map((r) => line(r)).join('');
  return format === 'table' ? aligned(header, body) : markdown(header, body);
}
