// Remakes the fixtures of other formats from the text fixture they show, with real tools:
//   fixtures/30-county-bulletin.{pdf,html,docx}   the same report as 30-county-bulletin.txt
//   fixtures/31-news-page.html                    a UTF-8 government site page
//   test/inputs/bad/*                             inputs the tool must refuse, one clear line each
// PDFs are printed by Debian's chromium (through playwright-core: its header and footer
// templates give a running header and page numbers), the DOCX is saved by LibreOffice, the GBK
// page is encoded by iconv, the encrypted PDF by qpdf, the zip by zip. Needs chromium,
// libreoffice-writer-nogui, qpdf and zip (Debian); none of them is needed to run the tests.
//   node scripts/make-format-fixtures.mjs
// Then: node bin/extract.js check fixtures --update, and read the new expectations by eye.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const fixtures = join(root, 'fixtures');
const bad = join(root, 'test/inputs/bad');
const tmp = mkdtempSync(join(tmpdir(), 'extract-formats-'));
mkdirSync(bad, { recursive: true });

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The text fixture as HTML blocks: title, byline, numbered headings, paragraphs, tab-separated tables. */
function articleHtml(text) {
  const lines = text.trimEnd().split('\n');
  const [title, byline, ...body] = lines;
  const out = [`<h1>${escape(title)}</h1>`, `<p class="byline">${escape(byline)}</p>`];
  for (let i = 0; i < body.length; i++) {
    const line = body[i];
    if (line.includes('\t')) {
      const rows = [];
      while (i < body.length && body[i].includes('\t')) rows.push(body[i++].split('\t'));
      i--;
      const [head, ...rest] = rows;
      out.push(
        '<table>',
        `<thead><tr>${head.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...rest.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`),
        '</tbody></table>',
      );
    } else if (/^[一二三四五六七八九十]+、/.test(line)) {
      out.push(`<h2>${escape(line)}</h2>`);
    } else {
      out.push(`<p>${escape(line)}</p>`);
    }
  }
  return { title, byline, html: out.join('\n') };
}

const FONT = "'WenQuanYi Zen Hei', sans-serif";

function printPage(article) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(article.title)}</title><style>
@page { size: A4; margin: 24mm 22mm 22mm 22mm; }
body { font-family: ${FONT}; font-size: 18px; line-height: 2.1; margin: 0; }
h1 { font-size: 24px; text-align: center; margin: 0 0 4px; }
.byline { text-align: center; margin: 0 0 12px; }
h2 { font-size: 19px; margin: 10px 0 0; }
p { margin: 0; text-indent: 2em; }
.byline { text-indent: 0; }
table { border-collapse: collapse; margin: 8px auto; }
th, td { border: 1px solid #333; padding: 2px 14px; }
</style></head><body>${article.html}</body></html>`;
}

const headerTemplate = (title) =>
  `<div style="font-family:${FONT};font-size:10px;width:100%;text-align:center;color:#555">${escape(title)}</div>`;
const footerTemplate = `<div style="font-family:${FONT};font-size:11px;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>`;

/** A news site's page: navigation, breadcrumb, share links, a sidebar, comments, scripts, a footer. */
function newsPage(article, charset) {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}" />
<title>${escape(article.title)}_新闻中心_禾丰网</title>
<meta name="keywords" content="禾丰县,统计,通报" />
<script type="text/javascript">var _hmt = _hmt || []; var pageId = 20260214093012; var viewCount = 1288;</script>
<link rel="stylesheet" href="/css/main.css" />
</head>
<body>
<div class="topbar">2026年2月14日 星期六 <a href="/login">登录</a> <a href="/reg">注册</a></div>
<div id="nav" class="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/news/">新闻中心</a></li><li><a href="/gov/">政务公开</a></li>
<li><a href="/econ/">经济</a></li><li><a href="/society/">社会</a></li><li><a href="/video/">视频</a></li>
</ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/news/">新闻中心</a> &gt; 本地要闻</div>
<div class="main">
<div class="left">
<div class="article" id="article">
${article.html.replace(/<p class="byline">(.*?)<\/p>/, '<div class="info">来源：$1　　发布时间：2026-02-14 09:30　　【字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>')}
<div class="editor">（责任编辑：林晓）</div>
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a> <a href="javascript:window.print()">打印</a></div>
<div class="comments" id="comments">
<h3>网友评论（3条）</h3>
<ul>
<li class="comment"><span class="user">禾丰老乡</span>：收入增长5.3%，希望明年涨得更多，支持家乡发展！<span class="time">2026-02-14 10:12</span> <a href="#">回复</a> <a href="#">赞(26)</a></li>
<li class="comment"><span class="user">walker88</span>：老旧小区改造60个，我们小区能排上吗？<span class="time">2026-02-14 11:40</span> <a href="#">回复</a> <a href="#">赞(9)</a></li>
<li class="comment"><span class="user">青禾人</span>：游客1268万人次，节假日景区确实人多。<span class="time">2026-02-15 08:03</span> <a href="#">回复</a> <a href="#">赞(3)</a></li>
</ul>
<form><textarea name="c"></textarea><button>发表评论</button></form>
</div>
</div>
<div class="right sidebar">
<h3>热点新闻</h3>
<ul>
<li><a href="/news/1.html">全县春运客流量预计突破120万人次</a></li>
<li><a href="/news/2.html">禾丰县新增3家省级专精特新企业</a></li>
<li><a href="/news/3.html">县人民医院新院区今年投用，新增床位800张</a></li>
<li><a href="/news/4.html">全县中小学新学期将新增学位4500个</a></li>
</ul>
<h3>图片新闻</h3>
<ul><li><a href="/pic/1.html"><img src="/pic/1.jpg" alt="" />春节前夕的禾丰老街</a></li></ul>
</div>
</div>
<div class="footer">
<p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/ad">广告服务</a></p>
<p>禾丰网版权所有 未经授权禁止复制 备案号：禾ICP备12345678号-2 网站标识码4512000021</p>
</div>
<script type="text/javascript">document.write('<img src="/count?id=' + pageId + '&amp;n=3" />');</script>
</body>
</html>
`;
}

/** A government site's page, UTF-8, with its own short article. */
const govPage = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>青禾市2026年一季度交通安全形势通报 - 青禾市公安局</title>
<style>body{font-size:14px}</style>
</head>
<body>
<header><div class="logo">青禾市公安局</div>
<nav><a href="/">网站首页</a><a href="/gk/">警务公开</a><a href="/bs/">网上办事</a><a href="/hd/">互动交流</a></nav>
<form class="search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form></header>
<main>
<article>
<h1>青禾市2026年一季度交通安全形势通报</h1>
<div class="meta">发布日期：2026-04-08　信息来源：市公安局交警支队　浏览次数：3421</div>
<div class="content">
<p>一季度，全市道路交通安全形势总体平稳。全市共发生道路交通事故1426起，同比下降8.3%；造成死亡人数36人，同比减少7人，下降16.3%。<br>
受伤人数1682人，同比下降5.9%。</p>
<p>全市交警部门共查处各类交通违法行为18.6万起，其中酒驾醉驾2317起，同比上升4.1%；超员超载违法行为下降21.5%。</p>
<p>今年，全市将力争道路交通事故死亡人数下降10%以上。</p>
</div>
</article>
</main>
<aside><h2>相关链接</h2><ul><li><a href="/a">2025年全年交通安全形势通报</a></li><li><a href="/b">春运期间交通管控措施</a></li></ul></aside>
<footer><p>主办：青禾市公安局　地址：青禾市人民路88号　电话：0771-12345678</p><p>禾公网安备45010202000123号</p></footer>
</body>
</html>
`;

/** A page with navigation and scripts but no article. */
const emptyPage = `<!doctype html>
<html><head><meta charset="utf-8"><title>页面加载中</title>
<script>window.location.href = "/index.html?from=" + 2026;</script></head>
<body><div id="nav"><a href="/">首页</a> | <a href="/news/">新闻</a> | <a href="/about/">关于</a></div>
<div id="app"></div>
<script src="/js/app.3f1a2b.js"></script>
<div class="footer">Copyright © 2026 备案号：禾ICP备12345678号</div></body></html>
`;

function soffice(args) {
  // A profile of its own, so that no running LibreOffice of the user is disturbed.
  execFileSync('soffice', [`-env:UserInstallation=file://${join(tmp, 'lo-profile')}`, '--headless', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const text = readFileSync(join(fixtures, '30-county-bulletin.txt'), 'utf8');
const article = articleHtml(text);

// The GBK page: written in UTF-8 and encoded by iconv, as a site in GBK serves it.
const gbkSource = join(tmp, 'news-utf8.html');
writeFileSync(gbkSource, newsPage(article, 'gb2312'));
writeFileSync(join(fixtures, '30-county-bulletin.html'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', gbkSource]));
writeFileSync(join(fixtures, '31-news-page.html'), govPage);
writeFileSync(join(bad, 'no-body-text.html'), emptyPage);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.setContent(printPage(article), { waitUntil: 'load' });
  const pdf = join(fixtures, '30-county-bulletin.pdf');
  await page.pdf({
    path: pdf,
    format: 'A4',
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(article.title),
    footerTemplate,
    margin: { top: '24mm', bottom: '22mm', left: '22mm', right: '22mm' },
  });

  // A scan: the first page's text as a picture, and nothing else on the page.
  const shot = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  await shot.setContent(printPage(article), { waitUntil: 'load' });
  const png = await shot.screenshot({ type: 'png' });
  await shot.setContent(`<!doctype html><style>@page{size:A4;margin:0}body{margin:0}img{width:100%}</style><img src="data:image/png;base64,${png.toString('base64')}">`, { waitUntil: 'load' });
  await shot.pdf({ path: join(bad, 'scanned.pdf'), format: 'A4', margin: { top: '0', bottom: '0', left: '0', right: '0' } });

  // Truncated copies: a download that stopped half-way.
  const pdfBytes = readFileSync(pdf);
  writeFileSync(join(bad, 'truncated.pdf'), pdfBytes.subarray(0, Math.floor(pdfBytes.length * 0.6)));
  execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', pdf, join(bad, 'encrypted.pdf')]);
} finally {
  await browser.close();
}

// The DOCX: LibreOffice opens the article as a Writer document and saves it as Word 2007+.
const docSource = join(tmp, '30-county-bulletin.html');
writeFileSync(docSource, `<!doctype html><html><head><meta charset="utf-8"><title>${escape(article.title)}</title></head><body>${article.html}</body></html>`);
soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', tmp, docSource]);
copyFileSync(join(tmp, '30-county-bulletin.docx'), join(fixtures, '30-county-bulletin.docx'));
const docxBytes = readFileSync(join(fixtures, '30-county-bulletin.docx'));
writeFileSync(join(bad, 'truncated.docx'), docxBytes.subarray(0, Math.floor(docxBytes.length * 0.6)));

// A zip that is not a Word document, named as one.
const notes = join(tmp, 'notes.txt');
writeFileSync(notes, '会议纪要：全县地区生产总值增长5.8%。\n');
rmSync(join(bad, 'not-word.docx'), { force: true });
execFileSync('zip', ['-j', '-q', '-X', join(bad, 'not-word.docx'), notes]);

rmSync(tmp, { recursive: true, force: true });
console.log('wrote fixtures/30-county-bulletin.{pdf,html,docx}, fixtures/31-news-page.html and test/inputs/bad/*');
