/**
 * `numbering-style`: the form of heading numbers, as the official-document standards have it
 * (GB/T 9704-2012 §7.3.3: 一、 → （一） → 1. → （1）; GB/T 15834-2011 附录B.3: 一、 takes a 顿号,
 * 1. a 下脚点, a bracketed number no mark at all):
 * - `（五）、`: punctuation after a bracketed or circled number (fix, safe: drop it);
 * - `三．`, `三.`, `三，` for `三、`, and `1、` for `1.` (fix, safe: the standard separator). A
 *   list mixing `1.` and `1、` is reported here, at the items that deviate from the standard;
 * - a level used where its parent level is missing (`（一）` standing before any `一、` that
 *   elsewhere heads it), or a list restarting under an item of its own kind — no fix, the
 *   writer must decide which heading is missing.
 */
import type { ReportNode } from '../../types';
import { parseChineseNumber } from '../../text/chars';
import { GB } from '../gongwen';
import { markerSpan } from '../numbering';
import { numberingFindings } from '../numberingFindings';
import type { Fix, LintRule, RuleContext, RuleFinding } from '../types';

const CN_NUM = '[一二三四五六七八九十]{1,3}';
/** A Chinese-numeral marker with a dot: should take 、. */
const CN_DOT_RE = new RegExp(`^(${CN_NUM})[.．]$`);
/** An Arabic marker with 、: should take a dot. */
const ARABIC_DUN_RE = /^([0-9０-９]{1,2})、$/;
/**
 * `三，加强学习`, and `一．2023年度工作` (a dot before a figure): separators the parser does not take
 * for a heading's, so the tree has no node for them.
 */
const CN_COMMA_LINE_RE = new RegExp(`^[ \\t\\u3000]*(${CN_NUM})([，,]|[.．](?=[0-9０-９]))(?=[^\\s，,])`);

/** A heading line numbered `三，` or `一．2023…`: the parser's tree has no node for it. */
export interface CommaHeading {
  /** Offset of the numeral. */
  start: number;
  numeral: string;
  separator: string;
  ordinal: number;
}

/** The `三，加强学习` heading lines of the draft: short, no full stop inside. */
export function commaHeadings(ctx: RuleContext): CommaHeading[] {
  const out: CommaHeading[] = [];
  for (const line of ctx.prose.lines) {
    const text = ctx.prose.masked.slice(line.start, line.end);
    const m = CN_COMMA_LINE_RE.exec(text);
    if (!m || text.trim().length > 40 || /。./.test(text.trim())) continue;
    const ordinal = parseChineseNumber(m[1]);
    if (ordinal === undefined) continue;
    out.push({ start: line.start + m.index + m[0].length - m[1].length - m[2].length, numeral: m[1], separator: m[2], ordinal });
  }
  return out;
}

/** The standard form of a marker that deviates from it, or undefined. */
export function standardMarker(marker: string): string | undefined {
  const cn = CN_DOT_RE.exec(marker);
  if (cn) return `${cn[1]}、`;
  const ar = ARABIC_DUN_RE.exec(marker);
  if (ar) return `${ar[1]}.`;
  return undefined;
}

function formMessage(have: string, want: string): string {
  const why = want.endsWith('、') ? '汉字数字序号后用顿号' : '阿拉伯数字序号后用下脚点“.”';
  return `编号“${have}”不合公文格式：${why}，应为“${want}”（${GB.heading}）。`;
}

function walk(nodes: readonly ReportNode[], each: (n: ReportNode) => void): void {
  for (const n of nodes) {
    each(n);
    walk(n.children, each);
  }
}

/** Markers in the standard's wrong form, and `三，` lines, with their fixes. */
function formFindings(ctx: RuleContext): { findings: RuleFinding[]; nodes: Set<ReportNode> } {
  const findings: RuleFinding[] = [];
  const nodes = new Set<ReportNode>();
  let cnHeadings = 0;
  walk(ctx.tree.sections, (n) => {
    if (n.style === 'shi' || n.ordinal === undefined && n.style !== 'markdown') return;
    const span = markerSpan(n);
    const marker = span.text.replace(/^#+\s*/, '');
    if (/^[一二三四五六七八九十]+、/.test(marker)) cnHeadings++;
    const want = standardMarker(marker);
    if (!want) return;
    nodes.add(n);
    const start = span.end - marker.length;
    findings.push({
      start,
      end: span.end,
      message: formMessage(marker, want),
      fixes: [{ title: `改为“${want}”`, edits: [{ start, end: span.end, newText: want }], safe: true, preferred: true }],
    });
  });
  if (cnHeadings > 0) {
    for (const h of commaHeadings(ctx)) {
      const want = `${h.numeral}、`;
      findings.push({
        start: h.start,
        end: h.start + h.numeral.length + 1,
        message: formMessage(h.numeral + h.separator, want),
        fixes: [{ title: `改为“${want}”`, edits: [{ start: h.start, end: h.start + h.numeral.length + 1, newText: want }], safe: true, preferred: true }],
      });
    }
  }
  return { findings, nodes };
}

export const numberingStyleRule: LintRule = {
  id: 'numbering-style',
  category: 'standards',
  defaultSeverity: 'info',
  description: `编号格式不合公文规范：“三．”“1、”应为“三、”“1.”，“（五）、”多了顿号，或缺少上一级编号（${GB.heading}）。`,
  example: '（五）、下一步工作思路',
  check(ctx) {
    const form = formFindings(ctx);
    // A list mixing 1. and 1、 is reported at its items in the wrong form (above), not as a mixed list.
    const suffix = numberingFindings(ctx, ['style-suffix'], (a): Fix[] => {
      const span = markerSpan(a.node);
      const clean = span.text.replace(/[、.．，,：:]+$/, '');
      return [{ title: `改为“${clean}”`, edits: [{ start: span.start, end: span.end, newText: clean }], safe: true, preferred: true }];
    }).map((f) => ({ ...f, message: f.message.replace(/。$/, `（${GB.heading}）。`) }));
    const levels = numberingFindings(ctx, ['orphan-level', 'restart'], () => []);
    return [...form.findings, ...suffix, ...levels].sort((a, b) => a.start - b.start);
  },
};
