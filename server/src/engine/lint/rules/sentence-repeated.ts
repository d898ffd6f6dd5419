/**
 * `sentence-repeated`: the same sentence twice in one draft — a paste done twice, or a
 * paragraph copied into another section. Sentences end at 。！？； or the paragraph's end;
 * they are compared without spaces, leading item numbers (一是、（二）、3.) or closing
 * punctuation, and only when they hold at least 8 Han characters (stock phrases are shorter).
 * Headings are left out: a slogan may rightly head a section and close its summary.
 */
import { flattenNodes } from '../../report/structure';
import { hanCount } from '../charClass';
import type { LintRule, RuleFinding } from '../types';

const MIN_HAN = 8;
const SENTENCE_RE = /[^。！？；!?;\n]+[。！？；!?;]*/g;
const LEAD_RE = /^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+[、.．]|[0-9]+[、.．]|[①-⑳])[、，,：:]?/;

function normalise(s: string): string {
  return s.replace(/[\s\u3000*_]+/g, '').replace(LEAD_RE, '').replace(/[。！？；!?;，,：:]+$/, '');
}

export const sentenceRepeatedRule: LintRule = {
  id: 'sentence-repeated',
  category: 'repeats',
  defaultSeverity: 'info',
  description: '同一句话（8 个汉字以上）在稿中出现了两次，可能是重复粘贴。',
  example: '认真学习党的二十大精神。……认真学习党的二十大精神。',
  check(ctx) {
    const masked = ctx.prose.masked;
    const headings = flattenNodes(ctx.tree)
      .filter((n) => n.style !== 'shi')
      .map((n) => [n.headingStart, n.headingEnd] as const);
    if (ctx.tree.title) headings.unshift([ctx.tree.title.start, ctx.tree.title.end]);
    // Sentences come in document order, as do headings: a moving pointer finds the overlap.
    let h = 0;
    const inHeading = (s: number, e: number) => {
      while (h < headings.length && headings[h][1] <= s) h++;
      return h < headings.length && headings[h][0] < e;
    };
    const first = new Map<string, { start: number; end: number }>();
    const out: RuleFinding[] = [];
    for (const m of masked.matchAll(SENTENCE_RE)) {
      const raw = m[0];
      const lead = raw.length - raw.trimStart().length;
      const start = m.index! + lead;
      const end = m.index! + raw.trimEnd().length;
      if (end <= start || inHeading(start, end)) continue;
      const key = normalise(raw);
      if (hanCount(key) < MIN_HAN) continue;
      const prev = first.get(key);
      if (!prev) {
        first.set(key, { start, end });
        continue;
      }
      // Deleting the repeat takes the spaces after it too, so the paragraph closes up.
      let cut = end;
      while (cut < masked.length && /[ \t\u3000]/.test(masked[cut])) cut++;
      const line = ctx.lines.positionAt(prev.start).line + 1;
      out.push({
        start,
        end,
        message: `这句话与第 ${line} 行的一句重复。`,
        related: [{ ...prev, message: '第一次出现' }],
        fixes: [{ title: '删除重复的这句', edits: [{ start, end: cut, newText: '' }], safe: false, preferred: true }],
      });
    }
    return out;
  },
};
