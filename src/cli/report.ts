// `extract report`: one self-contained HTML page of all the documents and their indicators.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { documentFromInput } from '../document.js';
import { ConvertError } from '../pipeline/convert/index.js';
import { detectFormat, HEAD_BYTES, type InputFormat } from '../pipeline/convert/detect.js';
import { assertTextHead, DecodeError } from '../pipeline/decode.js';
import type { Extractor } from '../pipeline/extract.js';
import { renderHtmlReport, type ReportDocument } from '../views/html.js';
import { assertReplaceable, writeFileAtomic } from './atomic.js';
import { describeFsError, EXIT, OutputError, UserError } from './errors.js';
import { fileIdentity, readInput } from './files.js';
import { resolveInputs, type Input } from './inputs.js';
import type { Io } from './main.js';
import { writeTo } from './output.js';

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

export async function writeReport(operands: string[], options: { output: string; title: string; inputFormat: 'auto' | InputFormat; specialFiles?: boolean }, extractor: Extractor, io: Io): Promise<number> {
  const { inputs, problems } = resolveInputs(operands);
  const shownOutput = options.output === '' ? "''" : options.output;
  const problem = outputProblem(options.output, inputs);
  if (problem) throw new UserError(`report -o ${shownOutput}: ${problem}`);
  let failed = problems.length > 0;
  for (const p of problems) await writeTo(io.stderr, `extract: ${p.operand}: ${p.reason}\n`);
  const docs: ReportDocument[] = [];
  for (const input of inputs) {
    const source = input.kind === 'stdin' ? '-' : input.path;
    try {
      const name = input.kind === 'file' ? input.path : undefined;
      const formatOf = (head: Uint8Array) => (options.inputFormat === 'auto' ? detectFormat(head.subarray(0, HEAD_BYTES), name) : options.inputFormat);
      const bytes = await readInput(input, io.stdin, Boolean(options.specialFiles), (head) => {
        if (formatOf(head) === 'txt') assertTextHead(head);
      });
      // A converted document shows the text derived from it, which its spans index.
      docs.push(await documentFromInput(extractor, source, bytes, formatOf(bytes)));
    } catch (e) {
      failed = true;
      await writeTo(io.stderr, `extract: ${source}: ${e instanceof DecodeError || e instanceof ConvertError ? e.message : describeFsError(e)}\n`);
    }
  }
  try {
    writeFileAtomic(options.output, renderHtmlReport(docs, { title: options.title }));
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    await writeTo(io.stderr, `extract: report -o ${shownOutput}: ${e.reason}\n`);
    return EXIT.usage;
  }
  const count = docs.reduce((n, d) => n + d.doc.indicators.length, 0);
  await writeTo(io.stderr, `extract: wrote ${options.output}: ${docs.length} documents, ${count} indicators\n`);
  return failed ? EXIT.usage : EXIT.ok;
}
