/**
 * The in-editor scenarios, one file each, in the order run.ts runs them. A new scenario: its
 * file here (test/e2e/scenarios/<id>.ts, id starting with a letter of its own) and one import +
 * one entry below.
 */
import type { Scenario } from '../scenario';
import { aGhost } from './a-ghost';
import { aQuiet } from './a-quiet';
import { aList } from './a-list';
import { aIme } from './a-ime';
import { bHover } from './b-hover';
import { cOutline } from './c-outline';
import { dQuickfix } from './d-quickfix';
import { eStatus } from './e-status';
import { fSimilar } from './f-similar';
import { gWord } from './g-word';
import { hRestart } from './h-restart';
import { wWalkthrough } from './w-walkthrough';
import { iDashboard } from './i-dashboard';
import { rReview } from './r-review';
import { sGongwen } from './s-gongwen';
import { tSlips } from './t-slips';

export const scenarios: Scenario[] = [
  aGhost,
  aQuiet,
  aList,
  aIme,
  bHover,
  cOutline,
  dQuickfix,
  eStatus,
  fSimilar,
  gWord,
  hRestart,
  wWalkthrough,
  iDashboard,
  rReview,
  sGongwen,
  tSlips,
];
