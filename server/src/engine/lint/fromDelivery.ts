/** Adapts a delivery rule (engine/delivery/lengthRules.ts) to the lint rule interface. */
import type { LengthRule } from '../delivery/lengthRules';
import type { RuleContext, RuleFinding } from './types';

export function fromDelivery(rule: LengthRule, ctx: RuleContext): RuleFinding[] {
  return rule({ text: ctx.text, tree: ctx.tree, settings: ctx.settings, corpusStats: ctx.corpusStats }).map((f) => ({
    start: f.start,
    end: f.end,
    message: f.message,
  }));
}
