/**
 * Maps a passage of a cleaned report back to a line of its source file, so “open the
 * source” lands on the sentence. Cleaning drops debris lines and junk markers and splits
 * compilations, so report lines and file lines differ; the passage text itself is kept
 * verbatim, so it is looked up in the file after the closest preceding copy of the
 * report's title line (a compilation's table of contents repeats titles).
 */
export function locateInSource(fileText: string, reportTitleLine: string, passage: string): number | undefined {
  const needles = [passage.trim(), firstChars(passage, 16)].filter((n, i, a) => n.length >= 2 && a.indexOf(n) === i);
  const title = reportTitleLine.trim();
  const titleAt: number[] = [];
  if (title) for (let i = fileText.indexOf(title); i >= 0 && titleAt.length < 50; i = fileText.indexOf(title, i + title.length)) titleAt.push(i);
  if (titleAt.length === 0) titleAt.push(0);
  for (const needle of needles) {
    let best = -1;
    let bestGap = Infinity;
    for (const t of titleAt) {
      const at = fileText.indexOf(needle, t);
      if (at >= 0 && at - t < bestGap) {
        best = at;
        bestGap = at - t;
      }
    }
    if (best >= 0) return lineOf(fileText, best);
  }
  return undefined;
}

function firstChars(s: string, n: number): string {
  return [...s.trim()].slice(0, n).join('');
}

/** Zero-based line of `offset`; \r\n, \r and \n all end a line, as in LSP. */
function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}
