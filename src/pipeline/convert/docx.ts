// A Word file (.docx) to text through mammoth: its body as HTML (headings, paragraphs, lists and
// tables as the document has them), then its blocks as lines, a table a row a line with its cells
// separated by tabs. mammoth's plain-text output would put every cell on a line of its own;
// running headers and footers of the pages are not in the body and stay out.
import { parseHTML } from 'linkedom';
import { linesOf } from './blocks.js';
import { isOle2, isZip } from './detect.js';
import { ConvertError, type Converted } from './index.js';

export async function docxToText(bytes: Uint8Array): Promise<Converted> {
  if (isOle2(bytes)) throw new ConvertError('a Word 97-2003 document (.doc), not .docx: save it as .docx first');
  if (!isZip(bytes)) throw new ConvertError('not a Word document (.docx is a zip archive, and this is not one)');
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) })).value;
  } catch (e) {
    const message = (e as Error)?.message ?? '';
    if (/main document part/i.test(message)) throw new ConvertError('a zip archive but not a Word document (no word/document.xml)');
    if (/central directory|corrupt|end of data|invalid|zip/i.test(message)) throw new ConvertError('a broken or cut-off DOCX (its zip archive is incomplete)');
    throw new ConvertError(`a broken DOCX (${message})`);
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: Document };
  const lines = linesOf(document.body);
  return { text: lines.length ? lines.join('\n') + '\n' : '', encoding: 'utf-8' };
}
