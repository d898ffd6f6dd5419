/**
 * `formulation`: canonical formulations and full names (data: review/formulationData.ts, each
 * entry with the public text that defines it). A spelled-out 四个意识 / 四个自信 / 三会一课 …
 * with a member missing, wrong or out of order, and a full name such as
 * 习近平新时代中国特色社会主义思想 with a character missing or added. The fix writes the
 * canonical form where it is certain. Needs no corpus.
 */
import { checkFormulationLists, checkFullNames } from '../../review/formulations';
import type { LintRule, RuleFinding } from '../types';

export const formulationRule: LintRule = {
  id: 'formulation',
  category: 'formulations',
  defaultSeverity: 'warning',
  description: '规范提法：写出“四个意识”“四个自信”“三会一课”等的具体内容时缺项、错项或顺序不对，或理论、文件全称多字少字。',
  example: '增强政治意识、大局意识、核心意识、服务意识；习近平新时代中国特色社会主思想',
  check(ctx) {
    const text = ctx.prose.masked;
    return [...checkFormulationLists(text), ...checkFullNames(text)].map(
      (i): RuleFinding => ({
        start: i.start,
        end: i.end,
        message: i.message,
        ...(i.replacement !== undefined
          ? { fixes: [{ title: `改为“${i.replacement}”`, edits: [{ start: i.start, end: i.end, newText: i.replacement }], safe: false, preferred: true }] }
          : {}),
      }),
    );
  },
};
