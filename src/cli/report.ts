// `extract report`: one self-contained HTML page of all the documents and their indicators.
import { readFileSync } from 'node:fs';
import { documentFromText } from '../document.js';
import { decode, DecodeError } from '../pipeline/decode.js';
import type { Extractor } from '../pipeline/extract.js';
import { renderHtmlReport, type ReportDocument } from '../views/html.js';
import { describeFsError, EXIT } from './errors.js';
import { writeFileAtomic } from './files.js';
import { resolveInputs } from './inputs.js';
import type { Io } from './main.js';
import { writeTo } from './output.js';

export async function writeReport(operands: string[], options: { output: string; title: string }, extractor: Extractor, io: Io): Promise<number> {
  const { inputs, problems } = resolveInputs(operands);
  let failed = problems.length > 0;
  for (const p of problems) await writeTo(io.stderr, `extract: ${p.operand}: ${p.reason}\n`);
  const docs: ReportDocument[] = [];
  for (const input of inputs) {
    const source = input.kind === 'stdin' ? '-' : input.path;
    try {
      const bytes = input.kind === 'stdin' ? readFileSync(0) : readFileSync(input.path);
      const { text, encoding } = decode(bytes);
      docs.push({ doc: documentFromText(extractor, source, text, encoding, bytes), text });
    } catch (e) {
      failed = true;
      await writeTo(io.stderr, `extract: ${source}: ${e instanceof DecodeError ? e.message : describeFsError(e)}\n`);
    }
  }
  writeFileAtomic(options.output, renderHtmlReport(docs, { title: options.title }));
  const count = docs.reduce((n, d) => n + d.doc.indicators.length, 0);
  await writeTo(io.stderr, `extract: wrote ${options.output}: ${docs.length} documents, ${count} indicators\n`);
  return failed ? EXIT.usage : EXIT.ok;
}
