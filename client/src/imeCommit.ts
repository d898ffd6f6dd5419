/**
 * Telling committed Chinese input apart from other edits, on the plain shape of a document
 * change (no `vscode` import, so unit tests can run it).
 */

/** Longer insertions are pastes or snippet bodies, not what an input method commits. */
export const MAX_COMMIT_LENGTH = 16;
const HAN = /\p{Script=Han}/u;

/**
 * Whether the changes of one document edit look like text an input method commits: one change
 * whose new text is short, on one line, with Han characters. The change may replace text: with
 * VS Code's native input handling (EditContext, the default in current versions) the
 * composition lives in the document, so the commit replaces the composed pinyin, or the
 * identical composed characters. A composition step that shows characters passes too; VS Code
 * hides ghost text until the commit.
 */
export function isImeCommit(changes: readonly { text: string }[]): boolean {
  if (changes.length !== 1) return false;
  const { text } = changes[0];
  return text !== '' && text.length <= MAX_COMMIT_LENGTH && !/[\r\n]/.test(text) && HAN.test(text);
}
