/** Probes of one lint rule on in-memory text, for the rule tests. */
import { applyEdits } from '../../server/src/engine/lint/edits';
import { lintText } from '../../server/src/engine/lint/lint';

/** The texts `rule` flags in `text`, in order. */
export const spans = (rule: string, text: string): string[] => lintText(text, { only: [rule] }).map((f) => text.slice(f.start, f.end));

/** `text` after the first finding's preferred (first) fix. */
export function fixed(rule: string, text: string): string {
  const f = lintText(text, { only: [rule] })[0];
  return applyEdits(text, f.fixes![0].edits);
}
