import { describe, expect, it } from 'vitest';
import { parseAmount, parseChineseNumeral, scaleDecimal } from '../src/pipeline/numbers.js';

describe('scaleDecimal', () => {
  it.each([
    ['16.4', 8, 1640000000],
    ['1276.04', 4, 12760400],
    ['0.11', 0, 0.11],
    ['5.67', 12, 5670000000000],
    ['1,234.5', 0, 1234.5],
    ['0.05', 4, 500],
    ['007', 0, 7],
  ])('%s x 10^%i = %d exactly', (text, exp, value) => {
    expect(scaleDecimal(text, exp)).toBe(value);
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['两', 2], ['十', 10], ['十二', 12], ['二十', 20], ['一千二百', 1200], ['三万五千', 35000],
    ['一百零五', 105], ['二〇二三', 2023], ['百亿', 1e10], ['亿', 1e8], ['三千五百万', 35000000],
    ['一万亿', 1e12], ['零', 0], ['三点五', 3.5],
  ])('%s is %d', (text, value) => expect(parseChineseNumeral(text)).toBe(value));

  it('rejects what is not a numeral', () => expect(parseChineseNumeral('三个')).toBeNull());
  it('reads a short run of digits with no zero as ordinals, not a number', () => {
    expect(parseChineseNumeral('一二三')).toBeNull();
    expect(parseChineseNumeral('三四')).toBeNull();
    expect(parseChineseNumeral('二〇二')).toBe(202);
  });
});

describe('parseAmount', () => {
  it('applies multipliers and notes 余', () => {
    expect(parseAmount('4.2万余')).toMatchObject({ value: 42000, approx: true, numeral: 'arabic' });
    expect(parseAmount('5.67万亿')).toMatchObject({ value: 5670000000000 });
    expect(parseAmount('１')).toBeNull();
    expect(parseAmount('9'.repeat(400))).toBeNull();
  });
  it('scales a Chinese numeral by a multiplier written after 余 (一千二百余万)', () => {
    expect(parseAmount('一千二百余万')).toMatchObject({ value: 12000000, approx: true, numeral: 'chinese', multiplied: true });
    expect(parseAmount('三百多亿')).toMatchObject({ value: 30000000000, approx: true });
    // Multipliers stacked past plain digits are scaled as a number, not as the digits of '1e+26'.
    expect(parseAmount('百万亿万亿万')?.value).toSatisfy(Number.isFinite);
  });
  it('turns fractions and 百分之 into percentages', () => {
    expect(parseAmount('三分之一')).toMatchObject({ value: 33.3333, percent: true });
    expect(parseAmount('百分之三十')).toMatchObject({ value: 30, percent: true });
    expect(parseAmount('百分之12.5')).toMatchObject({ value: 12.5, percent: true });
    expect(parseAmount('1/8')).toMatchObject({ value: 12.5, percent: true, numeral: 'fraction' });
    expect(parseAmount('10/3')).toBeNull();
  });
});
