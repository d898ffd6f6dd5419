/**
 * `punctuation-doubled`: one pause marked twice — `，，`, `。。`, `、、`, `；；`, `：：`. A slip of
 * the keyboard that GB/T 15834-2011 has no clause for, because a pause takes one mark. `。。。`
 * is an ellipsis written wrong and belongs to `ellipsis-dash`. Fix (safe): keep one mark.
 */
import { GB, replaceFinding, scanProse } from '../gongwen';
import type { LintRule } from '../types';

const DOUBLED_RE = /([，、；：])\1+|(?<!。)。。(?!。)/g;

export const punctuationDoubledRule: LintRule = {
  id: 'punctuation-doubled',
  category: 'standards',
  defaultSeverity: 'warning',
  description: `同一个标点连写了两次，如“，，”“。。”（${GB.doubled}）。`,
  example: '加强学习，，提高能力。。',
  check(ctx) {
    return scanProse(ctx, DOUBLED_RE, (m) =>
      replaceFinding(m.index, m.index + m[0].length, m[0][0], `标点“${m[0]}”重复了，一处停顿只用一个“${m[0][0]}”（${GB.doubled}）。`, true),
    );
  },
};
