// Values as the terminal and HTML views show them; the JSON keeps the exact number.
import { describe, expect, it } from 'vitest';
import { readableValue } from '../src/views/values.js';

describe('readableValue', () => {
  it.each([
    // Large amounts in 万, 亿 and 万亿, as reports write them; the decimal point only moves.
    [{ value: 328650000000, unit: '元' }, '3286.5亿元'],
    [{ value: 12760400, unit: '元' }, '1276.04万元'],
    [{ value: 1640000000, unit: '元' }, '16.4亿元'],
    [{ value: 4930000000000, unit: '元' }, '4.93万亿元'],
    [{ value: 100000000, unit: '元' }, '1亿元'],
    [{ value: 350000, unit: '千瓦' }, '35万千瓦'],
    [{ value: 43860000, unit: '名' }, '4386万名'],
    [{ value: 20000, unit: '元' }, '2万元'],
    // Small numbers as they are; integers of more than four digits grouped in threes.
    [{ value: 2362, unit: '起' }, '2362起'],
    [{ value: 0.5, unit: '元' }, '0.5元'],
    [{ value: 123456.7, unit: '吨' }, '123,456.7吨'],
    [{ value: 41256, unit: '元' }, '41,256元'],
    [{ value: 12345678, unit: '元' }, '12,345,678元'],
    [{ value: 123456789, unit: '元' }, '123,456,789元'],
    [{ value: 1234567890123456, unit: '元' }, '1,234,567,890,123,456元'],
    // Rates, shares and multiples never take a multiplier.
    [{ value: 39.2, unit: '%' }, '39.2%'],
    [{ value: 19.23, unit: '百分点' }, '19.23百分点'],
    [{ value: 45000, unit: '倍' }, '45,000倍'],
    [{ value: 33.3333, unit: '%' }, '33.3333%'],
    // Ranges share one multiplier, chosen by the upper bound.
    [{ value: 3, upper: 5, unit: '所' }, '3–5所'],
    [{ value: 5000, upper: 20000, unit: '元' }, '0.5–2万元'],
    [{ value: 10, upper: 15, unit: '%' }, '10–15%'],
    // What JavaScript writes with an exponent is left as it is.
    [{ value: 1e21, unit: '元' }, '1e+21元'],
  ])('%o reads %s', (indicator, shown) => {
    expect(readableValue(indicator)).toBe(shown);
  });
});
