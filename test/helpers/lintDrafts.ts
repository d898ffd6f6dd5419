/** Drafts of the lint tests, in-process (test/unit/features-lint.test.ts) and over stdio (test/protocol/lint.test.ts). */

const TITLE_AND_DUTY = [
  '# 2024年抓基层党建工作述职报告',
  '',
  '一年来，我认真履行抓基层党建第一责任人职责，现将有关情况报告如下。',
  '',
  '## 一、履职情况',
  '',
];
const PROBLEMS = ['## 二、存在的问题及原因', ''];
const CLOSING = '述职完毕，敬请批评指正。';

/** A required section missing (下一步打算), a numbering slip (一是 二是 四是) on line 10, a left-over XX on line 6. */
export const LINT_DRAFT = [
  ...TITLE_AND_DUTY,
  '全年组织集中学习XX次，推动党建与业务深度融合。',
  '',
  ...PROBLEMS,
  '一是理论学习不够深入；二是调查研究不够扎实；四是创新意识有待增强。原因在于思想认识还不到位。',
  '',
  CLOSING,
].join('\n');

/** The same report with nothing to find. */
export const CLEAN_DRAFT = [
  ...TITLE_AND_DUTY,
  '全年组织集中学习12次，推动党建与业务深度融合。',
  '',
  ...PROBLEMS,
  '一是理论学习不够深入；二是调查研究不够扎实。原因在于思想认识还不到位。',
  '',
  '## 三、下一步工作打算',
  '',
  '一是持续加强理论学习；二是深入基层调查研究。',
  '',
  CLOSING,
].join('\n');
