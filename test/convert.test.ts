// The conversion stage, module by module: which reader an input needs, a PDF page's runs to
// lines, running headers and page numbers, a page's charset, a document tree to lines; then the
// real fixtures, made by chromium, LibreOffice and iconv (scripts/make-format-fixtures.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { documentFromInput } from '../src/document.js';
import { builtinExtractor, extractFile } from '../src/index.js';
import { linesOf } from '../src/pipeline/convert/blocks.js';
import { detectFormat } from '../src/pipeline/convert/detect.js';
import { decodePage, declaredCharset, htmlToText } from '../src/pipeline/convert/html.js';
import { convert, ConvertError, pageAt } from '../src/pipeline/convert/index.js';
import { dropRunningLines, joinPages, pageLines, type PageLine, type TextRun } from '../src/pipeline/convert/pdf.js';
import { expectGrounded, ROOT } from './helpers.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => readFileSync(join(ROOT, 'fixtures', name));
const bad = (name: string) => readFileSync(join(ROOT, 'test/inputs/bad', name));

describe('detectFormat: content first, then the name', () => {
  it.each([
    ['%PDF-1.7\n…', 'a.txt', 'pdf'],
    ['\n\n%PDF-1.4', undefined, 'pdf'],
    ['PK\x03\x04\x14\x00', 'a.bin', 'docx'],
    ['<!DOCTYPE html><html>', 'a.txt', 'html'],
    ['\uFEFF  <!-- saved from url=(0042)http://example.org/ -->\n<html lang="zh">', undefined, 'html'],
    ['<?xml version="1.0" encoding="gb2312"?>\n<!doctype html>', undefined, 'html'],
    ['<HTML><HEAD>', undefined, 'html'],
    ['全市地区生产总值增长5.2%。', 'a.pdf', 'pdf'],
    ['全市地区生产总值增长5.2%。', 'a.HTM', 'html'],
    ['全市地区生产总值增长5.2%。', 'a.docx', 'docx'],
    ['全市地区生产总值增长5.2%。', 'a.txt', 'txt'],
    ['<p>a fragment is not a page</p>', undefined, 'txt'],
    ['<htmlish>', undefined, 'txt'],
  ])('%j named %s is %s', (head, name, format) => {
    expect(detectFormat(bytes(head), name)).toBe(format);
  });

  it('reads a UTF-16 page through its byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<!doctype html><html>', 'utf16le')]);
    expect(detectFormat(le)).toBe('html');
  });

  it('sends a Word 97-2003 file to the Word reader, which names it', async () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(detectFormat(ole2, 'old.doc')).toBe('docx');
    await expect(convert(ole2, 'docx')).rejects.toThrow('a Word 97-2003 document (.doc), not .docx: save it as .docx first');
  });
});

/** A run at x, y (from the top left of the page), its width that of its characters. */
const run = (str: string, x: number, y: number, size = 12): TextRun => ({ str, x, y, size, width: [...str].length * size });

describe('pageLines: a PDF page in reading order', () => {
  it('orders lines top to bottom and runs left to right, whatever order the page draws them in', () => {
    const lines = pageLines([run('第二行', 50, 140), run('页眉', 200, 40, 8), run('第一行', 50, 120), run('接着', 86, 120)]);
    expect(lines.map((l) => l.text)).toEqual(['页眉', '第一行接着', '第二行']);
  });

  it('keeps runs a little above or below the baseline on their line', () => {
    expect(pageLines([run('增长', 50, 700), run('5.2%', 74, 701.5)]).map((l) => l.text)).toEqual(['增长5.2%']);
  });

  it('separates table cells by a tab, Latin words by a space, and joins Chinese runs', () => {
    const lines = pageLines([run('城镇新增就业', 50, 560), run('8620人', 160, 560), run('GDP', 50, 580), run('growth', 90, 580), run('同比', 50, 600), run('增长', 74, 600)]);
    expect(lines.map((l) => l.text)).toEqual(['城镇新增就业\t8620人', 'GDP growth', '同比增长']);
  });

  it('leaves out runs of blank space', () => {
    expect(pageLines([run(' ', 50, 600), run('', 60, 580)])).toEqual([]);
  });
});

const page = (...texts: [string, number][]): PageLine[] => texts.map(([text, y]) => ({ text, y }));

describe('dropRunningLines: headers, footers and page numbers', () => {
  it('drops a line repeated at the same height on most pages, and lone page numbers', () => {
    const pages = [
      page(['禾丰县统计通报', 820], ['禾丰县统计通报', 760], ['正文一', 700], ['— 1 —', 18]),
      page(['禾丰县统计通报', 820], ['正文二', 760], ['第 2 页 共 3 页', 18]),
      page(['禾丰县统计通报', 820], ['正文三', 760], ['3', 18]),
    ];
    // The title on page 1 has the header's words but not its place: it stays.
    expect(dropRunningLines(pages).map((p) => p.map((l) => l.text))).toEqual([['禾丰县统计通报', '正文一'], ['正文二'], ['正文三']]);
  });

  it('keeps a line that repeats on fewer than half of the pages, and body lines away from the edges', () => {
    const pages = [
      page(['附注', 820], ['甲', 700], ['乙', 600], ['丙', 500], ['12', 400], ['丁', 300], ['戊', 200]),
      page(['正文', 820], ['己', 700]),
      page(['正文二', 820], ['庚', 700]),
    ];
    expect(dropRunningLines(pages)[0]!.map((l) => l.text)).toEqual(['附注', '甲', '乙', '丙', '12', '丁', '戊']);
  });

  it('needs two pages to call a line running: a one-page document keeps its lines but its page number', () => {
    expect(dropRunningLines([page(['禾丰县统计通报', 820], ['正文', 700], ['- 1 -', 18])])[0]!.map((l) => l.text)).toEqual(['禾丰县统计通报', '正文']);
  });
});

describe('joinPages and pageAt', () => {
  it('joins lines by a line break and pages by a blank line, and knows where each page starts in code points', () => {
    const { text, pageStarts } = joinPages([page(['𠀀一', 1]), page(['二', 1], ['三', 0]), page(['四', 1])]);
    expect(text).toBe('𠀀一\n\n二\n三\n\n四\n');
    expect(pageStarts).toEqual([0, 4, 9]);
    expect([0, 3, 4, 8, 9, 10].map((o) => pageAt(pageStarts, o))).toEqual([1, 1, 2, 2, 3, 3]);
  });
});

describe('a page charset', () => {
  it('is read from <meta charset>, <meta http-equiv> or an XML declaration', () => {
    expect(declaredCharset(bytes('<html><head><meta charset="GBK">'))).toBe('gbk');
    expect(declaredCharset(bytes('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'))).toBe('gb2312');
    expect(declaredCharset(bytes('<?xml version="1.0" encoding="UTF-8"?><html>'))).toBe('utf-8');
    expect(declaredCharset(bytes('<html><head><title>无</title>'))).toBeUndefined();
  });

  it('decodes a GBK page as GB18030, its superset, and a page saved again in UTF-8 as UTF-8', () => {
    const page = fixture('30-county-bulletin.html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(page)).toThrow();
    const { html, encoding } = decodePage(page);
    expect(encoding).toBe('gb18030');
    expect(html).toContain('全县地区生产总值412.6亿元');
    const resaved = bytes(html);
    expect(decodePage(resaved)).toEqual({ html, encoding: 'utf-8' });
  });

  it('uses the tool’s own detection when the page declares nothing, and refuses a charset it does not read', () => {
    expect(decodePage(bytes('<html><p>增长5.2%</p>')).encoding).toBe('utf-8');
    expect(() => decodePage(bytes('<meta charset="shift_jis"><p>x</p>'))).toThrow("the page's charset shift_jis is not one the tool reads (UTF-8, UTF-16, GBK/GB18030)");
  });
});

describe('linesOf: a document tree to lines', () => {
  const lines = (html: string) => linesOf((parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: Document }).document.body);

  it('makes a line of each block and <br>, collapses blank space inside one, and skips scripts and forms', () => {
    expect(lines('<h2>一、综合</h2><p>全县地区生产总值\n   增长5.8%。<br>其中，<b>第一产业</b>增长3.1%。</p><script>var n = 42;</script><form><textarea>留言100字</textarea></form><ul><li>甲</li><li>乙</li></ul>')).toEqual([
      '一、综合',
      '全县地区生产总值 增长5.8%。',
      '其中，第一产业增长3.1%。',
      '甲',
      '乙',
    ]);
  });

  it('makes a line of each table row, its cells separated by tabs, a cell of several paragraphs on one line', () => {
    expect(lines('<table><tr><th>指标</th><th>2025年</th></tr><tr><td><p>城镇新增</p><p>就业</p></td><td>8620人</td></tr><tr><td></td><td></td></tr></table>')).toEqual(['指标\t2025年', '城镇新增 就业\t8620人']);
  });

  it('reads a table that lays out a page (one cell, or a cell of many paragraphs) as blocks, not as a row', () => {
    const article = '<p>一、综合</p><p>全县地区生产总值增长5.8%。</p><p>二、农业</p><p>粮食总产量增长2.4%。</p>';
    expect(lines(`<table><tr><td>${article}</td></tr></table>`)).toEqual(['一、综合', '全县地区生产总值增长5.8%。', '二、农业', '粮食总产量增长2.4%。']);
    expect(lines(`<table><tr><td><a href="/">首页</a></td><td>${article}</td></tr></table>`)).toEqual(['首页', '一、综合', '全县地区生产总值增长5.8%。', '二、农业', '粮食总产量增长2.4%。']);
  });
});

describe('htmlToText: the article of a page', () => {
  it('keeps the article and its headline, and drops the navigation, the sidebar, the comments and the scripts', () => {
    const { text } = htmlToText(fixture('30-county-bulletin.html'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('禾丰县2025年国民经济和社会发展情况通报');
    expect(text).toContain('城镇新增就业\t8620人\t增加310人');
    for (const noise of ['首页', '热点新闻', '网友评论', '希望明年涨得更多', 'ICP备', 'pageId', '发表评论']) expect(text).not.toContain(noise);
  });

  it('refuses a page with no article text', () => {
    expect(() => htmlToText(bad('no-body-text.html'))).toThrow(new ConvertError('no article text in this page (only navigation, scripts or boilerplate)'));
  });
});

describe('the fixtures of other formats', () => {
  it('convert to the derived texts checked in beside them', async () => {
    for (const [name, format] of [['30-county-bulletin.pdf', 'pdf'], ['30-county-bulletin.html', 'html'], ['30-county-bulletin.docx', 'docx'], ['31-news-page.html', 'html']] as const) {
      expect((await convert(fixture(name), format)).text, name).toBe(fixture(`${name}.txt`).toString('utf8'));
    }
  });

  it('the PDF: three pages, the running header and the page numbers gone, the table a row a line', async () => {
    const { text, pageStarts } = await convert(fixture('30-county-bulletin.pdf'), 'pdf');
    expect(pageStarts).toHaveLength(3);
    expect(text.split('\n')[0]).toBe('禾丰县2025年国民经济和社会发展情况通报');
    expect(text.match(/禾丰县2025年国民经济和社会发展情况通报/g)).toHaveLength(1);
    expect(text).not.toMatch(/—\s*\d+\s*—/);
    expect(text).toContain('每万人口发明专利拥有量\t12.6件\t增加1.8件');
  });

  it('give the same tuples as the same report in text, and spans that index the derived text', async () => {
    const ex = builtinExtractor();
    const tuple = (i: { metric: string; value: number; upper?: number; unit: string; direction: unknown; basis: unknown; qualifier: unknown; subject: unknown; target: boolean; pattern: string; text: string }) => [
      i.metric, i.value, i.upper, i.unit, i.direction, i.basis, i.qualifier, i.subject, i.target, i.pattern,
      // A PDF line may break inside the text of a span: the same words, a line break between.
      i.text.replace(/\s+/g, ''),
    ];
    const txt = await documentFromInput(ex, 'a.txt', fixture('30-county-bulletin.txt'), 'txt');
    expect(txt.doc.indicators.length).toBeGreaterThan(80);
    for (const format of ['pdf', 'html', 'docx'] as const) {
      const { doc, text } = await documentFromInput(ex, `a.${format}`, fixture(`30-county-bulletin.${format}`), format);
      expect(doc.format).toBe(format);
      expect(doc.indicators.map(tuple), format).toEqual(txt.doc.indicators.map(tuple));
      expectGrounded(text, doc);
    }
  });

  it('the PDF: each indicator carries the page where its span starts', async () => {
    const ex = builtinExtractor();
    const { doc, text } = await documentFromInput(ex, 'a.pdf', fixture('30-county-bulletin.pdf'), 'pdf');
    const { pageStarts } = await convert(fixture('30-county-bulletin.pdf'), 'pdf');
    const pageText = (n: number) => [...text].slice(pageStarts[n - 1], pageStarts[n]).join('');
    expect(new Set(doc.indicators.map((i) => i.page))).toEqual(new Set([1, 2, 3]));
    for (const i of doc.indicators) expect(pageText(i.page!), i.text).toContain(i.text.split('\n')[0]);
    // The sentence cut by the page break is read whole, on the page where it starts.
    const cut = doc.indicators.find((i) => i.metric === '基本医疗保险参保率')!;
    expect(cut.page).toBe(2);
    expect(cut.text).toBe('基本医\n\n疗保险参保率稳定在96%以上');
  });
});

describe('extractFile', () => {
  it('converts a PDF, a page or a Word file as the CLI does, told by content, or by the format given', async () => {
    for (const name of ['30-county-bulletin.docx', '31-news-page.html']) {
      const expected = JSON.parse(fixture(`${name}.expected.json`).toString('utf8'));
      expect(await extractFile(join(ROOT, 'fixtures', name), { source: name })).toEqual(expected);
    }
    const asText = await extractFile(join(ROOT, 'fixtures/31-news-page.html'), { format: 'txt' });
    expect(asText.format).toBeUndefined();
  });
});

describe('inputs that cannot be converted', () => {
  it.each([
    ['scanned.pdf', 'pdf', 'no text layer: scanned pages need OCR first'],
    ['encrypted.pdf', 'pdf', 'an encrypted PDF: it needs a password to open'],
    ['truncated.pdf', 'pdf', 'a broken or cut-off PDF (no %%EOF at its end)'],
    ['truncated.docx', 'docx', 'a broken or cut-off DOCX (its zip archive is incomplete)'],
    ['not-word.docx', 'docx', 'a zip archive but not a Word document (no word/document.xml)'],
    ['no-body-text.html', 'html', 'no article text in this page (only navigation, scripts or boilerplate)'],
  ] as const)('%s: %s', async (name, format, message) => {
    await expect(convert(bad(name), format)).rejects.toThrow(new ConvertError(message));
  });

  it('a text that is named or forced as a PDF is not one', async () => {
    await expect(convert(bytes('全市地区生产总值增长5.2%。'), 'pdf')).rejects.toThrow(new ConvertError('not a PDF file (no %PDF header)'));
    await expect(convert(bytes('全市地区生产总值增长5.2%。'), 'docx')).rejects.toThrow(new ConvertError('not a Word document (.docx is a zip archive, and this is not one)'));
  });

  it('a PDF whose end is there but whose body is not gives a broken-PDF message, not a stack', async () => {
    await expect(convert(bytes('%PDF-1.4\ngarbage\n%%EOF\n'), 'pdf')).rejects.toThrow(/^a broken PDF \(/);
  });
});
