import type { Position, Range } from '../types';

/**
 * Converts between string offsets and LSP positions. JavaScript strings are UTF-16,
 * so offsets are already UTF-16 code units; only line starts need indexing.
 * Line breaks are \n, \r\n or \r, as in LSP.
 */
export class LineIndex {
  private readonly starts: number[] | Uint32Array;

  /** The index of `text` whose line starts another thread has worked out (`lineStarts()` there). */
  static fromStarts(text: string, starts: Uint32Array): LineIndex {
    return new LineIndex(text, starts);
  }

  constructor(
    readonly text: string,
    known?: Uint32Array,
  ) {
    if (known) {
      this.starts = known;
      return;
    }
    const starts = [0];
    // Without \r, the line starts are found natively (a pasted draft has millions of characters).
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** The line starts as plain data (to send to another thread: LineIndex.fromStarts). */
  lineStarts(): Uint32Array {
    return Uint32Array.from(this.starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of `line` (clamped). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line];
  }

  /** Offset just past the last character of `line`, excluding its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    return Math.max(start, Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line)));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
