/**
 * Inline Markdown of one paragraph, as offsets: visible runs with bold/italic, and the
 * markup (emphasis delimiters, escapes, code ticks, link targets, images, inline HTML) that
 * is not shown. Emphasis follows CommonMark's flanking rules with one relaxation for Chinese:
 * a delimiter between a CJK punctuation mark and a CJK character still opens/closes
 * (`**一是：**内容`), while template placeholders such as `完成**%` stay literal.
 */

/** A visible piece of inline text with its emphasis. `start..end` are draft offsets. */
export interface InlineRun {
  start: number;
  end: number;
  bold: boolean;
  italic: boolean;
}

/** Inline content: visible runs in order, and the offsets of markup that is not shown. */
export interface InlineParse {
  runs: InlineRun[];
  hidden: Array<[number, number]>;
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const PUNCT = /[\p{P}\p{S}]/u;
const CJK_PUNCT = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2014\u2026\u00b7]/;
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026]/u;

interface Delim {
  ch: string;
  /** Current extent of the run not yet used by a match. */
  start: number;
  end: number;
  canOpen: boolean;
  canClose: boolean;
}

/** Parses `text[start, end)` as one paragraph's inline Markdown. */
export function parseInline(text: string, start: number, end: number): InlineParse {
  const { hidden, spans } = scanInline(text, start, end);
  return { runs: buildRuns(start, end, hidden, spans), hidden: mergeSpans(hidden) };
}

/** The markup of `text[start, end)` that is not shown (parseInline's `hidden`, spans possibly overlapping). */
export function inlineHidden(text: string, start: number, end: number): Array<[number, number]> {
  return scanInline(text, start, end).hidden;
}

/** The characters where inline markup can start (scanInline does nothing elsewhere). */
export const INLINE_MARKUP_START = /[\\`<!\[*_]/g;

function scanInline(text: string, start: number, end: number): { hidden: Array<[number, number]>; spans: EmphSpan[] } {
  const spans: EmphSpan[] = [];
  const hidden: Array<[number, number]> = [];
  const delims: Delim[] = [];
  const ws = (c: string) => c === '' || /\s/.test(c);
  for (let i = start; i < end; ) {
    const c = text[i];
    if (c === '\\' && i + 1 < end && ASCII_PUNCT.test(text[i + 1])) {
      hidden.push([i, i + 1]);
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(text.slice(i, end))![0];
      const close = text.indexOf(run, i + run.length);
      if (close >= 0 && close < end) {
        hidden.push([i, i + run.length], [close, close + run.length]);
        i = close + run.length;
        continue;
      }
      i += run.length;
      continue;
    }
    if (c === '<') {
      const rest = text.slice(i, end);
      const m = /^<!--[\s\S]*?-->/.exec(rest) ?? /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/.exec(rest);
      if (m) {
        hidden.push([i, i + m[0].length]);
        i += m[0].length;
        continue;
      }
      const auto = /^<((?:https?|mailto):[^\s<>]+)>/.exec(rest);
      if (auto) {
        hidden.push([i, i + 1], [i + auto[0].length - 1, i + auto[0].length]);
        i += auto[0].length;
        continue;
      }
    }
    if (c === '!' || c === '[') {
      const m = /^(!?)\[([^\]\n]*)\]\(([^()\s]*(?:\s+"[^"]*")?)\)/.exec(text.slice(i, end));
      if (m) {
        if (m[1]) hidden.push([i, i + m[0].length]); // images have no text in a Word report
        else {
          hidden.push([i, i + 1]);
          const labelEnd = i + 1 + m[2].length;
          hidden.push([labelEnd, i + m[0].length]);
          // The label may itself hold emphasis: parse it in place.
          const inner = scanInline(text, i + 1, labelEnd);
          hidden.push(...inner.hidden);
          spans.push(...inner.spans);
        }
        i += m[0].length;
        continue;
      }
    }
    if (c === '*' || c === '_') {
      let j = i;
      while (j < end && text[j] === c) j++;
      const before = i > start ? text[i - 1] : '';
      const after = j < end ? text[j] : '';
      const pBefore = PUNCT.test(before);
      const pAfter = PUNCT.test(after);
      // CJK relaxation: full-width punctuation next to a CJK character flanks like a space.
      const cjkOpen = CJK_PUNCT.test(after) && CJK.test(before);
      const cjkClose = CJK_PUNCT.test(before) && CJK.test(after);
      const left = !ws(after) && (!pAfter || ws(before) || pBefore || cjkOpen);
      const right = !ws(before) && (!pBefore || ws(after) || pAfter || cjkClose);
      const intraword = c === '_';
      delims.push({
        ch: c,
        start: i,
        end: j,
        canOpen: intraword ? left && (!right || pBefore) : left,
        canClose: intraword ? right && (!left || pAfter) : right,
      });
      i = j;
      continue;
    }
    i++;
  }
  spans.push(...matchEmphasis(delims, hidden));
  return { hidden, spans };
}

interface EmphSpan {
  start: number;
  end: number;
  strong: boolean;
}

/** CommonMark's delimiter matching, simplified (no rule of three). Used delimiters become hidden. */
function matchEmphasis(delims: Delim[], hidden: Array<[number, number]>): EmphSpan[] {
  const spans: EmphSpan[] = [];
  for (let ci = 0; ci < delims.length; ci++) {
    const closer = delims[ci];
    if (!closer.canClose) continue;
    while (closer.end > closer.start) {
      let oi = ci - 1;
      while (oi >= 0 && !(delims[oi].canOpen && delims[oi].ch === closer.ch && delims[oi].end > delims[oi].start)) oi--;
      if (oi < 0) break;
      const opener = delims[oi];
      const use = opener.end - opener.start >= 2 && closer.end - closer.start >= 2 ? 2 : 1;
      opener.end -= use;
      hidden.push([opener.end, opener.end + use], [closer.start, closer.start + use]);
      spans.push({ start: opener.end + use, end: closer.start, strong: use === 2 });
      closer.start += use;
      // Delimiters between a matched pair can no longer open.
      for (let k = oi + 1; k < ci; k++) delims[k].canOpen = false;
    }
  }
  return spans;
}

function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = spans.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function buildRuns(start: number, end: number, hiddenRaw: Array<[number, number]>, spans: EmphSpan[]): InlineRun[] {
  const hidden = mergeSpans(hiddenRaw);
  // Cut points: every hidden span edge and every emphasis edge.
  const cuts = new Set<number>([start, end]);
  for (const [s, e] of hidden) cuts.add(s).add(e);
  for (const sp of spans) cuts.add(sp.start).add(sp.end);
  const points = [...cuts].filter((p) => p >= start && p <= end).sort((a, b) => a - b);
  const runs: InlineRun[] = [];
  let h = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const s = points[k];
    const e = points[k + 1];
    while (h < hidden.length && hidden[h][1] <= s) h++;
    if (h < hidden.length && hidden[h][0] <= s && hidden[h][1] >= e) continue;
    const bold = spans.some((sp) => sp.strong && sp.start <= s && sp.end >= e);
    const italic = spans.some((sp) => !sp.strong && sp.start <= s && sp.end >= e);
    const last = runs.at(-1);
    if (last && last.end === s && last.bold === bold && last.italic === italic) last.end = e;
    else runs.push({ start: s, end: e, bold, italic });
  }
  return runs;
}
