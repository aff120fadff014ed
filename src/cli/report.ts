// `extract report`: one self-contained HTML page of all the documents and their indicators.
import { readFileSync } from 'node:fs';
import { documentFromInput } from '../document.js';
import { ConvertError } from '../pipeline/convert/index.js';
import { detectFormat, HEAD_BYTES, type InputFormat } from '../pipeline/convert/detect.js';
import { DecodeError } from '../pipeline/decode.js';
import type { Extractor } from '../pipeline/extract.js';
import { renderHtmlReport, type ReportDocument } from '../views/html.js';
import { describeFsError, EXIT } from './errors.js';
import { writeFileAtomic } from './files.js';
import { resolveInputs } from './inputs.js';
import type { Io } from './main.js';
import { writeTo } from './output.js';

export async function writeReport(operands: string[], options: { output: string; title: string; inputFormat: 'auto' | InputFormat }, extractor: Extractor, io: Io): Promise<number> {
  const { inputs, problems } = resolveInputs(operands);
  let failed = problems.length > 0;
  for (const p of problems) await writeTo(io.stderr, `extract: ${p.operand}: ${p.reason}\n`);
  const docs: ReportDocument[] = [];
  for (const input of inputs) {
    const source = input.kind === 'stdin' ? '-' : input.path;
    try {
      const bytes = input.kind === 'stdin' ? readFileSync(0) : readFileSync(input.path);
      const format = options.inputFormat === 'auto' ? detectFormat(bytes.subarray(0, HEAD_BYTES), input.kind === 'file' ? input.path : undefined) : options.inputFormat;
      // A converted document shows the text derived from it, which its spans index.
      docs.push(await documentFromInput(extractor, source, bytes, format));
    } catch (e) {
      failed = true;
      await writeTo(io.stderr, `extract: ${source}: ${e instanceof DecodeError || e instanceof ConvertError ? e.message : describeFsError(e)}\n`);
    }
  }
  writeFileAtomic(options.output, renderHtmlReport(docs, { title: options.title }));
  const count = docs.reduce((n, d) => n + d.doc.indicators.length, 0);
  await writeTo(io.stderr, `extract: wrote ${options.output}: ${docs.length} documents, ${count} indicators\n`);
  return failed ? EXIT.usage : EXIT.ok;
}
