import type { SectionKind } from '../types';

/**
 * Paragraph cues: how a report without a heading for a part still announces it —
 * “但也存在一些不足” before the problems, “下一步，我将…” before the plans, “反思原因…”,
 * “述职完毕，敬请批评指正”. Used to infer section kinds of headless reports and runs.
 */

/** Checked in this order: a closing line may mention 不足; a plan may open with 针对存在的问题. */
const PARAGRAPH_CUES: ReadonlyArray<{ kind: SectionKind; pattern: RegExp }> = [
  { kind: 'closing', pattern: /述职完毕|以上(报告|述职|是我的述职)|敬请.{0,8}批评指正|请予审议|不妥之处/ },
  { kind: 'causes', pattern: /^(反思|剖析|究其原因|分析原因)|原因|根源/ },
  {
    kind: 'next',
    pattern: /^(下一步|下步|下阶段|今后|明年|来年|新的一年|在今后|在新的一年|展望|针对)|下一步|今后(的)?(工作中|一个时期)|努力方向|打算如下|措施如下/,
  },
  {
    kind: 'problems',
    pattern: /(存在|还有|仍有|也有)(着)?(一些|一定|许多|不少|以下|如下|的)?.{0,6}(问题|不足|差距|短板|薄弱)|不足之处|问题和不足|还不到位|有一定(的)?(距离|差距)|(不足|问题)[：:]/,
  },
];

/** The kind a lead-in or standalone paragraph announces, if any. */
export function paragraphCue(paragraph: string): SectionKind | undefined {
  const p = paragraph.trim();
  if (!p) return undefined;
  for (const c of PARAGRAPH_CUES) if (c.pattern.test(p)) return c.kind;
  return undefined;
}

/** Words of self-criticism that mark an item as a shortcoming: “落实责任不够扎实”, “党性修养有待提高”. */
const SHORTCOMING_RE = /不够|不足|不强|不高|不深|不实|不严|不力|不到位|不平衡|欠缺|缺乏|有待|还需|还须|薄弱|偏差|单一|差距|滞后|不明显/;

export function soundsLikeShortcoming(label: string): boolean {
  return SHORTCOMING_RE.test(label);
}

/** A paragraph that opens the analysis of causes: starts with 原因/反思, or its first sentence names 原因. */
export function opensCauses(paragraph: string): boolean {
  const p = paragraph.trim();
  if (/^(原因|反思|剖析|究其原因|分析原因)/.test(p)) return true;
  const first = p.split(/[。：:！？]/, 1)[0];
  return /原因|根源/.test(first);
}
