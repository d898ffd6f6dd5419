/**
 * Reads mammoth's HTML (a small, well-formed subset: p, h1–h6, ul/ol/li, table, strong, em,
 * a, br, img) into paragraphs with Markdown inline text. No general HTML parser is needed
 * for this subset, and none is bundled.
 */
import { parseInline } from './markdown';

export interface HtmlBlock {
  /** p, h1…h6, li, or tr (a table row: its cells joined as a Markdown table row). */
  tag: string;
  /** Class given by the style map (e.g. `title`). */
  className?: string;
  /** For li: whether the list is ordered, and its nesting depth (0 = top). */
  ordered?: boolean;
  listDepth?: number;
  /** Markdown inline text (`**bold**`, `*italic*`, escapes where needed). */
  markdown: string;
  /** The same text without any markup, for recognising headings. */
  plain: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * Escapes only the characters that Markdown would otherwise take as markup in `text`
 * (e.g. the `*` of `*…*`), so template placeholders such as `完成**%` stay as written.
 */
export function escapeMarkdownText(text: string): string {
  let t = text.replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\');
  for (let pass = 0; pass < 3; pass++) {
    const { hidden } = parseInline(t, 0, t.length);
    if (!hidden.length) break;
    const marks = new Set<number>();
    for (const [s, e] of hidden) for (let i = s; i < e; i++) if (/[*_`[\]<>!]/.test(t[i])) marks.add(i);
    if (!marks.size) break;
    let out = '';
    for (let i = 0; i < t.length; i++) out += (marks.has(i) ? '\\' : '') + t[i];
    t = out;
  }
  return t;
}

/** Wraps inline text in emphasis markers, keeping surrounding spaces outside (`** x**` is not bold). */
function wrap(inner: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : inner;
}

interface Frame {
  tag: string;
  className?: string;
  md: string;
  plain: string;
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);

/** Splits mammoth HTML into paragraph blocks, in document order. */
export function htmlBlocks(html: string): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  const lists: boolean[] = [];
  let row: string[] | undefined;
  let cell: string[] = [];
  let block: (Frame & { ordered?: boolean; listDepth?: number }) | undefined;
  const inline: Frame[] = [];
  const emit = () => {
    if (!block) return;
    // A <br> inside a paragraph starts a new line; here every line is its own paragraph.
    const mdLines = block.md.split('\n');
    const plainLines = block.plain.split('\n');
    mdLines.forEach((md, i) => {
      const plain = (plainLines[i] ?? '').trim();
      if (!plain) return;
      const b: HtmlBlock = { tag: block!.tag, markdown: md.trim(), plain };
      if (block!.className) b.className = block!.className;
      if (block!.tag === 'li') {
        b.ordered = block!.ordered;
        b.listDepth = block!.listDepth;
      }
      // Inside a table the paragraphs of a cell become one cell of a Markdown table row.
      if (row) cell.push(b.markdown.replace(/\|/g, '\\|'));
      else blocks.push(b);
    });
    block = undefined;
  };
  const append = (md: string, plain: string) => {
    const target = inline.at(-1) ?? block;
    if (!target) {
      if (!plain.trim()) return;
      block = { tag: 'p', md: '', plain: '' };
      return append(md, plain);
    }
    target.md += md;
    target.plain += plain;
  };
  const re = /<(\/?)([a-zA-Z0-9]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[5] !== undefined) {
      const text = decodeEntities(m[5]);
      append(escapeMarkdownText(text), text);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const cls = /class="([^"]*)"/.exec(m[3])?.[1];
    if (tag === 'ul' || tag === 'ol') {
      if (closing) lists.pop();
      else lists.push(tag === 'ol');
    } else if (tag === 'tr') {
      if (closing) {
        if (row?.some((c) => c.trim())) blocks.push({ tag: 'tr', markdown: `| ${row.join(' | ')} |`, plain: row.join(' ') });
        row = undefined;
      } else row = [];
    } else if (tag === 'td' || tag === 'th') {
      emit();
      if (closing) row?.push(cell.join(' '));
      cell = [];
    } else if (BLOCK_TAGS.has(tag)) {
      // mammoth nests lists inside li; a new block closes the text gathered so far.
      emit();
      if (!closing) {
        block = { tag, className: cls, md: '', plain: '' };
        if (tag === 'li') {
          block.ordered = lists.at(-1) ?? false;
          block.listDepth = Math.max(0, lists.length - 1);
        }
      }
    } else if (tag === 'br') {
      append('\n', '\n');
    } else if (tag === 'strong' || tag === 'b' || tag === 'em' || tag === 'i') {
      if (!closing) inline.push({ tag, md: '', plain: '' });
      else {
        const f = inline.pop();
        if (f) append(wrap(f.md, tag === 'strong' || tag === 'b' ? '**' : '*'), f.plain);
      }
    }
    // a, span, sup, sub, u, s, img: text kept, markup dropped.
  }
  while (inline.length) {
    const f = inline.pop()!;
    append(f.md, f.plain);
  }
  emit();
  return blocks;
}
