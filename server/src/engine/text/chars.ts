/** Character classes used across the engine. */

/** Han ideographs, including extensions (surrogate pairs) and compatibility ideographs. */
export const HAN_RE = /\p{Script=Han}/u;

export function isHan(ch: string): boolean {
  return HAN_RE.test(ch);
}

/** Full-width CJK punctuation that ends a clause or sentence. */
export const CLAUSE_END = new Set(['，', '。', '；', '：', '！', '？', '、', '\n']);
export const SENTENCE_END = new Set(['。', '！', '？', '；', '\n']);

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Chinese numerals 一…九十 → 1…99 (enough for section numbering). Returns undefined if not a numeral. */
export function parseChineseNumber(s: string): number | undefined {
  // Made once: a pasted compilation asks for tens of thousands of numbers.
  const digits = CN_DIGITS;
  if (!s) return undefined;
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? digits[m[1]] : 1) * 10 + (m[2] ? digits[m[2]] : 0);
  if (s.length === 1 && s in digits && digits[s] > 0) return digits[s];
  return undefined;
}

/** 1 → 一, 12 → 十二, 23 → 二十三. */
export function toChineseNumber(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  if (n < 100) return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
  return String(n);
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export function parseCircled(ch: string): number | undefined {
  const i = CIRCLED.indexOf(ch);
  return i >= 0 ? i + 1 : undefined;
}
export function toCircled(n: number): string {
  return CIRCLED[n - 1] ?? String(n);
}
