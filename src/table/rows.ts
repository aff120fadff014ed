// `extract table`: the indicators of many documents that pass the filters, as rows, or pivoted
// to one row per document and one column per metric (its canonical name and unit). Pure.
import type { Direction, ExtractedDocument, Indicator, Period } from '../contract.js';

export interface Filters {
  /** the whole canonical name, or the whole metric as written, must match */
  metric?: RegExp;
  unit?: string;
  direction?: Direction | 'none';
  target?: boolean;
  /** the period must lie within [from, to] (ISO strings of any precision) */
  period?: { from: string; to: string };
}

export interface Row {
  document: string;
  canonical: string;
  metric: string;
  value: number;
  upper?: number;
  unit: string;
  direction: Direction | null;
  basis: string | null;
  qualifier: Indicator['qualifier'];
  subject: string | null;
  target: boolean;
  period: Period | null;
  text: string;
}

const ISO = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** A period filter from `2026`, `2025-06`, `2021..2025` or `2025-01..2025-06`; null when malformed. */
export function parsePeriodFilter(spec: string): { from: string; to: string } | null {
  const [a, b = a, extra] = spec.split('..');
  if (extra !== undefined || !a || !ISO.test(a) || !ISO.test(b!)) return null;
  return startOf(a) <= endOf(b!) ? { from: a, to: b! } : null;
}

// The first and last day an ISO date of any precision covers, comparable as strings.
const startOf = (iso: string) => (iso + '-01-01').slice(0, 10);
const endOf = (iso: string) => (iso + '-12-31').slice(0, 10);

function within(p: Period | null, range: { from: string; to: string }): boolean {
  if (!p?.from || !p.to) return false;
  return startOf(p.from) >= startOf(range.from) && endOf(p.to) <= endOf(range.to);
}

export function passes(i: Indicator, f: Filters): boolean {
  if (f.metric && !f.metric.test(i.canonical) && !f.metric.test(i.metric)) return false;
  if (f.unit !== undefined && i.unit !== f.unit) return false;
  if (f.direction !== undefined && (i.direction ?? 'none') !== f.direction) return false;
  if (f.target !== undefined && i.target !== f.target) return false;
  if (f.period && !within(i.period, f.period)) return false;
  return true;
}

export function rowsOf(doc: Pick<ExtractedDocument, 'source' | 'indicators'>, f: Filters): Row[] {
  return doc.indicators.filter((i) => passes(i, f)).map((i) => ({
    document: doc.source,
    canonical: i.canonical,
    metric: i.metric,
    value: i.value,
    ...(i.upper !== undefined ? { upper: i.upper } : {}),
    unit: i.unit,
    direction: i.direction,
    basis: i.basis,
    qualifier: i.qualifier,
    subject: i.subject,
    target: i.target,
    period: i.period,
    text: i.text,
  }));
}

export interface Pivot {
  /** `canonical (unit)`, in order of first appearance */
  columns: string[];
  /** one per document, in input order: its values in each column, in text order */
  rows: { document: string; cells: number[][] }[];
}

/** The signed value of a row for a pivot: a fall is negative, so that a column of changes sorts. */
export function signedValue(r: Pick<Row, 'value' | 'direction'>): number {
  return r.direction === 'down' ? -r.value : r.value;
}

/** One row per document (those without a matching indicator too), one column per metric and unit. */
export function pivot(documents: readonly string[], rows: readonly Row[]): Pivot {
  const columns: string[] = [];
  const index = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.canonical} (${r.unit})`;
    if (!index.has(key)) index.set(key, columns.push(key) - 1);
  }
  const byDocument = new Map(documents.map((d) => [d, columns.map(() => [] as number[])]));
  for (const r of rows) byDocument.get(r.document)![index.get(`${r.canonical} (${r.unit})`)!]!.push(signedValue(r));
  return { columns, rows: documents.map((document) => ({ document, cells: byDocument.get(document)! })) };
}
