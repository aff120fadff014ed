import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { ExtractedDocument, type Indicator } from '../src/contract.js';
import { renderTerminal } from '../src/views/terminal.js';

const TEXT =
  '𠀀全市刑事案件发案数下降39.2%，破案率同比上升\n19.23个百分点。今年天气晴好。' +
  '挽回经济损失1276.04万元\u001b[31m。旅游人次和花费增长均超20%。';

/** An indicator over the first occurrence of `quote` in TEXT, its span in code points. */
function at(quote: string, fields: Pick<Indicator, 'metric' | 'value' | 'unit'> & Partial<Indicator>): Indicator {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(quote))).length;
  return {
    canonical: fields.metric, direction: null, basis: null, qualifier: null, subject: null, target: false, period: null, pattern: 'test',
    ...fields, span: [start, start + Array.from(quote).length], text: quote,
  };
}

const doc = ExtractedDocument.parse({
  schemaVersion: 2,
  source: 'reports/安全工作报告.txt',
  sha256: '0'.repeat(64),
  encoding: 'utf-8',
  chars: Array.from(TEXT).length,
  date: null,
  indicators: [
    at('刑事案件发案数下降39.2%', { metric: '刑事案件发案数', value: 39.2, unit: '%', direction: 'down', subject: '全市' }),
    at('破案率同比上升\n19.23个百分点', { metric: '破案率', value: 19.23, unit: '百分点', direction: 'up', basis: 'yoy' }),
    at('挽回经济损失1276.04万元', { metric: '挽回经济损失', value: 12760400, unit: '元', period: { text: '1—10月', from: '2025-01', to: '2025-10' } }),
    at('超20%', { metric: '旅游人次', value: 20, unit: '%', direction: 'up', qualifier: 'over' }),
    at('超20%', { metric: '旅游花费', value: 20, unit: '%', direction: 'up', qualifier: 'over' }),
  ],
});

// An independent measure: Han characters and CJK punctuation and full-width forms take 2 columns.
function columns(line: string): number {
  return Array.from(line).reduce((w, ch) => w + (/[\p{Script=Han}\u3000-\u303f\uff00-\uff60]/u.test(ch) ? 2 : 1), 0);
}

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('renderTerminal', () => {
  const plain = renderTerminal(doc, TEXT, new Chalk({ level: 0 }), 200);

  it('shows each sentence with indicators, the spans marked, and no escape codes without color', () => {
    expect(plain).not.toContain('\u001b');
    expect(plain).toContain('全市[刑事案件发案数下降39.2%]，[破案率同比上升 19.23个百分点]。');
    // A control character of the text never reaches the terminal.
    expect(plain).toContain('[挽回经济损失1276.04万元]\uFFFD[31m。');
    expect(plain).toContain('旅游人次和花费增长均[超20%]。');
    expect(plain).not.toContain('今年天气晴好');
  });

  it('ends with a table of the tuples', () => {
    const lines = plain.trimEnd().split('\n');
    expect(lines[0]).toBe('reports/安全工作报告.txt  5 indicators');
    const table = lines.slice(lines.indexOf('') + 1);
    expect(table).toHaveLength(1 + doc.indicators.length);
    expect(table[0]).toMatch(/metric\s+value\s+±\s+basis\s+qual\s+subject\s+target\s+period$/);
    expect(table[1]).toMatch(/刑事案件发案数\s+39\.2%\s+↓\s+全市/);
    expect(table[2]).toMatch(/破案率\s+19\.23百分点\s+↑\s+yoy/);
    // The value as reports write it (the JSON keeps 12760400).
    expect(table[3]).toMatch(/挽回经济损失\s+1276\.04万元\s+2025-01–2025-10$/);
    expect(table[5]).toMatch(/旅游花费\s+20%\s+↑\s+over/);
  });

  it('colors with a chalk of level 1 or more, and the text is the same underneath', () => {
    const colored = renderTerminal(doc, TEXT, new Chalk({ level: 1 }), 200);
    expect(colored).toContain('\u001b[');
    expect(stripAnsi(colored)).toContain('全市刑事案件发案数下降39.2%，破案率同比上升 19.23个百分点。');
    expect(stripAnsi(colored).split('\n')).toHaveLength(plain.split('\n').length);
  });

  it.each([0, 2] as const)('keeps every line within a narrow width (chalk level %i)', (level) => {
    for (const width of [30, 12]) {
      const out = stripAnsi(renderTerminal(doc, TEXT, new Chalk({ level }), width));
      const lines = out.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(8);
      for (const line of lines) expect(columns(line), line).toBeLessThanOrEqual(width);
    }
  });

  it('shows only the head line of a document without indicators', () => {
    const empty = { ...doc, indicators: [] };
    expect(renderTerminal(empty, TEXT, new Chalk({ level: 0 }), 80)).toBe('reports/安全工作报告.txt  0 indicators\n');
  });
});
