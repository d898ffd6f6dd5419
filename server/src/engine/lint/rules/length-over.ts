/**
 * `length-over` (from the delivery rules): the draft is longer than its limit — a limit in
 * front matter (`字数: 3000`), in the title (`（3000字以内）`) or in `shuzhi.length.limit`.
 */
import { lengthOver } from '../../delivery/lengthRules';
import type { LintRule } from '../types';
import { fromDelivery } from '../fromDelivery';

export const lengthOverRule: LintRule = {
  id: 'length-over',
  category: 'length',
  defaultSeverity: 'warning',
  description: '全文字数超过限制（文首设置、标题中的“××字以内”或设置 shuzhi.length.limit）。',
  example: '标题“…述职报告（3000字以内）”，正文 3,600 字',
  check: (ctx) => fromDelivery(lengthOver, ctx),
};
