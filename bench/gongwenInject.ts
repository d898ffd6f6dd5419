/**
 * Slips put into the bundled reports' own text, one at a time, each where the report wrote the
 * standard form: a figure, date, mark or heading of a real report turned into the deviant form
 * the standards name. A slip counts as found when its rule flags a span covering it; findings
 * that were not in the report before and do not cover the slip are false alarms.
 */
import { lintText } from '../server/src/engine/lint/lint';
import type { CorpusReport } from '../server/src/engine/types';

/** One kind of slip: where it can go (a global regex over the report) and what it writes there. */
interface SlipKind {
  rule: string;
  site: RegExp;
  write: (m: RegExpExecArray) => string;
}

const CN_DIGITS = '〇一二三四五六七八九';

export const SLIP_KINDS: readonly SlipKind[] = [
  { rule: 'year-short', site: /(?<![0-9])20([0-9]{2})(?=年(?:度|以来|[0-9]{1,2}月))/g, write: (m) => m[1] },
  { rule: 'year-zero', site: /(?<![0-9])(20[0-9]{2})(?=年[，,])/g, write: (m) => [...m[1]].map((d) => (d === '0' ? '零' : CN_DIGITS[Number(d)])).join('') },
  { rule: 'date-mixed-numerals', site: /(?<![0-9])(20[0-9]{2})(?=年[0-9]{1,2}月)/g, write: (m) => [...m[1]].map((d) => CN_DIGITS[Number(d)]).join('') },
  { rule: 'date-dotted', site: /(?<![0-9])(20[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日/g, write: (m) => `${m[1]}.${m[2]}.${m[3]}` },
  { rule: 'range-unit', site: /(?<![0-9.])([0-9]+(?:\.[0-9]+)?)%/g, write: (m) => `${m[1]}～${Number(m[1]) + 10}%` },
  { rule: 'digit-unit-char', site: /(?<![0-9.])([1-9])00(?=余|多|人|名|次|个|户|元)/g, write: (m) => `${m[1]}百` },
  { rule: 'decimal-zero', site: /(?<![0-9.])0(?=\.[0-9])/g, write: () => '' },
  { rule: 'punctuation-doubled', site: /(?<=[\p{Script=Han}])，(?=[\p{Script=Han}])/gu, write: () => '，，' },
  { rule: 'ellipsis-dash', site: /(?<=[\p{Script=Han}])。(?=\n)/gu, write: () => '。。。' },
  { rule: 'quote-dunhao', site: /(?<=”)(?=“)/g, write: () => '、' },
  { rule: 'word-confusion', site: /截至(?=[0-9一二三四五六七八九十]|目前|今年|年底)/g, write: () => '截止' },
  { rule: 'numbering-style', site: /(?<=^[ \t\u3000]*[一二三四五六七八九十]{1,2})、(?=\S)/gm, write: () => '．' },
];

export interface InjectResult {
  rule: string;
  tried: number;
  found: number;
  falseAlarms: number;
}

/** Every site of every kind in every report (at most `perReport` per kind and report), injected alone. */
export function injectAll(reports: readonly CorpusReport[], perReport = 3): InjectResult[] {
  const results = new Map<string, InjectResult>();
  for (const r of reports) {
    const before = new Set(lintText(r.text).map((f) => `${f.rule}:${r.text.slice(f.start, f.end)}`));
    for (const kind of SLIP_KINDS) {
      const res = results.get(kind.rule) ?? { rule: kind.rule, tried: 0, found: 0, falseAlarms: 0 };
      results.set(kind.rule, res);
      const sites = [...r.text.matchAll(kind.site)].slice(0, perReport);
      for (const m of sites) {
        const written = kind.write(m as RegExpExecArray);
        const start = m.index!;
        const text = r.text.slice(0, start) + written + r.text.slice(start + m[0].length);
        const end = start + written.length;
        const findings = lintText(text);
        res.tried++;
        if (findings.some((f) => f.rule === kind.rule && f.start <= start && f.end >= Math.max(end, start + 1))) res.found++;
        else if (process.env.GONGWEN_DEBUG) process.stderr.write(`missed ${kind.rule} ${text.slice(start - 15, end + 10)}\n`);
        const alarms = findings.filter((f) => !(f.start <= end && f.end >= start) && !before.has(`${f.rule}:${text.slice(f.start, f.end)}`));
        if (process.env.GONGWEN_DEBUG) for (const f of alarms) process.stderr.write(`alarm ${f.rule} ${text.slice(f.start - 10, f.end + 10)}\n`);
        res.falseAlarms += alarms.length;
      }
    }
  }
  return [...results.values()];
}
