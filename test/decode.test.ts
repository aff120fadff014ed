import { describe, expect, it } from 'vitest';
import { assertTextHead, decode, DecodeError } from '../src/pipeline/decode.js';

describe('decode', () => {
  it('reads UTF-8 and keeps a byte-order mark as one character', () => {
    expect(decode(Buffer.from('增长5%'))).toEqual({ text: '增长5%', encoding: 'utf-8' });
    expect(decode(Buffer.from('\uFEFF增长', 'utf8')).text).toBe('\uFEFF增长');
  });
  it('reads GB18030 when the bytes are not UTF-8', () => {
    // 增长 in GBK
    expect(decode(Uint8Array.from([0xd4, 0xf6, 0xb3, 0xa4]))).toEqual({ text: '增长', encoding: 'gb18030' });
  });
  it('reads UTF-16 with a byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('增长5%', 'utf16le')]);
    expect(decode(bytes)).toEqual({ text: '\uFEFF增长5%', encoding: 'utf-16le' });
  });
  it('refuses binary data', () => {
    expect(() => decode(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))).toThrow(DecodeError);
  });
});

/** Big5 bytes of a text, from the inverse of the platform's Big5 decoder. */
function big5(text: string): Uint8Array {
  const decoder = new TextDecoder('big5');
  const table = new Map<string, number[]>();
  for (let lead = 0xa1; lead <= 0xf9; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail > 0x7e && trail < 0xa1) continue;
      const c = decoder.decode(Uint8Array.of(lead, trail));
      if (c.length === 1 && c !== '\ufffd' && !table.has(c)) table.set(c, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0));
    else out.push(...table.get(c)!);
  }
  return Uint8Array.from(out);
}

// Written for this test in the manner of a Taiwanese or Hong Kong report, in traditional characters.
const TRADITIONAL = '今年以來，全市刑事案件發案數同比下降12.5%，破案率上升3.2個百分點；新建社區警務室18個，挽回經濟損失1276.04萬元。';
const SIMPLIFIED = '今年以来，全市刑事案件发案数同比下降12.5%，破案率上升3.2个百分点；新建社区警务室18个，挽回经济损失1276.04万元。\n';

describe('decode: encodings that are neither UTF-8 nor GB18030', () => {
  it('names Big5 text instead of reading it as GB18030', () => {
    const bytes = big5(TRADITIONAL);
    // The premise: these bytes are GB18030 as well, of other characters.
    expect(() => new TextDecoder('gb18030', { fatal: true }).decode(bytes)).not.toThrow();
    expect(() => decode(bytes)).toThrow(new DecodeError('Big5 text (traditional Chinese), which is not read: convert it to UTF-8 (iconv -f BIG5 -t UTF-8)'));
    expect(() => decode(big5('全市地區生產總值增長5.2%，城鎮居民人均可支配收入達到4.8萬元。'))).toThrow(/^Big5 text/);
  });

  it('reads UTF-16 without a byte-order mark, told by the NUL bytes of its ASCII characters', () => {
    // 一 is U+4E00: a NUL byte where ASCII characters have none.
    for (const text of [SIMPLIFIED, '全市刑事案件发案数同比下降12%', '一季度一般公共预算收入下降2.4%。\n']) {
      const le = Buffer.from(text, 'utf16le');
      const be = Buffer.from(le).swap16();
      expect(() => assertTextHead(le)).not.toThrow();
      expect(() => assertTextHead(be)).not.toThrow();
      expect(decode(le)).toEqual({ text, encoding: 'utf-16le' });
      expect(decode(be)).toEqual({ text, encoding: 'utf-16be' });
    }
  });

  it('does not take random bytes for UTF-16 when chance puts most of their NULs at one parity', () => {
    // 8192 bytes of a fixed pseudo-random sequence, their NULs moved to odd offsets: what
    // /dev/urandom gives now and then, which was read as UTF-16 to the end of a device.
    let seed = 12345;
    const bytes = Uint8Array.from({ length: 8192 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % 255 + 1);
    for (let i = 1; i < bytes.length; i += 256) bytes[i] = 0;
    // The first bytes of a stream are judged before the rest is read.
    expect(() => assertTextHead(bytes)).toThrow(new DecodeError('binary data (NUL bytes), not text'));
    expect(() => decode(bytes)).toThrow(new DecodeError('binary data (NUL bytes), not text'));
  });

  it('says when it cannot tell', () => {
    // GB18030 of private-use characters only, and no Big5.
    const bytes = Uint8Array.from({ length: 40 }, (_, k) => (k % 2 ? 0xa0 : 0xa1));
    expect(() => decode(bytes)).toThrow(new DecodeError('cannot tell its encoding: not UTF-8, and garbled as GB18030 or Big5: convert it to UTF-8'));
  });

  it('still reads GB18030 with a few private-use or rare characters, and binary data is still binary', () => {
    const gb = new Uint8Array([...Buffer.from('abc'), 0xaa, 0xa1, 0xd4, 0xf6, 0xb3, 0xa4, 0x35, 0x25, 0xa3, 0xac, 0xd4, 0xf6, 0xb3, 0xa4, 0x36, 0x25, 0xa1, 0xa3]);
    expect(decode(gb)).toMatchObject({ encoding: 'gb18030', text: 'abc\ue000增长5%，增长6%。' });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    expect(() => decode(png)).toThrow(new DecodeError('binary data (NUL bytes), not text'));
  });
});
