import { describe, expect, it } from 'vitest';
import { normalize, toOriginal, wrapWidth, WrapWidth } from '../src/pipeline/normalize.js';

function roundTrip(original: string, needle: string): string {
  const n = normalize(original);
  const at = n.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const [s, e] = toOriginal(n, at, at + needle.length);
  return Array.from(original).slice(s, e).join('');
}

describe('normalize', () => {
  it('folds full-width forms', () => {
    expect(normalize('下降３９．２％，').text).toBe('下降39.2%,');
  });
  it('removes layout spaces inside Chinese text and keeps them between Latin words', () => {
    expect(normalize('同 比 下 降 4.09% ，车 辆').text).toBe('同比下降4.09%,车辆');
    expect(normalize('Node js 与 2023 年').text).toBe('Node js与2023年');
  });
  it('joins a line broken inside a long line, keeps the break after a sentence or a headline', () => {
    const long = '今年以来全市公安机关持续深化改革推进各项工作取得明显成效破案数同比上升';
    expect(normalize(`${long}\n466.2%。`).text).toBe(`${long}466.2%。`);
    expect(normalize('全年工作顺利完成。\n新增公园12座。').text).toBe('全年工作顺利完成。\n新增公园12座。');
    expect(normalize('平安建设成绩单\n\n新增公园12座。').text).toBe('平安建设成绩单\n新增公园12座。');
  });
  it('maps spans back to the original, across removed breaks and surrogate pairs', () => {
    const long = '𠀀今年以来全市公安机关持续深化改革推进各项工作取得明显成效破案数同比上升';
    expect(roundTrip(`${long}\n\n466.2%`, '上升466.2%')).toBe('上升\n\n466.2%');
    expect(roundTrip('比 下 降 4.09% 。', '下降4.09%')).toBe('下 降 4.09%');
    expect(roundTrip('\uFEFF增长３．５％', '3.5%')).toBe('３．５％');
  });
  it('keeps a full-width comma between two digits, where "," would join two numbers into one', () => {
    expect(normalize('约占1/10，4386万名').text).toBe('约占1/10，4386万名');
    expect(normalize('编号934　1200').text).toBe('编号934，1200');
    expect(normalize('破获934起　1200名').text).toBe('破获934起,1200名');
  });
  it('finds the width of text laid out in fixed-width lines', () => {
    const lines = Array.from({ length: 10 }, (_, k) => '字'.repeat(16 + (k % 3)));
    expect(wrapWidth(lines.join('\n'))).toBe(18);
    expect(wrapWidth('短句。\n一段很长很长的话。')).toBe(0);
  });
  it('finds the same width however the text is cut into pieces', () => {
    const text = Array.from({ length: 12 }, (_, k) => `  ${'字'.repeat(14 + (k % 3))}𠀀 \u3000`).join('\r\n');
    const whole = wrapWidth(text);
    expect(whole).toBe(17); // 14 to 16 字 and 𠀀, the spaces trimmed
    for (const size of [1, 2, 5, 17]) {
      const w = new WrapWidth();
      // Pieces never split a surrogate pair, as a streaming decoder's never do.
      const units = Array.from(text);
      for (let k = 0; k < units.length; k += size) w.push(units.slice(k, k + size).join(''));
      expect(w.width(), `pieces of ${size}`).toBe(whole);
    }
  });
});
