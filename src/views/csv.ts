// The CSV view: one row per indicator, RFC 4180, so that a spreadsheet opens it as it is.
// Columns are only ever added at the end, so that a sheet that reads them by position still works.
import type { ExtractedDocument, Indicator } from '../contract.js';

export const CSV_COLUMNS: readonly string[] = [
  'source', 'metric', 'value', 'upper', 'unit', 'direction', 'basis', 'qualifier',
  'subject', 'target', 'start', 'end', 'text', 'pattern', 'signed_value', 'sentence',
  'canonical', 'period', 'period_from', 'period_to',
];

/** The sentence that holds a span (src/views/sentences.ts). */
export type SentenceOf = (span: readonly [number, number]) => string;

// RFC 4180 ends records with CRLF; spreadsheets on every platform accept it.
const EOL = '\r\n';

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

export function line(fields: readonly string[]): string {
  return fields.map(quote).join(',') + EOL;
}

// Absent and null fields are empty cells; numbers keep JavaScript's shortest round-trip form.
export function cell(v: string | number | boolean | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

function row(source: string, i: Indicator, sentence: string): string[] {
  // A fall is negative, so that a column of changes sums and charts as it reads.
  const signed = i.direction === 'down' && i.value !== 0 ? -i.value : i.value;
  return [
    source, i.metric, cell(i.value), cell(i.upper), i.unit, cell(i.direction), cell(i.basis),
    cell(i.qualifier), cell(i.subject), cell(i.target), cell(i.span[0]), cell(i.span[1]), i.text, i.pattern,
    cell(signed), sentence, i.canonical, cell(i.period?.text), cell(i.period?.from), cell(i.period?.to),
  ];
}

export function csvHeader(): string {
  return line(CSV_COLUMNS);
}

export function csvRows(doc: ExtractedDocument, sentenceOf: SentenceOf): string {
  return doc.indicators.map((i) => line(row(doc.source, i, sentenceOf(i.span)))).join('');
}

/** The row of a document without indicators (with --all-documents): its source, the rest empty. */
export function csvDocumentRow(source: string): string {
  return line(CSV_COLUMNS.map((_, k) => (k === 0 ? source : '')));
}

/** Reads RFC 4180 text back into rows of fields. Accepts LF as well as CRLF and skips a
 * leading BOM, since the CLI writes one for spreadsheets. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  let recordStart = i;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(fields);
    fields = [];
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') {
        field += c;
      } else if (text[i + 1] === '"') {
        field += c;
        i++;
      } else {
        quoted = false;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      endRow();
      recordStart = i + 1;
    } else {
      field += c;
    }
  }
  // The last record may lack its line end; a final line end does not open an empty record.
  if (recordStart < text.length) endRow();
  return rows;
}
