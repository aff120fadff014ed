// A document too large to hold is read from its bytes block by block (streamBlocks): the
// document is the same, byte for byte, as when its bytes are read whole, whatever the blocks.
import { describe, expect, it } from 'vitest';
import { collect, documentFromBytes, streamBlocks } from '../src/document.js';
import { CHUNK_SIZE } from '../src/pipeline/extract.js';
import { builtinExtractor } from '../src/index.js';

/** The bytes in blocks of `size`: blocks cut characters of several bytes in two. */
const blocksOf = (bytes: Uint8Array, size: number) =>
  function* () {
    for (let k = 0; k < bytes.length; k += size) yield bytes.subarray(k, k + size);
  };

/** GBK bytes of a text of BMP characters, from the decoder's own table. */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(a, b));
      if (!table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...table.get(ch)!);
  }
  return Uint8Array.from(out);
}

/**
 * More than two chunks of report text laid out in lines of 20 characters, so that the wrap
 * width, read in a first pass, joins lines inside sentences.
 */
function report(extra = ''): string {
  const sentences = ['全县粮食产量达到52.6万吨，同比增长3.1%。', `新建学校12所${extra}，城镇新增就业4800人。`, '一般公共预算收入下降2.4%。'];
  let text = '';
  for (let k = 0; text.length < 2.5 * CHUNK_SIZE; k++) text += sentences[k % 3];
  return text.match(/[^]{1,20}/gu)!.join('\n') + '\n';
}

describe('streamBlocks', () => {
  const ex = builtinExtractor();

  const bytes = Buffer.from(report('𠀀'), 'utf8');
  let read: ReturnType<typeof documentFromBytes> | undefined;
  /** The UTF-8 report read whole, once for every size of block. */
  const readWhole = () => (read ??= documentFromBytes(ex, 'r.txt', bytes));

  it.each([7, 4096, 1 << 20])('UTF-8 in blocks of %i bytes: the same document as read whole', (size) => {
    const whole = readWhole();
    expect(whole.indicators.length).toBeGreaterThan(4000);
    expect(whole.chars).toBeLessThan(new TextDecoder().decode(bytes).length);
    const stream = streamBlocks(ex, 'r.txt', blocksOf(bytes, size))!;
    expect(JSON.stringify(collect(stream))).toBe(JSON.stringify(whole));
    expect([...stream.pieces()].join('')).toBe(new TextDecoder().decode(bytes));
  });

  it('GB18030 in blocks that cut its characters: the same document as read whole', () => {
    const bytes = gbk(report());
    const whole = documentFromBytes(ex, 'r.txt', bytes);
    expect(whole.encoding).toBe('gb18030');
    expect(whole.indicators.length).toBeGreaterThan(4000);
    expect(JSON.stringify(collect(streamBlocks(ex, 'r.txt', blocksOf(bytes, 999))!))).toBe(JSON.stringify(whole));
  });

  it('leaves to a whole reading what only it can decode: a byte-order mark, a cut-off end', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('增长5%', 'utf16le')]);
    const cut = Buffer.from('粮食产量增长', 'utf8').subarray(0, -1);
    expect(streamBlocks(ex, 'a.txt', blocksOf(utf16, 4))).toBeNull();
    expect(streamBlocks(ex, 'b.txt', blocksOf(cut, 4))).toBeNull();
  });
});
