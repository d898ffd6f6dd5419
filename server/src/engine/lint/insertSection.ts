/**
 * The fix for a missing part: a new top-level heading, numbered to fit among its siblings
 * (after 二、 comes 三、, and the headings after it move up by one), placed where the report
 * type expects the part, worded as the corpus usually heads it, with a placeholder line
 * for the writer to fill (which the placeholder rule then keeps in view).
 */
import { paragraphCue } from '../report/cues';
import { markerOf, withOrdinal } from '../report/anomalies';
import type { ReportType } from '../report/reportTypes';
import type { LineIndex } from '../text/lineIndex';
import type { ReportNode, ReportTree, SectionKind } from '../types';
import { cleanMarker, listKey, renumberEdits } from './numbering';
import { topLevelKinds } from './topKinds';
import type { Fix, TextEdit } from './types';

/** What the placeholder line asks for, per part (kept short: it must read as one fill-in gap). */
const HINTS: Record<SectionKind, string> = {
  duty: '写明主要工作和成效',
  study: '写明理论学习情况',
  integrity: '写明廉洁自律情况',
  law: '写明学法用法情况',
  virtue: '写明思想政治表现',
  pledge: '写明承诺事项兑现情况',
  problems: '写明存在的主要问题',
  causes: '分析问题产生的原因',
  next: '写明下一步工作打算',
  closing: '写明结束语',
};

/** Where the part sits in the type's order; kinds the type does not require have none. */
function rankOf(type: ReportType, kinds: readonly SectionKind[]): number | undefined {
  const ranks = kinds.map((k) => type.required.indexOf(k)).filter((r) => r >= 0);
  return ranks.length ? Math.min(...ranks) : undefined;
}

/** Start of the closing line (述职完毕…) when it ends the draft, so new parts go before it. */
function closingLineStart(text: string, lines: LineIndex): number | undefined {
  for (let ln = lines.lineCount - 1; ln >= 0; ln--) {
    const t = lines.lineText(ln).trim();
    if (!t) continue;
    return paragraphCue(t) === 'closing' ? lines.lineStart(ln) : undefined;
  }
  return undefined;
}

/** Builds the insert-a-part fix for `kind` with heading text `wording`. */
export function insertSectionFix(tree: ReportTree, lines: LineIndex, type: ReportType, kind: SectionKind, wording: string): Fix {
  const text = tree.text;
  const top = topLevelKinds(tree);
  const heads = tree.sections.map((n, i) => ({ n, kinds: top[i] })).filter((h) => h.n.style !== 'shi');
  const rank = type.required.indexOf(kind);
  const beforeIdx = heads.findIndex((h) => (rankOf(type, h.kinds) ?? -1) > rank);
  const next = beforeIdx >= 0 ? heads[beforeIdx].n : undefined;
  const prev = beforeIdx > 0 ? heads[beforeIdx - 1].n : beforeIdx < 0 ? heads[heads.length - 1]?.n : undefined;
  const template = prev ?? next;

  // Blank lines between paragraphs, as the draft has them.
  const sep = /\n[ \t\u3000]*\r?\n/.test(text.slice(tree.title?.end ?? 0)) ? '\n\n' : '\n';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const nl = (s: string) => (eol === '\n' ? s : s.replace(/\n/g, eol));

  let headingLine: string;
  let bodyIndent = '';
  const edits: TextEdit[] = [];
  if (template) {
    const lineStart = lines.lineStart(lines.positionAt(template.headingStart).line);
    const prefix = text.slice(lineStart, template.headingStart);
    const marker = markerOf(template);
    let ordinal: number | undefined;
    if (template.ordinal !== undefined && marker) {
      ordinal = prev ? (prev.ordinal ?? 0) + 1 : (next!.ordinal ?? 1);
      // The same-list headings after the new one continue its numbering.
      if (next) {
        const key = listKey(template);
        const after = heads.slice(beforeIdx).map((h) => h.n).filter((n) => listKey(n) === key);
        edits.push(...renumberEdits(after, ordinal + 1));
      }
    }
    const newMarker = ordinal !== undefined ? cleanMarker(withOrdinal(marker, ordinal)) : '';
    headingLine = prefix + newMarker + wording;
    bodyIndent = /^[ \t\u3000]*/.exec(prefix.replace(/#+[ \t]*/, ''))?.[0] ?? '';
  } else {
    headingLine = '## ' + wording;
  }
  const placeholder = `${bodyIndent}（待补充：${HINTS[kind]}）`;
  const block = headingLine + sep + placeholder;

  let at: number;
  let newText: string;
  if (next) {
    at = lines.lineStart(lines.positionAt(next.start).line);
    newText = block + sep;
  } else {
    const closing = closingLineStart(text, lines);
    const last = heads[heads.length - 1]?.n;
    if (closing !== undefined && (!last || closing > last.headingEnd)) {
      at = closing;
      newText = block + sep;
    } else {
      at = last ? lastContentEnd(tree, last) : text.trimEnd().length;
      newText = sep + block;
    }
  }
  edits.push({ start: at, end: at, newText: nl(newText) });
  return { title: `插入“${headingLine.trim().replace(/^#+\s*/, '')}”部分`, edits, safe: false, preferred: true };
}

/** End of a section including its nested parts. */
function lastContentEnd(tree: ReportTree, node: ReportNode): number {
  let end = node.end;
  for (const c of node.children) end = Math.max(end, lastContentEnd(tree, c));
  return end;
}
