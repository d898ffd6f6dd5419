/**
 * Inline switches in the draft, as HTML comments (invisible in the exported report):
 * - `<!-- shuzhi-disable placeholder -->` turns a rule off from there to the end of the
 *   draft, or up to `<!-- shuzhi-enable placeholder -->`;
 * - `<!-- shuzhi-disable-next-line placeholder -->` turns it off for the next line only.
 * Without an id the switch applies to every rule; several ids may be listed (spaces or commas).
 */
import type { LineIndex } from '../text/lineIndex';

const SWITCH_RE = /<!--\s*shuzhi-(disable-next-line|disable|enable)(?=[\s,，]|-->)([^]*?)-->/g;
const ALL = '*';

interface Span {
  start: number;
  end: number;
}

export class DisableMap {
  private readonly spans = new Map<string, Span[]>();

  /** Reads the switches of `text`. */
  constructor(text: string, lines: LineIndex) {
    const open = new Map<string, number>();
    const add = (id: string, start: number, end: number) => {
      if (!this.spans.has(id)) this.spans.set(id, []);
      this.spans.get(id)!.push({ start, end });
    };
    for (const m of text.matchAll(SWITCH_RE)) {
      const ids = m[2].split(/[\s,，]+/).filter(Boolean);
      const targets = ids.length ? ids : [ALL];
      const after = m.index! + m[0].length;
      if (m[1] === 'disable-next-line') {
        const next = lines.positionAt(after).line + 1;
        for (const id of targets) add(id, lines.lineStart(next), lines.lineEnd(next) + 1);
      } else if (m[1] === 'disable') {
        for (const id of targets) if (!open.has(id)) open.set(id, after);
      } else {
        for (const id of targets) {
          if (id === ALL) {
            // A bare enable closes every open switch.
            for (const [k, s] of open) add(k, s, m.index!);
            open.clear();
          } else if (open.has(id)) {
            add(id, open.get(id)!, m.index!);
            open.delete(id);
          }
        }
      }
    }
    for (const [id, s] of open) add(id, s, text.length + 1);
  }

  /** Is `rule` switched off at `offset`? */
  isDisabled(rule: string, offset: number): boolean {
    const hit = (spans: Span[] | undefined) => !!spans?.some((s) => offset >= s.start && offset < s.end);
    return hit(this.spans.get(rule)) || hit(this.spans.get(ALL));
  }

  get empty(): boolean {
    return this.spans.size === 0;
  }
}
