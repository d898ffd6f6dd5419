/**
 * Where a draft's length limit comes from, in order of precedence: the draft's own front
 * matter (`limit: 3000`), its title or the bracketed line under it (“（3000字以内）”,
 * “不超过三千字”), then the user's setting `shuzhi.length.limit` (0 = none).
 */
import type { Settings } from '../settings';
import { parseChineseNumber } from '../text/chars';
import { frontMatter } from './markdown';

export interface LengthLimit {
  limit: number;
  source: 'frontmatter' | 'title' | 'settings';
  /** Offsets of the text that states the limit (absent for settings). */
  start?: number;
  end?: number;
  /** The phrase as written, for messages (e.g. `（3000字以内）`). */
  phrase?: string;
}

/** Front-matter keys read as a limit. */
const LIMIT_KEYS = ['limit', 'lengthLimit', 'length.limit', '字数', '字数限制', '篇幅'];

/** A number written with digits (half- or full-width, with thousands separators) or Chinese numerals. */
const NUMBER = String.raw`[0-9０-９][0-9０-９,，]*(?:\.[0-9]+)?\s*[千万]?|[一二两三四五六七八九十百千万零〇]+`;
const LIMIT_PATTERNS = [
  new RegExp(String.raw`(?:不超过|不超出|不多于|不得超过|不宜超过|最多|控制在|限制在|限于|限)\s*(${NUMBER})\s*个?字`),
  new RegExp(String.raw`(${NUMBER})\s*个?字(?:以内|以下|之内|内)`),
];

/** `3,000` / `３０００` / `3千` / `三千` / `两千五百` / `1.5万` → number. */
export function parseLimitNumber(raw: string): number | undefined {
  const s = raw.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/[,，\s]/g, '');
  const m = /^(\d+(?:\.\d+)?)([千万]?)$/.exec(s);
  if (m) {
    const n = Number(m[1]) * (m[2] === '千' ? 1000 : m[2] === '万' ? 10000 : 1);
    return Number.isFinite(n) && n > 0 ? Math.round(n) : undefined;
  }
  return parseChineseAmount(s);
}

/** Chinese numerals up to the ten-thousands: 三千, 两千五百, 一万二千, 八百. */
function parseChineseAmount(s: string): number | undefined {
  if (!/^[一二两三四五六七八九十百千万零〇]+$/.test(s)) return undefined;
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in units) {
      const u = units[ch];
      if (u === 10000) {
        total += (section + digit || 1) * u;
        section = digit = 0;
      } else {
        section += (digit || 1) * u;
        digit = 0;
      }
    } else {
      const d = parseChineseNumber(ch === '〇' || ch === '零' ? '' : ch);
      digit = d ?? 0;
    }
  }
  const n = total + section + digit;
  return n > 0 ? n : undefined;
}

/** Finds a limit phrase in one line; offsets are relative to the draft. */
function limitInLine(text: string, start: number, end: number): LengthLimit | undefined {
  const line = text.slice(start, end);
  for (const re of LIMIT_PATTERNS) {
    const m = re.exec(line);
    const n = m ? parseLimitNumber(m[1]) : undefined;
    if (m && n) {
      // Widen to the enclosing brackets when the phrase is a bracketed note, e.g. （3000字以内）.
      let s = m.index;
      let e = m.index + m[0].length;
      const open = line.lastIndexOf('（', s) >= 0 ? line.lastIndexOf('（', s) : line.lastIndexOf('(', s);
      const close = line.slice(e).search(/[）)]/);
      if (open >= 0 && close >= 0 && close <= 6 && !/[）)]/.test(line.slice(open + 1, s))) {
        s = open;
        e = e + close + 1;
      }
      return { limit: n, source: 'title', start: start + s, end: start + e, phrase: line.slice(s, e) };
    }
  }
  return undefined;
}

/**
 * The draft's length limit, or undefined when none is set anywhere. The title is the first
 * non-blank line after the front matter; a short line right under it (a subtitle or a bracketed
 * note such as “（字数控制在3000字以内）”) is read too.
 */
export function resolveLengthLimit(text: string, settings: Settings): LengthLimit | undefined {
  const fm = frontMatter(text);
  if (fm) {
    for (const key of LIMIT_KEYS) {
      const raw = fm.fields[key];
      const n = raw === undefined ? undefined : parseLimitNumber(raw.replace(/\s*(?:个)?字.*$/, ''));
      if (n) {
        const at = fm.valueOffsets[key];
        return { limit: n, source: 'frontmatter', start: at.start, end: at.end, phrase: `${key}: ${raw}` };
      }
    }
  }
  let pos = fm?.end ?? 0;
  let seen = 0;
  while (pos < text.length && seen < 2) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    if (line.trim()) {
      // Only the title and a short line under it state a limit; body text that mentions 字 does not.
      if (seen === 1 && line.trim().length > 30) break;
      const found = limitInLine(text, pos, nl);
      if (found) return found;
      seen++;
    }
    pos = nl + 1;
  }
  const n = settings.length.limit;
  return n > 0 ? { limit: n, source: 'settings' } : undefined;
}
