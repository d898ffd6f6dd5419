/**
 * What the check-up page may ask of the extension, checked before anything happens: only
 * `{ type: 'reveal', line }` with an integer line inside the document. Kept free of the vscode
 * module so it is unit-tested in Node.
 */

/** The zero-based line a page message asks to reveal, or undefined for anything else. */
export function revealLineOf(message: unknown, lineCount: number): number | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return undefined;
  const m = message as Record<string, unknown>;
  if (m.type !== 'reveal' || Object.keys(m).length !== 2) return undefined;
  const line = m.line;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 0 || line >= lineCount) return undefined;
  return line;
}
