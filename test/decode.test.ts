import { describe, expect, it } from 'vitest';
import { decode, DecodeError } from '../src/pipeline/decode.js';

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
