import { describe, expect, it } from 'vitest';
import { ExtractedDocument, type Indicator } from '../src/contract.js';
import { CSV_COLUMNS, csvDocumentRow, csvHeader, csvRows, parseCsv } from '../src/views/csv.js';

const base = { schemaVersion: 2, sha256: 'ab'.repeat(32), encoding: 'utf-8', date: null } as const;

// Fields chosen to need quoting (comma, quote, line break), and every kind of empty field.
const docs = [
  ExtractedDocument.parse({
    ...base,
    source: 'reports/a,b.txt',
    chars: 40,
    indicators: [
      {
        metric: '收入,"净"额', canonical: '收入净额', value: 12760400, unit: '元', direction: 'up', basis: 'yoy', qualifier: 'over',
        subject: '全市', target: false, period: { text: '1—10月', from: '2025-01', to: '2025-10' }, span: [3, 17], text: '收入,"净"额\r\n合计增长\n1276.04万元', pattern: 'change',
      },
      {
        metric: '项目', canonical: '项目', value: 1, upper: 2, unit: '个', direction: null, basis: null, qualifier: null,
        subject: null, target: true, period: { text: '今年以来', from: null, to: null }, span: [20, 24], text: '1—2个', pattern: 'range',
      },
    ],
  }),
  ExtractedDocument.parse({
    ...base,
    source: 'b.txt',
    chars: 12,
    indicators: [
      {
        metric: '三分之一的人', canonical: '三分之一的人', value: 33.3333, unit: '%', direction: 'down', basis: '全国平均水平', qualifier: null,
        subject: null, target: false, period: null, span: [0, 4], text: '三分之一', pattern: 'fraction',
      },
    ],
  }),
  ExtractedDocument.parse({ ...base, source: 'empty.txt', chars: 0, indicators: [] }),
];

// The sentence of a span, as the CLI gives it from the text: here a stand-in that names the span.
const sentenceOf = (span: readonly [number, number]) => `句子${span[0]}-${span[1]}`;

/** The CSV cell each column should hold, read straight from the JSON. */
function expectedRow(doc: ExtractedDocument, i: Indicator): string[] {
  const json = JSON.parse(JSON.stringify(i)) as Record<string, unknown>;
  const derived: Record<string, unknown> = {
    source: doc.source, start: i.span[0], end: i.span[1], sentence: sentenceOf(i.span),
    signed_value: i.direction === 'down' ? `-${i.value}` : i.value,
    period: i.period?.text, period_from: i.period?.from, period_to: i.period?.to,
  };
  return CSV_COLUMNS.map((column) => {
    const v = column in derived ? derived[column] : json[column];
    return v === null || v === undefined ? '' : String(v);
  });
}

describe('csv', () => {
  const csv = csvHeader() + docs.map((d) => csvRows(d, sentenceOf)).join('');

  it('reads back, field for field, what the JSON says', () => {
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const expected = docs.flatMap((d) => d.indicators.map((i) => expectedRow(d, i)));
    expect(rows.slice(1)).toEqual(expected);
    expect(rows[1]![CSV_COLUMNS.indexOf('text')]).toBe('收入,"净"额\r\n合计增长\n1276.04万元');
    expect(rows[2]![CSV_COLUMNS.indexOf('upper')]).toBe('2');
    expect(rows[3]![CSV_COLUMNS.indexOf('value')]).toBe('33.3333');
    expect(rows[3]![CSV_COLUMNS.indexOf('signed_value')]).toBe('-33.3333');
    expect(rows[1]![CSV_COLUMNS.indexOf('signed_value')]).toBe('12760400');
  });

  it('writes RFC 4180: CRLF line ends, quoted fields with doubled quotes, no BOM', () => {
    expect(csvHeader()).toBe('source,metric,value,upper,unit,direction,basis,qualifier,subject,target,start,end,text,pattern,signed_value,sentence,canonical,period,period_from,period_to\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(false);
    expect(csv).toContain('"reports/a,b.txt","收入,""净""额",12760400,,元,up,yoy,over,全市,false,3,17,"收入,""净""额\r\n合计增长\n1276.04万元",change,12760400,句子3-17,收入净额,1—10月,2025-01,2025-10\r\n');
    expect(csv).toContain(',项目,1,2,个,,,,,true,20,24,1—2个,range,1,句子20-24,项目,今年以来,,\r\n');
    expect(csvRows(docs[1]!, sentenceOf)).toBe('b.txt,三分之一的人,33.3333,,%,down,全国平均水平,,,false,0,4,三分之一,fraction,-33.3333,句子0-4,三分之一的人,,,\r\n');
  });

  it('gives no rows for a document without indicators, unless asked for one with its source alone', () => {
    expect(csvRows(docs[2]!, sentenceOf)).toBe('');
    expect(csvDocumentRow('a "b".txt')).toBe('"a ""b"".txt"' + ','.repeat(CSV_COLUMNS.length - 1) + '\r\n');
  });

  it('parses a BOM, LF line ends, a last record without a line end and empty quoted fields', () => {
    expect(parseCsv('\uFEFFa,b\n"x ""y""",\n"",z')).toEqual([['a', 'b'], ['x "y"', ''], ['', 'z']]);
    expect(parseCsv('""')).toEqual([['']]);
    expect(parseCsv('')).toEqual([]);
  });
});
