// An HTML page to the text of its article: the charset from a byte-order mark, the page's own
// declaration (<meta charset>, <meta http-equiv="Content-Type">, <?xml encoding?>) or, when it
// declares none, the tool's own detection; the page parsed by linkedom, its main content found by
// Mozilla's Readability (navigation, sidebars, comments, share links and footers dropped), then
// its blocks as lines. The headline, which Readability keeps apart, is the first line.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Encoding } from '../../contract.js';
import { decode, DecodeError } from '../decode.js';
import { linesOf } from './blocks.js';
import { ConvertError, type Converted } from './index.js';

/** WHATWG labels of the encodings the tool reads; GBK and GB2312 pages read as GB18030, their superset. */
const LABELS: Record<string, Encoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  gbk: 'gb18030', gb2312: 'gb18030', gb_2312: 'gb18030', 'gb_2312-80': 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030',
  cp936: 'gb18030', 'windows-936': 'gb18030', chinese: 'gb18030', csgb2312: 'gb18030', 'iso-ir-58': 'gb18030',
};

/** How far into a page its charset declaration is looked for, as browsers do. */
const PRESCAN = 1024;

/** The charset a page declares in its first bytes, as written; undefined when it declares none. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN)).toString('latin1');
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase();
}

function strict(label: 'utf-8', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The page's text and the encoding it was read in. */
export function decodePage(bytes: Uint8Array): { html: string; encoding: Encoding } {
  const declared = declaredCharset(bytes);
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // A byte-order mark wins over the page's word, as browsers have it; so does a page that says
  // nothing, or UTF-16 (a meta inside the bytes cannot be UTF-16): the tool's own detection.
  if (hasBom || declared === undefined || /^utf-?16/.test(declared)) {
    try {
      const { text, encoding } = decode(bytes);
      return { html: text, encoding };
    } catch (e) {
      if (e instanceof DecodeError) throw new ConvertError(e.message);
      throw e;
    }
  }
  const encoding = LABELS[declared];
  if (!encoding) throw new ConvertError(`the page's charset ${declared} is not one the tool reads (UTF-8, UTF-16, GBK/GB18030)`);
  // Valid UTF-8 with Chinese in it is never GBK, and a page saved again in UTF-8 often keeps its
  // old declaration: strict UTF-8 first, as the tool reads text files.
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { html: utf8, encoding: 'utf-8' };
  return { html: new TextDecoder(encoding).decode(bytes), encoding };
}

/** Text that reads as prose: a sentence, or a long run of words, outside links. */
function hasBodyText(content: Element): boolean {
  const prose = content.cloneNode(true) as Element;
  for (const a of [...prose.querySelectorAll('a')]) a.remove();
  return linesOf(prose).some((line) => /[。！？!?]|[^\s.]\.(?:\s|$)/.test(line) || [...line].length >= 80);
}

/** The headline: the page's h1 or h2 that its <title> contains (a site name or a section title is not it). */
function headline(document: Document): string | undefined {
  const title = document.title.replace(/\s+/g, '');
  for (const h of [...document.querySelectorAll('h1, h2')]) {
    const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    if ([...text].length >= 4 && title.includes(text.replace(/\s+/g, ''))) return text;
  }
  return undefined;
}

export function htmlToText(bytes: Uint8Array): Converted {
  const { html, encoding } = decodePage(bytes);
  const { document } = parseHTML(html) as unknown as { document: Document };
  const head = headline(document);
  // Readability takes the tree apart: the headline is read before.
  const article = new Readability(document, { serializer: (el: Node) => el }).parse();
  const content = article?.content as unknown as Element | null | undefined;
  const lines = content ? linesOf(content) : [];
  if (!content || !hasBodyText(content)) throw new ConvertError('no article text in this page (only navigation, scripts or boilerplate)');
  if (head && lines[0]?.replace(/\s+/g, '') !== head.replace(/\s+/g, '')) lines.unshift(head);
  return { text: lines.join('\n') + '\n', encoding };
}
