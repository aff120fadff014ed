// Golden files: for every NAME.txt with a NAME.expected.json, extract again and compare,
// indicator by indicator and field by field. Pure: reading and writing files is the caller's.
import type { ExtractedDocument, Indicator } from './contract.js';

export type Change =
  | { kind: 'added'; indicator: Indicator }
  | { kind: 'removed'; indicator: Indicator }
  | { kind: 'changed'; before: Indicator; after: Indicator; fields: { field: string; before: unknown; after: unknown }[] };

export interface DocumentDiff {
  /** document-level fields that differ: sha256, chars, encoding, format, date, schemaVersion */
  document: { field: string; before: unknown; after: unknown }[];
  indicators: Change[];
}

const DOCUMENT_FIELDS = ['schemaVersion', 'source', 'sha256', 'encoding', 'format', 'chars', 'date'] as const;
const INDICATOR_FIELDS = ['metric', 'canonical', 'value', 'upper', 'unit', 'direction', 'basis', 'qualifier', 'subject', 'target', 'period', 'span', 'text', 'page', 'pattern'] as const;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const spanKey = (i: Indicator) => `${i.span[0]}:${i.span[1]}`;

/**
 * Pairs expected and actual indicators: first those with the same span and metric, then those
 * with the same span, then those that overlap, in order; the rest are added or removed.
 */
function pair(expected: Indicator[], actual: Indicator[]): [Indicator | null, Indicator | null][] {
  const used = new Set<number>();
  const pairs: [Indicator | null, Indicator | null][] = [];
  const matchers: ((e: Indicator, a: Indicator) => boolean)[] = [
    (e, a) => spanKey(e) === spanKey(a) && e.metric === a.metric,
    (e, a) => spanKey(e) === spanKey(a),
    (e, a) => e.span[0] < a.span[1] && a.span[0] < e.span[1] && e.value === a.value,
  ];
  const partner = new Map<number, number>();
  for (const match of matchers) {
    expected.forEach((e, k) => {
      if (partner.has(k)) return;
      const j = actual.findIndex((a, j2) => !used.has(j2) && match(e, a));
      if (j >= 0) {
        used.add(j);
        partner.set(k, j);
      }
    });
  }
  expected.forEach((e, k) => pairs.push([e, partner.has(k) ? actual[partner.get(k)!]! : null]));
  actual.forEach((a, j) => {
    if (!used.has(j)) pairs.push([null, a]);
  });
  const start = (p: [Indicator | null, Indicator | null]) => (p[1] ?? p[0])!.span[0];
  return pairs.sort((x, y) => start(x) - start(y));
}

export function diffDocuments(expected: ExtractedDocument, actual: ExtractedDocument): DocumentDiff {
  const document = DOCUMENT_FIELDS.filter((f) => !same(expected[f], actual[f])).map((field) => ({ field, before: expected[field], after: actual[field] }));
  const indicators: Change[] = [];
  for (const [e, a] of pair(expected.indicators, actual.indicators)) {
    if (e && !a) indicators.push({ kind: 'removed', indicator: e });
    else if (!e && a) indicators.push({ kind: 'added', indicator: a });
    else if (e && a) {
      const fields = INDICATOR_FIELDS.filter((f) => !same(e[f], a[f])).map((field) => ({ field, before: e[field], after: a[field] }));
      if (fields.length) indicators.push({ kind: 'changed', before: e, after: a, fields });
    }
  }
  return { document, indicators };
}

export function isUnchanged(d: DocumentDiff): boolean {
  return d.document.length === 0 && d.indicators.length === 0;
}

export function summarize(d: DocumentDiff): string {
  const count = (k: Change['kind']) => d.indicators.filter((c) => c.kind === k).length;
  const parts = [
    count('added') && `${count('added')} added`,
    count('removed') && `${count('removed')} removed`,
    count('changed') && `${count('changed')} changed`,
    d.document.length && `document ${d.document.map((f) => f.field).join(', ')}`,
  ].filter(Boolean);
  return parts.join(', ');
}
