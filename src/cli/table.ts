// `extract table`: one metric across many documents. Inputs are extracted as `extract` does
// (or documents already extracted are read with --from), filtered and written as rows or as a
// pivot, in the format asked for.
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { Direction, ErrorRecord, ExtractedDocument, type Indicator } from '../contract.js';
import type { DocumentHead } from '../document.js';
import type { Extractor } from '../pipeline/extract.js';
import { parsePeriodFilter, pivot, rowsOf, type Filters, type Row } from '../table/rows.js';
import { csvStart, renderPivot, renderRows, streamedRows, type TableFormat } from '../views/table.js';
import { describeFsError, EXIT, UserError } from './errors.js';
import type { Io } from './main.js';
import { writeTo, type Sink } from './output.js';
import { resolveInputs } from './inputs.js';
import { extractInto, type ExtractionOptions } from './run.js';

export interface TableOptions {
  from?: string[];
  metric?: string;
  unit?: string;
  direction?: string;
  target?: boolean;
  period?: string;
  pivot?: boolean;
  format?: TableFormat;
}

export function filtersOf(options: TableOptions): Filters {
  const filters: Filters = {};
  if (options.metric !== undefined) {
    try {
      filters.metric = new RegExp(`^(?:${options.metric})$`, 'u');
    } catch (e) {
      throw new UserError(`--metric: not a regular expression: ${(e as Error).message}`);
    }
  }
  if (options.unit !== undefined) filters.unit = options.unit;
  if (options.direction !== undefined) {
    const d = options.direction === 'none' ? 'none' : Direction.safeParse(options.direction).data;
    if (!d) throw new UserError(`--direction: ${options.direction}: give up, down, flat or none`);
    filters.direction = d;
  }
  if (options.target !== undefined) filters.target = options.target;
  if (options.period !== undefined) {
    const period = parsePeriodFilter(options.period);
    if (!period) throw new UserError(`--period: ${options.period}: give YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO`);
    filters.period = period;
  }
  return filters;
}

/** Collects or streams rows; the formats that need every row (or the pivot) write at the end. */
function tableSink(filters: Filters, options: TableOptions, io: Io): Sink & { add(doc: ExtractedDocument): Promise<void> } {
  const format: TableFormat = options.format ?? (io.isTTY ? 'table' : 'jsonl');
  const streamed = options.pivot || format === 'table' || format === 'md' ? null : format;
  const rows: Row[] = [];
  const documents: string[] = [];
  let started = false;
  const open = async (source: string) => {
    documents.push(source);
    if (!started && streamed === 'csv') await writeTo(io.stdout, csvStart());
    started = true;
  };
  // A batch at a time, so that a very large document is never held whole.
  const take = async (source: string, indicators: Indicator[]) => {
    const mine = rowsOf({ source, indicators }, filters);
    if (!streamed) rows.push(...mine);
    else if (mine.length) await writeTo(io.stdout, streamedRows(mine, streamed));
  };
  return {
    async add(doc: ExtractedDocument) {
      await open(doc.source);
      await take(doc.source, doc.indicators);
    },
    async write(head: DocumentHead, batches: Iterable<Indicator[]>) {
      await open(head.source);
      for (const batch of batches) await take(head.source, batch);
    },
    async end() {
      if (options.pivot) await writeTo(io.stdout, renderPivot(pivot(documents, rows), format));
      else if (!streamed) await writeTo(io.stdout, renderRows(rows, format as 'table' | 'md'));
      else if (!started && streamed === 'csv') await writeTo(io.stdout, csvStart());
    },
  };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The documents of a file written by extract: JSON Lines, or one pretty-printed document (--out).
 * A line that is not a document of this schema version is a problem, an error record is passed
 * over; the others are read.
 */
export function documentsIn(name: string, content: string): { documents: ExtractedDocument[]; problems: string[] } {
  const documents: ExtractedDocument[] = [];
  const problems: string[] = [];
  const read = (json: string, where: string) => {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      problems.push(`${where}: not JSON`);
      return;
    }
    const parsed = ExtractedDocument.safeParse(value);
    if (parsed.success) documents.push(parsed.data);
    // The place of an input that gave no document (--input jsonl): it was reported then.
    else if (ErrorRecord.safeParse(value).success) return;
    else {
      const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
      const issue = parsed.error.issues[0]!;
      problems.push(version !== undefined && version !== 2 ? `${where}: a document of schemaVersion ${String(version)}: extract it again` : `${where}: not an extract document (${issue.path.join('.') || 'top level'}: ${issue.message})`);
    }
  };
  const trimmed = content.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{') && !trimmed.includes('\n{')) read(trimmed, name);
  else trimmed.split('\n').forEach((l, k) => l.trim() && read(l, `${name} line ${k + 1}`));
  return { documents, problems };
}

export async function runTable(operands: string[], options: TableOptions, extraction: ExtractionOptions, extractor: () => Extractor, io: Io): Promise<number> {
  const filters = filtersOf(options);
  const sink = tableSink(filters, options, io);
  if (!options.from) {
    if (!operands.length) throw new UserError('no input given: name files, folders, globs, or - for stdin, or documents already extracted with --from (see --help)');
    return extractInto(sink, resolveInputs(operands), extraction, extractor(), io);
  }
  if (operands.length) throw new UserError('--from reads documents already extracted: give no inputs as well');
  let failed = false;
  for (const name of options.from) {
    let content: string;
    try {
      content = name === '-' ? await readAll(io.stdin) : readFileSync(name, 'utf8');
    } catch (e) {
      failed = true;
      await writeTo(io.stderr, `extract: ${name}: ${describeFsError(e)}\n`);
      continue;
    }
    const { documents, problems } = documentsIn(name === '-' ? 'stdin' : name, content);
    for (const p of problems) await writeTo(io.stderr, `extract: ${p}\n`);
    failed ||= problems.length > 0;
    for (const doc of documents) await sink.add(doc);
  }
  await sink.end();
  return failed ? EXIT.usage : EXIT.ok;
}
