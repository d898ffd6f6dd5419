/**
 * Escaping of untrusted text (corpus sentences, titles, headings) for Markdown that an
 * editor renders. A corpus file is someone else's text: it must not be able to plant
 * links, `command:` URIs, images, raw HTML or emphasis in a hover.
 *
 * Every ASCII punctuation character is backslash-escaped (CommonMark allows escaping any
 * of them, and an escaped character is always literal). That defeats inline links and
 * images (`[`, `]`, `(`, `!`), raw HTML and entities (`<`, `&`), emphasis (`*`, `_`, `~`),
 * code spans, block markers at line start (`#`, `>`, `-`, `+`, `1.`), tables (`|`) and
 * GFM bare-URL autolinks (`www.`, `http:` are broken by the escaped `.` / `:`).
 */

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
// C0/C1 controls and line/paragraph separators would start new Markdown blocks or confuse terminals.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Returns `text` as literal Markdown inline text: nothing in it is interpreted. */
export function escapeMarkdown(text: string): string {
  return text.replace(CONTROLS, ' ').replace(ASCII_PUNCTUATION, (c) => '\\' + c);
}

/**
 * Escapes `text` and wraps every occurrence of `phrase` in bold. The phrase is escaped
 * like the rest, so the only live Markdown in the result is the `**` we add.
 */
export function escapeWithBold(text: string, phrase: string): string {
  if (!phrase) return escapeMarkdown(text);
  const parts = text.split(phrase);
  return parts.map(escapeMarkdown).join(`**${escapeMarkdown(phrase)}**`);
}

/** Escapes text for the body of an LSP/TextMate snippet (`$`, `}` and `\` are special there). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Returns `text` as literal HTML text or attribute value: `<script>`, entities and quotes come
 * out as characters, and controls as spaces. Links are never made from text, so a `command:`
 * URI stays words on the page.
 */
export function escapeHtml(text: string): string {
  return text.replace(CONTROLS, ' ').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
