/**
 * Runs the in-editor scenarios (scenarios/, one file each) against code-server, one fresh
 * code-server per scenario (see harness.ts). Arguments select scenarios by id prefix
 * (`node --import tsx test/e2e/run.ts c a`; run.sh passes its own on). Prints `N passed, M failed`
 * and exits non-zero on failure or when nothing ran. Screenshots: test-results/e2e/.
 */
import * as fs from 'node:fs';
import { screenshot, startHarness, type Harness } from './harness';
import type { Scenario } from './scenario';
import { scenarios } from './scenarios';

/** The scenarios whose id starts with one of `prefixes` (all of them for none), in the list's order. */
export function chooseScenarios(all: readonly Scenario[], prefixes: readonly string[]): Scenario[] {
  return prefixes.length > 0 ? all.filter((s) => prefixes.some((o) => s.id.startsWith(o))) : [...all];
}

async function main(): Promise<number> {
  const chosen = chooseScenarios(scenarios, process.argv.slice(2));
  let passed = 0;
  let failed = 0;
  // One code-server per scenario: a fresh draft and no state left over from the one before.
  for (const s of chosen) {
    console.log(`▶ ${s.name}`);
    let h: Harness | undefined;
    let ok = false;
    try {
      h = await startHarness();
      await s.run(h);
      ok = true;
      passed++;
      console.log(`  ✓ passed`);
    } catch (error) {
      failed++;
      // Playwright appends its call log to messages; the first line says what failed.
      const message = error instanceof Error ? error.message : String(error);
      console.log(`  ✗ failed: ${message.split('\n')[0]}`);
      if (h) {
        await screenshot(h.page, `${s.id}-failure`).catch(() => undefined);
        console.log(`    logs: ${h.codeServerLog} and ${h.tmp}/data/logs`);
      }
    } finally {
      await h?.close();
      // A passing scenario leaves nothing behind; a failing one keeps its folder for the logs named above.
      if (h && ok) fs.rmSync(h.tmp, { recursive: true, force: true });
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
