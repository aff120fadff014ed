// Which reader an input needs: its content first (the magic bytes of a PDF, a zip, an HTML
// page), its name second, plain text otherwise. Pure: a file's first bytes and name in.
import type { Format } from '../../contract.js';

export type InputFormat = 'txt' | Format;

/** How many first bytes the detection reads. */
export const HEAD_BYTES = 4096;

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** %PDF- anywhere in the first KB: readers accept a little junk before it, as the spec allows. */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes('%PDF-');
}

export const isZip = (bytes: Uint8Array) => startsWith(bytes, ascii('PK\x03\x04'));

/** An OLE2 compound file: Word 97-2003 (.doc), among others. */
export const isOle2 = (bytes: Uint8Array) => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Whether the text begins as an HTML page does: `<!doctype html` or `<html`, after a byte-order
 * mark, blank space, an XML declaration and comments (a saved page starts with `<!-- saved from
 * url=… -->`). The head is read as ASCII: the markup that decides is ASCII in every charset the
 * tool reads but UTF-16, which is read through its byte-order mark.
 */
export function looksLikeHtml(head: Uint8Array): boolean {
  let text: string;
  if (startsWith(head, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(head);
  else if (startsWith(head, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(head);
  else text = Buffer.from(head.buffer, head.byteOffset, head.length).toString('latin1');
  const rest = text.replace(/^(?:\uFEFF|ï»¿)?(?:\s+|<\?xml[^>]*>|<!--[\s\S]*?-->)*/, '');
  return /^<(?:!doctype\s+html|html[\s>])/i.test(rest);
}

const EXTENSIONS: Record<string, Format> = { pdf: 'pdf', html: 'html', htm: 'html', xhtml: 'html', docx: 'docx' };

/** The format an input's name says, if any. */
export function formatOfName(name: string): Format | undefined {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext ? EXTENSIONS[ext] : undefined;
}

/** `head`: the first HEAD_BYTES of the input (or all of it); `name`: its path, when it has one. */
export function detectFormat(head: Uint8Array, name?: string): InputFormat {
  if (hasPdfHeader(head)) return 'pdf';
  // Any zip, and a Word 97-2003 file, go to the DOCX reader, which says plainly what they are.
  if (isZip(head) || isOle2(head)) return 'docx';
  if (looksLikeHtml(head)) return 'html';
  return (name && formatOfName(name)) || 'txt';
}
