/**
 * Splits a compilation (several reports in one file, as circulated online) into single
 * reports. Works from the shape of title lines, never from particular titles:
 * a title is a short line that names a report kind (…述职报告, …述职, …述廉报告) and is
 * not an enumerated heading, a table-of-contents entry or the compilation's own title.
 */

/** One report cut out of a file: its title and text (title line included), with offsets in the input. */
export interface ReportSlice {
  title: string;
  text: string;
  start: number;
  end: number;
}

const REPORT_WORD = /(述职|述廉|述责|述学|述法|述德|报告|汇报)$/;
const QUALIFIER_TAIL = /[（(][^（）()]{1,12}[）)]$/;
/** The compilation's own title: “…汇编”, “（7篇）”, “…范文N篇”. */
const COMPILATION = /(汇编|合集|大全|范文\d*篇|[（(]\s*\d+\s*篇\s*[）)]|\d+篇$)/;
const ENUMERATED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.．、]|[①-⑳])/;
const SENTENCE_END = /[。；;：:，,！？!?]$/;
/** A TOC entry ends with dot leaders and a page number (“……3”). */
const TOC_LEADER = /(?:[.．·…]{2,}|\s{2,})\s*\d{1,4}$/;

/** Strips Markdown heading markers and surrounding white space from a line. */
function bare(line: string): string {
  return line.replace(/^\s*#{1,6}\s+/, '').trim();
}

/** True when a line has the shape of a report title (see module comment). */
export function isTitleLine(line: string): boolean {
  const t = bare(line);
  if (t.length < 4 || t.length > 60) return false;
  if (!/\p{Script=Han}/u.test(t)) return false;
  if (ENUMERATED.test(t) || SENTENCE_END.test(t) || TOC_LEADER.test(t)) return false;
  if (COMPILATION.test(t)) return false;
  // Body text indented with full-width spaces is never a title.
  if (/^[\u3000]{2,}/.test(line)) return false;
  const core = t.replace(QUALIFIER_TAIL, '').replace(QUALIFIER_TAIL, '');
  return REPORT_WORD.test(core);
}

/** Non-blank characters of text, ignoring white space (a cheap “has a body” measure). */
function bodySize(text: string): number {
  return text.replace(/\s/g, '').length;
}

/** A report needs at least this much body text after its title, or the title was a TOC/header line. */
const MIN_BODY = 80;

/**
 * Splits `text` (already cleaned, \n line breaks) into reports. A file with no report title
 * is one report whose title is its first non-empty line (or `fallbackTitle`).
 */
export function splitReports(text: string, fallbackTitle = ''): ReportSlice[] {
  const lines: { text: string; start: number; end: number }[] = [];
  let pos = 0;
  for (const l of text.split('\n')) {
    lines.push({ text: l, start: pos, end: pos + l.length });
    pos += l.length + 1;
  }
  const candidates = lines.map((l, i) => ({ i, ok: isTitleLine(l.text) })).filter((c) => c.ok).map((c) => c.i);

  // Keep a candidate only when real body text follows it before the next candidate.
  const titles: number[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k];
    const next = k + 1 < candidates.length ? candidates[k + 1] : lines.length;
    const body = text.slice(lines[i].end, next < lines.length ? lines[next].start : text.length);
    if (bodySize(body) >= MIN_BODY) titles.push(i);
  }

  if (titles.length === 0) {
    const first = lines.find((l) => l.text.trim() !== '');
    if (!first) return [];
    const title = bare(first.text).length <= 60 ? bare(first.text) : fallbackTitle || bare(first.text).slice(0, 30);
    return [{ title, text: text.slice(first.start).trimEnd() + '\n', start: first.start, end: text.length }];
  }

  const out: ReportSlice[] = [];
  for (let k = 0; k < titles.length; k++) {
    const startLine = lines[titles[k]];
    const end = k + 1 < titles.length ? lines[titles[k + 1]].start : text.length;
    out.push({ title: bare(startLine.text), text: text.slice(startLine.start, end).trimEnd() + '\n', start: startLine.start, end });
  }
  return out;
}
