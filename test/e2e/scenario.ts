/**
 * What the in-editor scenarios share: the shape of a scenario, and steps several of them take.
 * Each scenario is one file in scenarios/, listed in scenarios/index.ts; run.ts runs them.
 */
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { runCommand, type Harness } from './harness';

/** One in-editor scenario: `id` starts with the letter run.sh selects it by (`bash test/e2e/run.sh c`). */
export type Scenario = { id: string; name: string; run: (h: Harness) => Promise<void> };

/** The fixture draft's lines as saved on disk. */
export function readDraft(h: Harness): string[] {
  return fs.readFileSync(h.workspace.draft, 'utf8').split('\n');
}

/** Saves the active editor. */
export async function save(page: Page): Promise<void> {
  await runCommand(page, 'File: Save');
}

/** Answers code-server's simple file dialog (a quick input) with a path. */
export async function fillFileDialog(page: Page, file: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(file);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}
