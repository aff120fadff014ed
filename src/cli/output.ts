// Where documents go: JSON Lines on stdout, one pretty NAME.json per document, CSV rows, or
// the readable view. Every sink takes a document as its head and batches of indicators, so a
// very large document is written as it is extracted; the bytes are the same as writing the
// whole document with JSON.stringify.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { ChalkInstance } from 'chalk';
import type { ErrorRecord, Indicator } from '../contract.js';
import { SCHEMA_VERSION } from '../field-values.js';
import type { DocumentHead } from '../document.js';
import { csvDocumentRow, csvHeader, csvRows } from '../views/csv.js';
import { sentenceReader } from '../views/sentences.js';
import { renderTerminal } from '../views/terminal.js';
import { writeStreamAtomic } from './atomic.js';
import { outputName } from './files.js';
import { writeRecord, type Settings } from './resume.js';

export interface Sink {
  /** `pieces` gives the decoded text the spans index, for a sink that needs it */
  write(head: DocumentHead, batches: Iterable<Indicator[]>, pieces: () => Iterable<string>): Promise<void>;
  /** an input that gave no document, when the sink writes something in its place */
  failed?(source: string, reason: string): Promise<void>;
  end(): Promise<void>;
  /** whether write reads `pieces` (the run keeps the inputs' bytes for it only then) */
  readonly needsText?: boolean;
}

export function writeTo(stream: Writable, text: string): Promise<void> {
  // A stream that failed (a pipe closed by its reader) takes nothing more: the run stops here.
  if (stream.destroyed) return Promise.reject(stream.errored ?? new Error('the output is closed'));
  return new Promise((resolve, reject) => {
    if (stream.write(text)) return resolve();
    const drained = () => {
      stream.off('error', failed);
      resolve();
    };
    const failed = (e: Error) => {
      stream.off('drain', drained);
      reject(e);
    };
    stream.once('drain', drained);
    stream.once('error', failed);
  });
}

/** JSON of a document, written in pieces with `put`: `indent` 0 for a line, 2 for a pretty file. */
async function writeJson(put: (text: string) => Promise<void>, head: DocumentHead, batches: Iterable<Indicator[]>, indent: 0 | 2): Promise<void> {
  const opening = JSON.stringify(head, null, indent || undefined);
  // A batch on one line is the array's JSON without its brackets.
  const items = (batch: Indicator[]) => (indent ? batch.map((i) => '\n' + JSON.stringify(i, null, 2).replace(/^/gm, '    ')).join(',') : JSON.stringify(batch).slice(1, -1));
  await put(opening.slice(0, -1) + (indent ? ',\n  "indicators": [' : ',"indicators":['));
  let first = true;
  for (const batch of batches) {
    if (!batch.length) continue;
    await put((first ? '' : ',') + items(batch));
    first = false;
  }
  await put(indent ? (first ? ']\n}\n' : '\n  ]\n}\n') : ']}\n');
}

/** One document a line; with `errorRecords`, an ErrorRecord line for an input that gave none. */
export function jsonLines(stdout: Writable, options: { errorRecords?: boolean } = {}): Sink {
  return {
    write: (head, batches) => writeJson((text) => writeTo(stdout, text), head, batches, 0),
    failed: options.errorRecords
      ? (source, error) => writeTo(stdout, JSON.stringify({ schemaVersion: SCHEMA_VERSION, source, error } satisfies ErrorRecord) + '\n')
      : undefined,
    end: async () => {},
  };
}

/**
 * One NAME.json per document, each written whole or not at all (see atomic.ts), and then the
 * record of what made it, for --resume. A file that cannot be written is an OutputError for that
 * document alone.
 */
export function jsonFiles(dir: string, settings: Settings): Sink {
  return {
    async write(head, batches) {
      const name = outputName(head.source);
      const hash = createHash('sha256');
      const put = (file: Writable) => (text: string) => {
        hash.update(text);
        return writeTo(file, text);
      };
      await writeStreamAtomic(join(dir, name), (file) => writeJson(put(file), head, batches, 2));
      writeRecord(dir, name, { input: head.sha256, output: hash.digest('hex'), ...settings });
    },
    end: async () => {},
  };
}

/** CSV with a UTF-8 byte-order mark, so that spreadsheets read the Chinese text right; with
 * `allDocuments`, a document without indicators has a row of its own. */
export function csv(stdout: Writable, options: { allDocuments?: boolean } = {}): Sink {
  let started = false;
  return {
    needsText: true,
    async write(head, batches, pieces) {
      if (!started) await writeTo(stdout, '\uFEFF' + csvHeader());
      started = true;
      const sentenceOf = sentenceReader(pieces());
      let rows = 0;
      for (const batch of batches) {
        rows += batch.length;
        await writeTo(stdout, csvRows({ ...head, indicators: batch }, sentenceOf));
      }
      if (!rows && options.allDocuments) await writeTo(stdout, csvDocumentRow(head.source));
    },
    async end() {
      if (!started) await writeTo(stdout, '\uFEFF' + csvHeader());
    },
  };
}

export function terminalView(stdout: Writable, chalk: ChalkInstance, width: number): Sink {
  return {
    needsText: true,
    async write(head, batches, pieces) {
      const indicators: Indicator[] = [];
      for (const batch of batches) for (const i of batch) indicators.push(i);
      await writeTo(stdout, renderTerminal({ ...head, indicators }, [...pieces()].join(''), chalk, width) + '\n');
    },
    end: async () => {},
  };
}
