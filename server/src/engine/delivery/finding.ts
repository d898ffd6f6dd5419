/**
 * A lint finding as the delivery rules produce it: offsets into the draft plus a plain
 * Chinese message. Kept minimal so the lint framework can adopt or map it.
 */
export type FindingSeverity = 'hint' | 'info' | 'warning' | 'error';

export interface Finding {
  /** Rule id, e.g. `length-over`. */
  rule: string;
  /** Offsets [start, end) of the text the finding is about. */
  start: number;
  end: number;
  message: string;
  /** The rule's default level; settings (`shuzhi.lint.rules`) may override it. */
  severity?: FindingSeverity;
}
