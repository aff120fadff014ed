// `extract report`: one self-contained HTML page of all the documents and their indicators.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Indicator } from '../contract.js';
import type { Extractor } from '../pipeline/extract.js';
import { renderHtmlReport, type ReportDocument } from '../views/html.js';
import { assertReplaceable, writeFileAtomic } from './atomic.js';
import { describeFsError, EXIT, OutputError, UserError } from './errors.js';
import { fileIdentity } from './files.js';
import { resolveInputs, type Input } from './inputs.js';
import type { Io } from './main.js';
import { writeTo, type Sink } from './output.js';
import { extractInto, type ExtractionOptions } from './run.js';

/**
 * Why the page cannot be written to `output`, known before any input is read: a folder, a
 * device, a link or an input there, or no folder to write it in. Null when it can.
 */
function outputProblem(output: string, inputs: Input[]): string | null {
  if (output === '') return 'an empty name is not a file';
  try {
    assertReplaceable(output);
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    return e.reason === 'is a folder' ? 'is a folder; name the HTML file to write' : e.reason;
  }
  const identity = fileIdentity(output);
  if (identity && inputs.some((i) => i.kind === 'file' && fileIdentity(i.path) === identity)) return 'is also an input; refusing to overwrite it';
  const folder = dirname(output);
  try {
    if (!statSync(folder).isDirectory()) return `${folder} is not a folder`;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? `the folder ${folder} does not exist` : `${folder}: ${describeFsError(e)}`;
  }
  return null;
}

export interface ReportOptions extends ExtractionOptions {
  /** the HTML file */
  out: string;
  title: string;
}

/** The documents, kept until all are in; then the page. A page that cannot be written is one
 * line on stderr, as the run's other problems are. */
function reportSink(options: ReportOptions, io: Io, shownOutput: string, onFailure: () => void): Sink {
  const docs: ReportDocument[] = [];
  return {
    needsText: true,
    async write(head, batches, pieces) {
      const indicators: Indicator[] = [];
      for (const batch of batches) for (const i of batch) indicators.push(i);
      // A converted document shows the text derived from it, which its spans index.
      docs.push({ doc: { ...head, indicators }, text: [...pieces()].join('') });
    },
    async end() {
      try {
        writeFileAtomic(options.out, renderHtmlReport(docs, { title: options.title }));
      } catch (e) {
        if (!(e instanceof OutputError)) throw e;
        onFailure();
        await writeTo(io.stderr, `extract: report -o ${shownOutput}: ${e.reason}\n`);
        return;
      }
      const count = docs.reduce((n, d) => n + d.doc.indicators.length, 0);
      if (!options.quiet) await writeTo(io.stderr, `extract: wrote ${options.out}: ${docs.length} documents, ${count} indicators\n`);
    },
  };
}

/** The inputs are extracted as for the extract command (threads, formats, large files, a progress
 * bar); the page is written once all are in. */
export async function writeReport(operands: string[], options: ReportOptions, extractor: Extractor, io: Io): Promise<number> {
  const resolved = resolveInputs(operands);
  const shownOutput = options.out === '' ? "''" : options.out;
  const problem = outputProblem(options.out, resolved.inputs);
  if (problem) throw new UserError(`report -o ${shownOutput}: ${problem}`);
  let unwritten = false;
  const code = await extractInto(reportSink(options, io, shownOutput, () => (unwritten = true)), resolved, options, extractor, io);
  return unwritten ? EXIT.usage : code;
}
