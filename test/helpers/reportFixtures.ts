/**
 * Three small reports shared by the hover and search tests: a branch secretary's report, a
 * 抓基层党建 report and a 述职述廉 report, with “三会一课” in two of them and 中央八项规定 in two.
 */
import { reportsFromText } from '../../server/src/engine/corpus/corpus';
import type { CorpusReport } from '../../server/src/engine/types';

export const A = `甲单位党支部书记2023年述职报告
　　一年来，在上级党委的坚强领导下，我认真履行抓党建第一责任人职责，团结带领支部党员扎实工作，现将有关情况报告如下。
一、履职情况
（一）加强组织建设
　　严格落实“三会一课”制度，全年召开支部党员大会12次。坚持每月开展主题党日活动，组织党员集中学习。
（二）强化理论学习
　　坚持读原著学原文，撰写心得体会8篇，参加集中研讨6次。会议期间认真做好记录，课后组织交流。
二、存在的问题
　　理论学习不够深入，“三会一课”质量有待提高。
三、下一步打算
　　继续落实三会一课制度，提升组织生活质量。
`;
export const B = `乙单位支部书记2023年抓基层党建工作述职报告
　　现将本人一年来抓基层党建工作情况报告如下，请予审议，不妥之处敬请批评指正。
一、主要做法
　　规范落实“三会一课”，开展谈心谈话30余人次。严格执行组织生活会制度，认真开展民主评议党员。
二、廉洁自律情况
　　严格遵守中央八项规定精神，从未收受礼品礼金，自觉接受党员群众监督。
　　不断筑牢拒腐防变的思想防线。
三、存在问题
　　创新意识不强，工作方法单一，抓党建的办法不多。
`;
export const C = `丙局局长2023年述职述廉报告
一、履职尽责情况
　　抓好安全生产工作，全年未发生较大事故。推进重点项目建设，全面完成年度投资任务，群众满意度持续提升。
二、廉洁自律情况
　　自觉遵守廉洁自律各项规定，严格执行中央八项规定，带头落实一岗双责。
`;

/** The reports of the given texts, one fixture file each. */
export function corpus(...texts: string[]): CorpusReport[] {
  const reports: CorpusReport[] = [];
  texts.forEach((t, i) => reports.push(...reportsFromText(t, `/corpus/fixture-${i}.txt`, reports.length)));
  return reports;
}
