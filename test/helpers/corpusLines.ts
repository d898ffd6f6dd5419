/** Lines picked from a corpus folder, so a test's draft uses what the corpus really says (never hard-coded). */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The first line of at least `minChars` Chinese characters in a UTF-8 text file of `dir`
 * (files in name order; `last`: the last file that has one, which a loader reads last).
 */
export function corpusLine(dir: string, minChars = 12, last = false): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const pattern = new RegExp(`^[\\u4e00-\\u9fff]{${minChars},}`);
  const names = fs.readdirSync(dir).sort();
  if (last) names.reverse();
  for (const name of names) {
    if (!name.endsWith('.txt')) continue;
    let text: string;
    try {
      text = utf8.decode(fs.readFileSync(path.join(dir, name)));
    } catch {
      continue;
    }
    const line = text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => pattern.test(l));
    if (line) return line;
  }
  throw new Error(`no line of ${minChars} Chinese characters in ${dir}`);
}
