/**
 * Optional layout check through LibreOffice: the export of a real corpus report is turned into
 * a PDF, whose page size, page count, title and page numbers are checked. Skipped (with the
 * reason) where soffice or poppler's pdftotext/pdfinfo are not installed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reportsFromText } from '../../server/src/engine/corpus/corpus';
import { buildDocx, PAGE } from '../../server/src/engine/delivery/docxExport';
import { exportBlocks } from '../../server/src/engine/delivery/exportModel';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import type { CorpusReport } from '../../server/src/engine/types';
import { tempDir } from '../helpers/tmp';

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

const missing = ['soffice', 'pdftotext', 'pdfinfo'].filter((c) => !has(c));
const skip = missing.length
  ? `跳过：未安装 ${missing.join('、')}（LibreOffice 与 poppler-utils），无法把导出的 Word 转成 PDF 检查版面`
  : false;

const LINES_PER_PAGE = 22;

/**
 * Width of a paragraph in body characters: CJK one, Latin letters and digits about half.
 * Curly quotes are full-width in Chinese Word fonts but narrow in the free fallback fonts
 * LibreOffice uses here, so they count half.
 */
function widthOf(s: string): number {
  let w = 0;
  for (const ch of s) w += /[“”‘’]/.test(ch) ? 0.5 : /[\p{Script=Han}\u3000-\u303f\uff00-\uffef—…·]/u.test(ch) ? 1 : /\s/.test(ch) ? 0.3 : 0.55;
  return w;
}

/** Pages the draft should take at 22 lines of 28 characters, from its blocks alone. */
function estimatePages(text: string): number {
  const titlePerLine = Math.floor(((PAGE.width - PAGE.marginLeft - PAGE.marginRight) / 20) / DEFAULT_SETTINGS.export.titleSize);
  let lines = 0;
  for (const b of exportBlocks(text)) {
    const w = widthOf(b.runs.map((r) => r.text).join(''));
    if (b.kind === 'title') lines += Math.ceil(w / titlePerLine) + 1; // and the blank line after it
    else lines += Math.ceil((w + 2) / PAGE.charsPerLine);
  }
  return lines / LINES_PER_PAGE;
}

function pickReport(): CorpusReport {
  const dir = path.join(__dirname, '../../corpus');
  const reports: CorpusReport[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    reports.push(...reportsFromText(fs.readFileSync(path.join(dir, f), 'utf8'), f, reports.length));
  }
  // A report long enough for several pages, with headings: the layout check needs both.
  const r = reports.find((x) => x.text.length >= 2000 && x.tree.sections.some((s) => s.style === 'cn'));
  assert.ok(r, 'the corpus has a multi-page report with 一、 headings');
  return r;
}

test('export → PDF (LibreOffice): A4, page count of 22×28 pages, title on page 1, “— N —” page numbers', { skip }, async (t) => {
  const report = pickReport();
  const dir = tempDir(t, 'shuzhi-pdf-');
  const docx = path.join(dir, 'report.docx');
  fs.writeFileSync(docx, await buildDocx(report.text, DEFAULT_SETTINGS.export));
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const pdf = path.join(dir, 'report.pdf');
  assert.ok(fs.existsSync(pdf), 'LibreOffice wrote the PDF');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info)!;
  assert.ok(Math.abs(Number(size[1]) - 595.3) < 1 && Math.abs(Number(size[2]) - 841.9) < 1, `A4 page, got ${size[0]}`);

  const estimate = estimatePages(report.text);
  // Headings kept with their next line and widow control leave a line or two empty at page ends.
  assert.ok(Math.abs(pages - Math.ceil(estimate)) <= 1, `${pages} pages for an estimate of ${estimate.toFixed(1)}`);

  const pageText = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' });
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const textLines = (t: string) => t.split('\n').filter((l) => l.trim() && !/^\s*—\s*\d+\s*—\s*$/.test(l));
  const fullLines: number[] = [];
  for (let n = 1; n < pages; n++) {
    const lines = textLines(pageText(n));
    // 22 lines a page; full pages lose at most a few to a heading kept with its text.
    assert.ok(lines.length <= LINES_PER_PAGE && lines.length >= LINES_PER_PAGE - 4, `page ${n} has ${lines.length} lines`);
    // Full lines: continuation lines (no indent) followed by another one (not a paragraph's last).
    lines.forEach((l, i) => {
      if (!/^\s/.test(l) && i + 1 < lines.length && !/^\s/.test(lines[i + 1])) fullLines.push(widthOf(l));
    });
  }
  if (fullLines.length >= 10) {
    // 28 characters a line (punctuation compression and Latin text make single lines vary).
    const median = [...fullLines].sort((a, b) => a - b)[fullLines.length >> 1];
    assert.ok(Math.abs(median - PAGE.charsPerLine) <= 0.5, `median full line ${median} characters`);
  }
  const first = pageText(1);
  assert.ok(squeeze(first).startsWith(squeeze(report.title)), 'the title opens page 1');
  assert.ok(squeeze(first).endsWith('—1—'), 'page 1 ends with its number');
  if (pages >= 2) {
    const second = pageText(2);
    assert.ok(squeeze(second).endsWith('—2—'), 'page 2 ends with its number');
    // Odd numbers sit at the right edge, even numbers at the left.
    const numberLine = (t: string) => t.split('\n').filter((l) => l.trim()).at(-1)!;
    const indentOf = (l: string) => l.length - l.trimStart().length;
    assert.ok(indentOf(numberLine(first)) > indentOf(numberLine(second)) + 20, 'odd page number right, even page number left');
  }
});
