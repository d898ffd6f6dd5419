/**
 * Canonical formulations in a draft (rule `formulation`), from the data in formulationData.ts.
 *
 * Lists: where the draft spells a formulation out — at least two of its members in a row,
 * separated only by 、，, 和 与 及 — the list must hold every member, nothing else and in the
 * canonical order. An item next to the list that shares the members' common beginning or
 * ending (服务意识 among the 意识) and is no member is a wrong member. Formulations whose
 * members are everyday words count only with their name in the same sentence.
 *
 * Full names: a stretch one character off a full name (a character missing or added, or one
 * replaced by a character of another sound — sound-alike replacements are typo-suspect's) is a
 * misspelt name, with the right form as the fix (a Latin letter in its place is stray-latin's).
 */
import { isHan, soundAlike } from './pinyin';
import { FORMULATIONS, FULL_NAMES, type FormulationEntry } from './formulationData';

export interface FormulationIssue {
  start: number;
  end: number;
  message: string;
  /** The right text for [start, end) when it is certain. */
  replacement?: string;
}

const SEPARATOR = /^(?:[、，,]|和|与|及|以及)$/;
const SENTENCE_END = /[。！？；!?;\n]/;

interface Hit {
  member: number;
  start: number;
  end: number;
}

/** Runs of members of `f` in `text`: consecutive hits with only a separator between them. */
function runsOf(text: string, f: FormulationEntry): Hit[][] {
  const hits: Hit[] = [];
  f.members.forEach((m, member) => {
    for (let at = text.indexOf(m); at >= 0; at = text.indexOf(m, at + m.length)) hits.push({ member, start: at, end: at + m.length });
  });
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const runs: Hit[][] = [];
  let run: Hit[] = [];
  for (const h of hits) {
    const last = run.at(-1);
    if (last && h.start < last.end) continue; // a member inside another
    if (last && h.start - last.end <= 2 && SEPARATOR.test(text.slice(last.end, h.start))) run.push(h);
    else {
      if (run.length) runs.push(run);
      run = [h];
    }
  }
  if (run.length) runs.push(run);
  return runs.filter((r) => new Set(r.map((h) => h.member)).size >= 2);
}

/** The longest beginning or ending all members share (at least one character), to spot a wrong member. */
function affix(members: readonly string[]): { prefix: string; suffix: string } {
  let p = members[0];
  let s = members[0];
  for (const m of members) {
    while (!m.startsWith(p)) p = p.slice(0, -1);
    while (!m.endsWith(s)) s = s.slice(1);
  }
  return { prefix: p, suffix: s };
}

/** A wrong member right after (or before) the run: a separator, then a Han word with the members' affix. */
function strayItem(text: string, run: Hit[], f: FormulationEntry): { start: number; end: number; text: string } | undefined {
  const { prefix, suffix } = affix(f.members);
  const lens = f.members.map((m) => m.length);
  const minLen = Math.min(...lens);
  const maxLen = Math.max(...lens);
  const fits = (w: string) => !f.members.includes(w) && ((prefix && w.startsWith(prefix)) || (suffix && w.endsWith(suffix)));
  const end = run.at(-1)!.end;
  const sep = /^(?:[、，,]|和|与|及|以及)/.exec(text.slice(end, end + 2));
  if (sep) {
    const from = end + sep[0].length;
    for (let len = maxLen; len >= minLen; len--) {
      const w = text.slice(from, from + len);
      if (w.length === len && /^\p{Script=Han}+$/u.test(w) && fits(w)) return { start: from, end: from + len, text: w };
    }
  }
  const start = run[0].start;
  const before = /(?:[、，,]|和|与|及)$/.exec(text.slice(Math.max(0, start - 2), start));
  if (before) {
    const to = start - before[0].length;
    for (let len = maxLen; len >= minLen; len--) {
      const w = text.slice(to - len, to);
      if (w.length === len && /^\p{Script=Han}+$/u.test(w) && fits(w)) return { start: to - len, end: to, text: w };
    }
  }
  return undefined;
}

function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !SENTENCE_END.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && !SENTENCE_END.test(text[b])) b++;
  return text.slice(a, b);
}

/** Issues with spelled-out formulations in `text` (prose). */
export function checkFormulationLists(text: string, entries: readonly FormulationEntry[] = FORMULATIONS): FormulationIssue[] {
  const out: FormulationIssue[] = [];
  for (const f of entries) {
    for (const run of runsOf(text, f)) {
      const start = run[0].start;
      const end = run.at(-1)!.end;
      if (f.needsName && !sentenceAround(text, start, end).includes(f.name)) continue;
      const present = new Set(run.map((h) => h.member));
      const missing = f.members.map((_, i) => i).filter((i) => !present.has(i));
      const seps = run.slice(1).map((h, k) => text.slice(run[k].end, h.start));
      const sep = seps.every((s) => s === seps[0]) ? seps[0] : '、';
      const canonical = f.members.join(sep);
      const quoted = `“${f.name}”`;
      if (missing.length === 0) {
        const order = run.map((h) => h.member);
        if (order.some((m, k) => k > 0 && m < order[k - 1])) {
          out.push({ start, end, message: `${quoted}的顺序应为：${f.members.join('、')}。`, replacement: run.length === f.members.length ? canonical : undefined });
        }
        continue;
      }
      const stray = strayItem(text, run, f);
      if (stray && missing.length === 1) {
        out.push({
          start: stray.start,
          end: stray.end,
          message: `“${stray.text}”不在${quoted}之列，应为“${f.members[missing[0]]}”（${quoted}：${f.members.join('、')}）。`,
          replacement: f.members[missing[0]],
        });
        continue;
      }
      // Only a list nearly whole is a spelling-out with a member left out (two of twelve values is a mention).
      if (missing.length > 1) continue;
      const inOrder = run.every((h, k) => k === 0 || h.member > run[k - 1].member);
      out.push({
        start,
        end,
        message: `${quoted}缺少“${missing.map((i) => f.members[i]).join('、')}”（${quoted}：${f.members.join('、')}）。`,
        replacement: inOrder && run.length === present.size ? canonical : undefined,
      });
    }
  }
  return out;
}

/** Misspelt full names in `text`: one character missing, added or replaced (not by a sound-alike). */
export function checkFullNames(text: string, names: readonly string[] = FULL_NAMES.map((n) => n.name)): FormulationIssue[] {
  const out: FormulationIssue[] = [];
  for (const name of names) {
    const L = name.length;
    const exact: Array<[number, number]> = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) exact.push([at, at + L]);
    const overlapsExact = (a: number, b: number) => exact.some(([s, e]) => a < e && s < b);
    // Windows start at the name's first character and end at its last (found natively: a pasted draft has millions of characters).
    for (let i = text.indexOf(name[0]); i >= 0 && i + L - 1 <= text.length; i = text.indexOf(name[0], i + 1)) {
      for (const len of [L - 1, L, L + 1]) {
        // The window must not reach into neighbouring wording that still matches the name.
        if (i + len > text.length || text[i + len - 1] !== name[L - 1]) continue;
        const w = text.slice(i, i + len);
        if (w === name || overlapsExact(i, i + len) || !oneOff(w, name)) continue;
        out.push({ start: i, end: i + len, message: `全称有误：应为“${name}”。`, replacement: name });
        i += len - 1;
        break;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** True when `w` is `name` with one character missing, added, or replaced by one of another sound. */
function oneOff(w: string, name: string): boolean {
  let p = 0;
  while (p < w.length && p < name.length && w[p] === name[p]) p++;
  let s = 0;
  while (s < w.length - p && s < name.length - p && w[w.length - 1 - s] === name[name.length - 1 - s]) s++;
  if (w.length === name.length - 1) return p + s >= w.length;
  if (w.length === name.length + 1) return p + s >= name.length;
  // A Latin letter in place of a character is stray-latin's; a sound-alike, typo-suspect's.
  if (w.length === name.length && p + s === name.length - 1) return isHan(w.charCodeAt(p)) && !soundAlike(w.charCodeAt(p), name.charCodeAt(p));
  return false;
}
