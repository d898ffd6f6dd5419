/**
 * Applying fixes: text edits in offsets of one version of the draft, and the “fix all”
 * selection of safe fixes that do not overlap.
 */
import type { Finding, TextEdit } from './types';

/** Applies non-overlapping edits (any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * The edits of every safe fix, skipping a fix whose edits touch an edit already taken
 * (renumbering a list twice, or a mark two rules both want to change). Edits that are
 * identical are taken once.
 */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const same = (a: TextEdit, b: TextEdit) => a.start === b.start && a.end === b.end && a.newText === b.newText;
  const clash = (a: TextEdit, b: TextEdit) =>
    a.start < b.end && b.start < a.end ? true : a.start === b.start && a.end === a.start && b.end === b.start;
  for (const f of findings) {
    for (const fix of f.fixes ?? []) {
      if (!fix.safe) continue;
      const fresh = fix.edits.filter((e) => !taken.some((t) => same(t, e)));
      if (fresh.some((e) => taken.some((t) => clash(t, e)))) continue;
      taken.push(...fresh);
      break; // one fix per finding
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
