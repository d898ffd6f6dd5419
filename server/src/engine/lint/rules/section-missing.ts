/**
 * `section-missing`: a part the report type requires is absent — an 抓基层党建 report
 * without 下一步 plans, a 述学述职述廉述法 report without 述法. The type comes from front
 * matter `type:`, the `shuzhi.reportType` setting or the title (see reportTypeOf.ts); the
 * parts present are read from the headings, or from the paragraphs of a report without
 * headings (presentKinds). The finding sits on the title; its fix inserts the part where
 * the type expects it, headed as the corpus usually heads it.
 *
 * A draft just begun (no section yet, under EARLY_BODY_CHARS of body) lacks every part by
 * nature: while editing (stage `editing`) it gets one hint listing the parts still to write,
 * with a fix per part, instead of a warning per part. The full check (CLI, export, review)
 * always reports each part at the configured level.
 */
import { classifyHeading } from '../../report/kinds';
import { missingKinds, presentKinds } from '../../report/reportTypes';
import { SECTION_KIND_NAMES, type SectionKind } from '../../types';
import { insertSectionFix } from '../insertSection';
import { paragraphKinds } from '../paragraphParts';
import type { LintRule, RuleContext, RuleFinding } from '../types';

/** Heading to suggest for `kind`: learnt from the corpus (preferring one the type lists too), else the type's own. */
export function typicalHeading(ctx: RuleContext, kind: SectionKind): string {
  const fits = (h: string) => classifyHeading(h).includes(kind);
  const corpus = ctx.corpusHeadings?.[kind]?.filter(fits) ?? [];
  const typical = ctx.reportType.type.typicalHeadings[kind]?.filter(fits) ?? [];
  // A corpus heading the type also lists is the safest wording; then the corpus's most common.
  const agreed = corpus.find((h) => typical.includes(h));
  return agreed ?? corpus[0] ?? typical[0] ?? SECTION_KIND_NAMES[kind].replace(/（.*）$/, '');
}

/** Where a whole-draft finding points: the title, else the first non-blank line. */
export function draftAnchor(ctx: RuleContext): { start: number; end: number } {
  if (ctx.tree.title) return { start: ctx.tree.title.start, end: ctx.tree.title.end };
  const m = /\S[^\r\n]*/.exec(ctx.prose.masked);
  return m ? { start: m.index, end: m.index + m[0].trimEnd().length } : { start: 0, end: 0 };
}

/** Below this many characters of body (title excluded) a draft without sections is just begun. */
export const EARLY_BODY_CHARS = 200;

/** Has the writer only just begun: no section yet and under EARLY_BODY_CHARS of body? */
export function isEarlyDraft(ctx: RuleContext): boolean {
  if (ctx.tree.sections.length) return false;
  const m = ctx.prose.masked;
  const title = ctx.tree.title;
  let body = 0;
  for (let i = 0; i < m.length; i++) {
    if (title && i === title.start) i = title.end;
    const c = m.charCodeAt(i);
    if (c > 0x20 && c !== 0x3000 && c !== 0xa0 && ++body >= EARLY_BODY_CHARS) return false;
  }
  return true;
}

export const sectionMissingRule: LintRule = {
  id: 'section-missing',
  category: 'structure',
  defaultSeverity: 'warning',
  description: '缺少该类报告应有的部分（如抓基层党建述职报告缺“下一步工作打算”，述学述职述廉述法报告缺“述法”）。',
  example: '抓基层党建工作述职报告只有“履职情况”和“存在问题”',
  check(ctx) {
    // An empty draft has nothing to measure yet.
    if (!ctx.prose.masked.trim()) return [];
    const type = ctx.reportType.type;
    const present = presentKinds(ctx.tree);
    for (const k of paragraphKinds(ctx.tree, ctx.prose)) present.add(k);
    const missing = missingKinds(type, present);
    const anchor = draftAnchor(ctx);
    const parts = type.required.map((k) => SECTION_KIND_NAMES[k]).join('、');
    if (!missing.length) return [];
    if (ctx.stage === 'editing' && isEarlyDraft(ctx)) {
      const headings = missing.map((kind) => typicalHeading(ctx, kind));
      return [
        {
          ...anchor,
          early: true,
          message:
            `尚未写出${missing.map((k) => `“${SECTION_KIND_NAMES[k]}”`).join('、')}部分：${type.name}通常包括${parts}。` +
            `可参考常见标题${headings.map((h) => `“${h}”`).join('、')}。写出小标题或正文后，缺少的部分会逐条提示。`,
          // One fix per part; the first part is the one to write first.
          fixes: missing.map((kind, i) => ({ ...insertSectionFix(ctx.tree, ctx.lines, type, kind, headings[i]), preferred: i === 0 })),
        },
      ];
    }
    const out: RuleFinding[] = [];
    for (const kind of missing) {
      const heading = typicalHeading(ctx, kind);
      out.push({
        ...anchor,
        message:
          `缺少“${SECTION_KIND_NAMES[kind]}”部分：${type.name}通常包括${parts}。` +
          `可参考常见标题“${heading}”。`,
        fixes: [insertSectionFix(ctx.tree, ctx.lines, type, kind, heading)],
      });
    }
    return out;
  },
};
