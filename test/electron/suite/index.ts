/**
 * Entry point run inside the VS Code extension host by @vscode/test-electron (runTest.ts):
 * runs the scenarios one after the other and fails the run when any fails. No test framework:
 * the scenarios are four and each is a plain async function.
 */
import { scenarios } from './scenarios';

export async function run(): Promise<void> {
  let passed = 0;
  let failed = 0;
  const report: string[] = [];
  for (const s of scenarios) {
    try {
      await s.run();
      passed++;
      report.push(`  ✓ ${s.name}`);
    } catch (error) {
      failed++;
      report.push(`  ✗ ${s.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    console.log(report[report.length - 1]);
  }
  console.log(`${passed} passed, ${failed} failed`);
  // The failures travel in the error too: the test host's console is not always shown.
  if (failed > 0) throw new Error(`${failed} scenario(s) failed:\n${report.join('\n')}`);
}
