/**
 * Cleaning of ingested corpus text. Cleaning happens on the copy in memory; the user's
 * files are never touched. Words are kept: only download-site debris and layout noise go.
 */

/** Junk markers left by download sites, e.g. `##paidbegin##`, `##paidend##`. */
const JUNK_MARKER = /##[A-Za-z_]{2,30}##/g;

/**
 * Whole lines that are advertising or layout debris rather than report text:
 * bracketed site banners (`【…素材库】——…`), membership/download pitches, bare page numbers
 * (`- 3 -`, `第 3 页`, `3/12`), separators.
 */
const AD_BANNER = /^【[^】]{1,20}】\s*[—-]{1,3}/; // 【站名】——广告语
const AD_WORDS = /会员|VIP|vip|svip|下载|代笔|客服|微信|公众号|扫码|关注我们|素材库|网盘|版权所有|转载|联系|加入|http|www\./g;
const PAGE_NUMBER_LINE = /^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4})\s*$/;
const SEPARATOR_LINE = /^\s*[-=_*—·•.。…]{3,}\s*$/;

/** True when a line is debris: an advertisement, a page number or a separator. */
export function isNoiseLine(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (PAGE_NUMBER_LINE.test(t) || SEPARATOR_LINE.test(t)) return true;
  if (t.length > 400) return false;
  if (AD_BANNER.test(t)) return true;
  // A pitch names several of these at once; a report paragraph that mentions one (下载, 联系) is text.
  const hits = new Set(t.match(AD_WORDS) ?? []);
  return hits.size >= 3 || (hits.size >= 2 && t.length <= 60 && !/[。；]$/.test(t));
}

/** Trims trailing spaces, tabs and full-width spaces in linear time (a `/[ ]+$/` regex is quadratic on long inner runs). */
function trimEndSpaces(line: string): string {
  let end = line.length;
  for (;;) {
    const c = line.charCodeAt(end - 1);
    if (end > 0 && (c === 32 || c === 9 || c === 0x3000)) end--;
    else break;
  }
  return end === line.length ? line : line.slice(0, end);
}

/**
 * Returns the cleaned text: junk markers removed, noise lines dropped, line breaks
 * normalised to \n, trailing spaces trimmed. Paragraph text is otherwise unchanged.
 */
export function cleanText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(JUNK_MARKER, '').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (isNoiseLine(line)) continue;
    out.push(trimEndSpaces(line));
  }
  // Collapse runs of blank lines left by removed debris.
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/**
 * Text noise that stays in the text but must not feed phrase statistics:
 * a Latin letter glued inside Chinese (`政治i理论`), or template placeholders (XX, x次, **%).
 */
const GLUED_LATIN = /\p{Script=Han}[A-Za-z]{1,2}(?=\p{Script=Han}|[，。；、：）”]|$)/u;
const PLACEHOLDER = /(?:[Xx×]{2,}|[Xx×](?=[次名个件项人篇场期余万元%％])|\*{2,}|＊{2,}|某某|〇〇)/;

export function hasTextNoise(s: string): boolean {
  return GLUED_LATIN.test(s) || PLACEHOLDER.test(s);
}

const GLUED_LATIN_ALL = new RegExp(GLUED_LATIN.source, 'gu');
const PLACEHOLDER_ALL = new RegExp(PLACEHOLDER.source, 'g');

/**
 * Spans [start, end) of the text noise in `s`, ascending and disjoint: each placeholder,
 * and each glued Latin letter (the letters only: 政治i理论 keeps 政治 and 理论). One pass
 * of each pattern, so linear in the length of `s`.
 */
export function textNoiseSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of s.matchAll(GLUED_LATIN_ALL)) {
    // The match starts with one Han character (one or two UTF-16 units).
    const lead = m[0].codePointAt(0)! > 0xffff ? 2 : 1;
    spans.push([m.index + lead, m.index + m[0].length]);
  }
  for (const m of s.matchAll(PLACEHOLDER_ALL)) spans.push([m.index, m.index + m[0].length]);
  spans.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const sp of spans) {
    const last = out[out.length - 1];
    if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
    else out.push(sp);
  }
  return out;
}
