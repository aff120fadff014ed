// Tables of indicators as text taken from a plan or a report gives them: a header naming its
// columns (指标, 2025年, 2030年, 年均增长〔累计〕, 属性), then rows `N.名称（单位）` whose cells follow
// on the same line (separated by spaces or tabs) or one a line. Each number of a cell is an
// indicator of the row's metric, in the row's unit; a later year of a plan table is its goal.
// Read from the original text: normalizing would join the cells the layout keeps apart.
import type { Direction, Qualifier } from '../../contract.js';
import { findQuantities } from '../quantities.js';
import type { Rule } from './rule.js';

/** One number of a table, with its fields; offsets in the text read. */
export interface TableCell {
  start: number;
  end: number;
  metric: string;
  value: number;
  unit: string;
  direction: Direction | null;
  qualifier: Qualifier | null;
  target: boolean;
  /** when the cell's column holds: its year, or for a change the years between the first and the last year columns */
  period: { text: string; from: string; to: string } | null;
}

type Column = { kind: 'year'; year: number; header: string } | { kind: 'change'; header: string } | { kind: 'other' };

interface Line {
  text: string;
  start: number;
}

const YEAR_HEADER = /^((?:19|20)\d{2})年(?:末|底)?(?:目标|预期|规划)?(?:值)?$/u;
const CHANGE_HEADER = /^(?:年均增长|年均|累计|〔累计〕|年均增长〔累计〕|年均增速|五年累计|增长|变化)/u;
const ROW = /^(\d{1,2})[.．、]\s*(.+)[（(]([^（）()]{1,12})[）)]\s*(.*)$/u;
const CELL = /^(?<bound><|＜|≤|>|＞|≥)?(?<open>〔)?(?<num>\d+(?:\.\d+)?)〕?(?<post>左右|以上|以下|以内)?$/u;
const CELL_SPLIT = /\t|\s{2,}|　/u;
const DOWN_NAME = /(?:降低|下降|减少)$/u;
const UP_NAME = /(?:增长|提高|增速)$/u;

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ text: part, start });
    start += part.length + 1;
  }
  return lines;
}

const cellsOf = (line: string) => line.split(CELL_SPLIT).map((c) => c.trim()).filter(Boolean);

/** A header line's cells; a name spread out letter by letter (指    标) is one cell. */
function headerCells(line: string): string[] {
  const cells = cellsOf(line);
  return cells.length > 1 && cells.every((c) => [...c].length === 1) ? [cells.join('')] : cells;
}

/** The value columns of a header that starts at line k (its cells on one line or one a line), and where it ends. */
function headerAt(lines: Line[], k: number): { columns: Column[]; plan: boolean; next: number } | null {
  const cells: string[] = [];
  let j = k;
  for (; j < lines.length && j < k + 12; j++) {
    const parts = headerCells(lines[j]!.text.normalize('NFKC'));
    if (!parts.length || ROW.test(lines[j]!.text.trim())) break;
    // 〔累计〕 on a line of its own goes with the header cell before it.
    for (const p of parts) if (/^〔.*〕$/u.test(p) && cells.length) cells[cells.length - 1] += p;
      else cells.push(p);
  }
  const years = cells.filter((c) => YEAR_HEADER.test(c));
  const name = cells.findIndex((c) => /^指\s*标/u.test(c));
  if (name < 0 || years.length < 1) return null;
  const latest = Math.max(...years.map((c) => Number(YEAR_HEADER.exec(c)![1])));
  const plan = cells.some((c) => /^属性|预期性|约束性/u.test(c)) || years.length > 1;
  const columns: Column[] = cells.slice(name + 1).map((c) => {
    const y = YEAR_HEADER.exec(c);
    if (y) return { kind: 'year', year: Number(y[1]), header: c };
    return CHANGE_HEADER.test(c) ? { kind: 'change', header: c } : { kind: 'other' };
  });
  return columns.length && latest ? { columns, plan, next: j } : null;
}

/** The unit of a row, and how a value in it converts: （万元） is 元 ×10000, （%） is %. */
function unitOf(unitText: string, regex: RegExp): { unit: string; factor: number } | null {
  const written = `1${unitText.normalize('NFKC')}`;
  const q = findQuantities(written, regex)[0];
  return q && q.unit !== null && q.end === written.length ? { unit: q.unit, factor: q.value } : null;
}

export const tableCell: Rule<{ text: string; column: Column | undefined }> = {
  id: 'table.cell',
  description: 'A number in a cell of a table of indicators is an indicator of its row, in the row’s unit: the later year of a plan table and its growth column are goals, 〔〕 a cumulative change; a cell holds in its column’s year, a change over the years of the table',
  decides: ['indicator', 'metric', 'direction', 'qualifier', 'target', 'period'],
  examples: [
    {
      text: '专栏2  南湾区主要指标\n指标\t2025年\t2030年\t年均增长〔累计〕\t属性\n1.地区生产总值增长（%）\t6.2\t—\t5左右\t预期性\n2.森林覆盖率（%）\t40.5\t42以上\t〔1.5〕\t约束性\n',
      gives: [
        { metric: '地区生产总值', value: 6.2, unit: '%', direction: 'up', period: { text: '2025年', from: '2025', to: '2025' }, text: '6.2' },
        { metric: '地区生产总值', value: 5, unit: '%', direction: 'up', qualifier: 'about', target: true, period: { text: '年均增长〔累计〕', from: '2026', to: '2030' }, text: '5左右' },
        { metric: '森林覆盖率', value: 40.5, unit: '%', text: '40.5' },
        { metric: '森林覆盖率', value: 42, unit: '%', qualifier: 'over', target: true, period: { text: '2030年', from: '2030', to: '2030' }, text: '42以上' },
        { metric: '森林覆盖率', value: 1.5, unit: '%', direction: 'up', target: true, text: '〔1.5〕' },
      ],
    },
    {
      text: '指标\n2025年\n2030年\n属性\n1.人均地区生产总值（万元）\n9.6\n12以上\n预期性\n',
      gives: [
        { metric: '人均地区生产总值', value: 96000, unit: '元', text: '9.6' },
        { metric: '人均地区生产总值', value: 120000, unit: '元', qualifier: 'over', target: true, text: '12以上' },
      ],
    },
  ],
  counterexamples: [
    {
      text: '1.地区生产总值增长（%）\t6.2\n',
      gives: [],
    },
  ],
  apply: ({ text, column }) => CELL.test(text) && column !== undefined && column.kind !== 'other',
};

const BOUND: Record<string, Qualifier> = { '<': 'under', '＜': 'under', '≤': 'under', '>': 'over', '＞': 'over', '≥': 'over' };
const POST: Record<string, Qualifier> = { 左右: 'about', 以上: 'over', 以下: 'under', 以内: 'under' };

/** Reads the rows of every table of indicators in the text; offsets are UTF-16 units of `text`. */
export function readTables(text: string, quantities: RegExp): TableCell[] {
  const lines = linesOf(text);
  const cells: TableCell[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (!/指\s*标/u.test(lines[k]!.text)) continue;
    const header = headerAt(lines, k);
    if (!header) continue;
    k = readRows(lines, header.next, header, quantities, cells) - 1;
  }
  return cells;
}

/** Reads rows from line k while they come; returns the line after the last. */
function readRows(lines: Line[], k: number, header: { columns: Column[]; plan: boolean }, quantities: RegExp, out: TableCell[]): number {
  const { columns } = header;
  const latest = Math.max(...columns.map((c) => (c.kind === 'year' ? c.year : 0)));
  const years = columns.flatMap((c) => (c.kind === 'year' ? [c.year] : []));
  // A year column holds in its year; a change, over the years after the first year column to the last.
  const periodOf = (column: Column): TableCell['period'] =>
    column.kind === 'year'
      ? { text: column.header, from: String(column.year), to: String(column.year) }
      : column.kind === 'change' && years.length > 1
        ? { text: column.header, from: String(Math.min(...years) + 1), to: String(Math.max(...years)) }
        : null;
  let rowsSeen = 0;
  while (k < lines.length) {
    const line = lines[k]!;
    const row = ROW.exec(line.text.trim());
    if (!row) {
      // A line of a group's name (经济发展) between rows; anything longer ends the table.
      if (rowsSeen && cellsOf(line.text).length === 1 && line.text.trim().length <= 8 && !/\d/.test(line.text)) {
        k++;
        continue;
      }
      return k;
    }
    rowsSeen++;
    const [, , rawName, unitText, rest] = row;
    const unit = unitOf(unitText!, quantities);
    // The row's cells: the rest of its line, or the lines after it, one cell a line.
    const cells: { text: string; start: number }[] = [];
    const restStart = line.start + line.text.indexOf(rest!, line.text.indexOf(unitText!));
    if (rest!.trim()) {
      let at = restStart;
      for (const c of rest!.split(CELL_SPLIT)) {
        const i = line.text.indexOf(c, at - line.start) + line.start;
        if (c.trim()) cells.push({ text: c.trim(), start: i + c.indexOf(c.trim()) });
        at = i + c.length;
      }
      k++;
    } else {
      k++;
      while (k < lines.length && cells.length < columns.length && !ROW.test(lines[k]!.text.trim())) {
        const t = lines[k]!.text;
        cells.push({ text: t.trim(), start: lines[k]!.start + t.indexOf(t.trim()) });
        k++;
      }
    }
    if (!unit) continue;
    const name = rawName!.trim();
    const metric = name.replace(DOWN_NAME, '').replace(UP_NAME, '') || name;
    const rowDirection: Direction | null = DOWN_NAME.test(name) ? 'down' : UP_NAME.test(name) ? 'up' : null;
    cells.forEach((cell, c) => {
      const column = columns[c];
      if (!tableCell.apply({ text: cell.text, column })) return;
      const g = CELL.exec(cell.text)!.groups!;
      const cumulative = g.open !== undefined || column!.kind === 'change';
      out.push({
        start: cell.start,
        end: cell.start + cell.text.length,
        metric,
        value: Math.round(Number(g.num) * unit.factor * 1e6) / 1e6,
        unit: unit.unit,
        direction: rowDirection ?? (cumulative ? 'up' : null),
        qualifier: (g.bound ? BOUND[g.bound] : g.post ? POST[g.post] : null) ?? null,
        target: header.plan && (column!.kind === 'change' || (column!.kind === 'year' && column!.year === latest && columns.filter((x) => x.kind === 'year').length > 1)),
        period: periodOf(column!),
      });
    });
  }
  return k;
}
