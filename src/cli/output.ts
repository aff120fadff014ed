// Where documents go: JSON Lines on stdout, one pretty NAME.json per document, CSV rows, or
// the readable view. Every sink takes a document as its head and batches of indicators, so a
// very large document is written as it is extracted; the bytes are the same as writing the
// whole document with JSON.stringify.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { ChalkInstance } from 'chalk';
import type { Indicator } from '../contract.js';
import type { DocumentHead } from '../document.js';
import { csvHeader, csvRows } from '../views/csv.js';
import { renderTerminal } from '../views/terminal.js';
import { outputName } from './files.js';

export interface Sink {
  write(head: DocumentHead, batches: Iterable<Indicator[]>, text: () => string): Promise<void>;
  end(): Promise<void>;
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

/** JSON of a document, written in pieces: `indent` 0 for a line, 2 for a pretty file. */
async function writeJson(out: Writable, head: DocumentHead, batches: Iterable<Indicator[]>, indent: 0 | 2): Promise<void> {
  const opening = JSON.stringify(head, null, indent || undefined);
  // A batch on one line is the array's JSON without its brackets.
  const items = (batch: Indicator[]) => (indent ? batch.map((i) => '\n' + JSON.stringify(i, null, 2).replace(/^/gm, '    ')).join(',') : JSON.stringify(batch).slice(1, -1));
  await writeTo(out, opening.slice(0, -1) + (indent ? ',\n  "indicators": [' : ',"indicators":['));
  let first = true;
  for (const batch of batches) {
    if (!batch.length) continue;
    await writeTo(out, (first ? '' : ',') + items(batch));
    first = false;
  }
  await writeTo(out, indent ? (first ? ']\n}\n' : '\n  ]\n}\n') : ']}\n');
}

export function jsonLines(stdout: Writable): Sink {
  return {
    write: (head, batches) => writeJson(stdout, head, batches, 0),
    end: async () => {},
  };
}

/** One NAME.json per document, each written to a temporary file and renamed when complete. */
export function jsonFiles(dir: string): Sink {
  return {
    async write(head, batches) {
      const path = join(dir, outputName(head.source));
      const tmp = `${path}.${process.pid}.tmp`;
      const file = createWriteStream(tmp);
      try {
        await writeJson(file, head, batches, 2);
        await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
        renameSync(tmp, path);
      } catch (e) {
        file.destroy();
        rmSync(tmp, { force: true });
        throw e;
      }
    },
    end: async () => {},
  };
}

/** CSV with a UTF-8 byte-order mark, so that spreadsheets read the Chinese text right. */
export function csv(stdout: Writable): Sink {
  let started = false;
  return {
    async write(head, batches) {
      if (!started) await writeTo(stdout, '\uFEFF' + csvHeader());
      started = true;
      for (const batch of batches) await writeTo(stdout, csvRows({ ...head, indicators: batch }));
    },
    async end() {
      if (!started) await writeTo(stdout, '\uFEFF' + csvHeader());
    },
  };
}

export function terminalView(stdout: Writable, chalk: ChalkInstance, width: number): Sink {
  return {
    async write(head, batches, text) {
      const indicators: Indicator[] = [];
      for (const batch of batches) for (const i of batch) indicators.push(i);
      await writeTo(stdout, renderTerminal({ ...head, indicators }, text(), chalk, width) + '\n');
    },
    end: async () => {},
  };
}
