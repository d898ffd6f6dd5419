/**
 * `quote-unbalanced`: a “ without ”, a （ without ）, a 《 without 》 (or the reverse) within
 * one paragraph. Reports are written one paragraph per line and quote short phrases
 * (“三会一课”, 《条例》), so a mark left open at the end of its paragraph is a slip.
 * Half-width brackets count with full-width ones (their width is punctuation-halfwidth's
 * business), and a bare closing bracket after a leading number (`1）`, `一）`) is a list marker.
 *
 * Fixes (not safe — they guess where the mark belongs): a doubled opening quote (`“三会一课“`)
 * becomes a closing one; an open mark is closed before the next clause break (or at the end of
 * the paragraph); a stray closing mark is removed.
 */
import type { Fix, LintRule, RuleFinding } from '../types';

interface Pair {
  open: string;
  close: string;
  /** Marks of the family, as written (half-width brackets belong with full-width ones). */
  opens: string;
  closes: string;
  name: string;
  /** Does a line hold any mark of the family? (a quick skip: most lines hold none) */
  test: RegExp;
}

const PAIRS: readonly Pair[] = [
  { open: '“', close: '”', opens: '“', closes: '”', name: '引号', test: /[“”]/ },
  { open: '（', close: '）', opens: '（(', closes: '）)', name: '括号', test: /[（()）]/ },
  { open: '《', close: '》', opens: '《', closes: '》', name: '书名号', test: /[《》]/ },
  // Marks are named in words: a quotation mark inside quotation marks reads badly.
];

/** `1）`, `一）`, `a)` at the start of a paragraph: a list marker, not a bracket. */
const LIST_MARKER_RE = /^[ \t\u3000]*[0-9０-９一二三四五六七八九十A-Za-z]{1,3}[）)]/;
const ANY_MARK_RE = /[“”（()）《》]/;
const CLAUSE_BREAK_RE = /[，。；：！？、,;:!?]/;

/** `text` is the line's own text; offsets are document offsets, `lineStart` converts between them. */
function closeFix(pair: Pair, text: string, lineStart: number, openAt: number, lineEnd: number): Fix {
  const rest = text.slice(openAt + 1 - lineStart, lineEnd - lineStart);
  const nextOpen = rest.search(new RegExp(`[${pair.opens}]`));
  const brk = rest.search(CLAUSE_BREAK_RE);
  // “A“B：the second opening mark was meant to close.
  if (pair.open === '“' && nextOpen >= 0 && (brk < 0 || nextOpen < brk)) {
    const at = openAt + 1 + nextOpen;
    return { title: `把第二个左${pair.name}改为右${pair.name}`, edits: [{ start: at, end: at + 1, newText: pair.close }], safe: false, preferred: true };
  }
  let at = brk >= 0 ? openAt + 1 + brk : lineEnd;
  while (at > openAt + 1 && /[ \t\u3000]/.test(text[at - lineStart - 1])) at--;
  const where = brk >= 0 ? `在“${rest[brk]}”之前` : '在段末';
  return { title: `${where}补上右${pair.name}`, edits: [{ start: at, end: at, newText: pair.close }], safe: false, preferred: true };
}

export const quoteUnbalancedRule: LintRule = {
  id: 'quote-unbalanced',
  category: 'punctuation',
  defaultSeverity: 'warning',
  description: '同一段中引号“”、括号（）或书名号《》不成对。',
  example: '严格落实“三会一课制度，学习《条例',
  check(ctx) {
    const out: RuleFinding[] = [];
    const masked = ctx.prose.masked;
    for (const line of ctx.prose.lines) {
      const text = masked.slice(line.start, line.end);
      if (!ANY_MARK_RE.test(text)) continue;
      const marker = LIST_MARKER_RE.exec(text);
      const skipAt = marker ? marker[0].length - 1 : -1;
      for (const pair of PAIRS) {
        if (!pair.test.test(text)) continue;
        const stack: number[] = [];
        // Jump from mark to mark (lines are long, marks few).
        const re = new RegExp(pair.test.source, 'g');
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const i = m.index;
          const ch = m[0];
          if (pair.opens.includes(ch)) stack.push(line.start + i);
          else if (i !== skipAt) {
            if (stack.length) {
              stack.pop();
              continue;
            }
            const at = line.start + i;
            // ”A”: the first closing mark was meant to open.
            const nextClose = pair.open === '“' ? text.indexOf(pair.close, i + 1) : -1;
            const nextOpen = pair.open === '“' ? text.indexOf(pair.open, i + 1) : -1;
            const fixes: Fix[] =
              nextClose >= 0 && (nextOpen < 0 || nextClose < nextOpen)
                ? [{ title: `把这个右${pair.name}改为左${pair.name}`, edits: [{ start: at, end: at + 1, newText: pair.open }], safe: false, preferred: true }]
                : [{ title: `删除多余的右${pair.name}`, edits: [{ start: at, end: at + 1, newText: '' }], safe: false }];
            out.push({ start: at, end: at + 1, message: `右${pair.name}前面缺少与之配对的左${pair.name}。`, fixes });
            if (fixes[0].edits[0].newText) re.lastIndex = nextClose + 1; // the pair is accounted for
          }
        }
        // Report the outermost unclosed mark only: one slip, one finding.
        if (stack.length) {
          const at = stack[0];
          out.push({
            start: at,
            end: at + 1,
            message: `左${pair.name}缺少对应的右${pair.name}：同一段中${pair.name}应成对使用。`,
            fixes: [closeFix(pair, text, line.start, at, line.end)],
          });
        }
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
