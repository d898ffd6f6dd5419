/**
 * Escaping of corpus text for Markdown shown in the editor (completion documentation,
 * hover). Corpus files are arbitrary text: without escaping, a `*` or `<img …>` in a
 * report would be rendered as emphasis or HTML.
 */

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|~]/g;
const HTML_SPECIAL: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };

/**
 * Escapes text so Markdown renders it literally: Markdown punctuation
 * (\ ` * _ { } [ ] ( ) # + - . ! | ~) is backslash-escaped and HTML specials (< > & ")
 * become entities. Line breaks are kept.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[<>&"]/g, (c) => HTML_SPECIAL[c]).replace(MARKDOWN_SPECIAL, (c) => '\\' + c);
}

/** Escapes text for the body of an LSP/TextMate snippet (`$`, `}` and `\` are special there). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}
