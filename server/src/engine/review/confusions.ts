/**
 * Finds whole-word confusions (权利/权力, 截止/截至 …) that the context decides, from the rules in
 * confusionData.ts. Pure: text in, suspects out. This is the shared engine function: a lint rule
 * (e.g. 公文规范's 截止→截至) should call it rather than keep its own patterns.
 */
import { CONFUSIONS, type ConfusionRule } from './confusionData';

export interface ConfusionSuspect {
  /** UTF-16 offsets of the word in the text. */
  start: number;
  end: number;
  /** The word as written. */
  found: string;
  /** The word the context asks for. */
  suggestion: string;
  /** Why, a plain sentence. */
  reason: string;
  /** The usage note or standard that decides it. */
  source: string;
  strength: ConfusionRule['strength'];
  /** The rule's id (`found→suggestion`). */
  rule: string;
}

export interface ConfusionOptions {
  /** Rules to apply; default all of CONFUSIONS. */
  rules?: readonly ConfusionRule[];
  /** Only these rule ids. */
  only?: readonly string[];
  /** Leave out `preference` rules (both spellings pass, a standard prefers one). */
  errorsOnly?: boolean;
}

/** How far back `before` patterns look. */
const LOOK_BEHIND = 16;

function matchesAt(re: RegExp, text: string, at: number): boolean {
  const sticky = re.sticky ? re : new RegExp(re.source, re.flags + 'y');
  sticky.lastIndex = at;
  return sticky.test(text);
}

function ruleHolds(rule: ConfusionRule, text: string, start: number, end: number): boolean {
  const behind = text.slice(Math.max(0, start - LOOK_BEHIND), start);
  if (rule.notBefore && rule.notBefore.test(behind)) return false;
  // A rule without context patterns is settled by the word itself (以致于).
  if (!rule.after && !rule.before) return true;
  return (!!rule.after && matchesAt(rule.after, text, end)) || (!!rule.before && rule.before.test(behind));
}

function selectRules(opts: ConfusionOptions): readonly ConfusionRule[] {
  let rules = opts.rules ?? CONFUSIONS;
  if (opts.only) rules = rules.filter((r) => opts.only!.includes(r.id));
  if (opts.errorsOnly) rules = rules.filter((r) => r.strength === 'error');
  return rules;
}

/** Suspects in `text`, by position; each only where its rule's context holds. */
export function findConfusions(text: string, opts: ConfusionOptions = {}): ConfusionSuspect[] {
  if (typeof text !== 'string' || !text) return [];
  const out: ConfusionSuspect[] = [];
  for (const rule of selectRules(opts)) {
    for (let at = text.indexOf(rule.found); at >= 0; at = text.indexOf(rule.found, at + 1)) {
      const end = at + rule.found.length;
      if (!ruleHolds(rule, text, at, end)) continue;
      out.push({
        start: at,
        end,
        found: rule.found,
        suggestion: rule.suggestion,
        reason: rule.reason,
        source: rule.source,
        strength: rule.strength,
        rule: rule.id,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A confusion put into a text, as a bench injects it. */
export interface InjectedConfusion {
  /** The text with the swap. */
  text: string;
  start: number;
  end: number;
  /** The right word that was there. */
  original: string;
  /** The confusable put in its place. */
  injected: string;
  rule: string;
}

/**
 * Swaps one word of `text` for its confusable where the context says the original was right: an
 * occurrence of a rule's `suggestion` that, once written as the rule's `found`, the rule would
 * flag. Picks one such place with `rng` (uniform in [0, 1)); undefined when the text has none.
 * `opts` selects rules as for findConfusions (`errorsOnly` leaves the preferences out).
 */
export function injectConfusion(
  text: string,
  rng: () => number,
  opts: ConfusionOptions = {},
): InjectedConfusion | undefined {
  if (typeof text !== 'string' || !text) return undefined;
  const options: InjectedConfusion[] = [];
  for (const rule of selectRules(opts)) {
    if (rule.found.length !== rule.suggestion.length) continue;
    for (let at = text.indexOf(rule.suggestion); at >= 0; at = text.indexOf(rule.suggestion, at + 1)) {
      const end = at + rule.suggestion.length;
      const swapped = text.slice(0, at) + rule.found + text.slice(end);
      if (!ruleHolds(rule, swapped, at, end)) continue;
      options.push({ text: swapped, start: at, end, original: rule.suggestion, injected: rule.found, rule: rule.id });
    }
  }
  if (!options.length) return undefined;
  return options[Math.min(options.length - 1, Math.floor(rng() * options.length))];
}
