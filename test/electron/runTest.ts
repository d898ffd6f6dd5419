/**
 * The same in-editor scenarios as test/e2e, through the VS Code API inside a VS Code that
 * @vscode/test-electron downloads (`npm run test:electron`):
 *
 *   - it always tries the download, bounded by DOWNLOAD_MS; when the download fails (no access
 *     to the download server, as on machines that reach only the package registries) it prints
 *     one line starting with SKIPPED and exits 0;
 *   - when VS Code is there it runs test/electron/suite and exits 1 if any scenario fails;
 *   - SHUZHI_VSCODE_EXECUTABLE=/path/to/code uses an installed VS Code instead of the download.
 *
 * On Linux without a display it runs itself again under `xvfb-run -a` when that exists.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests, type ProgressReport, type ProgressReporter } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { createWorkspace, writeUserSettings } from '../e2e/fixtures';

const ROOT = path.resolve(__dirname, '../..');
/** Longest the download may take before the suite is skipped (CI must not wait on a dead network). */
export const DOWNLOAD_MS = 60_000;
export const SKIPPED = 'SKIPPED @vscode/test-electron suite: VS Code could not be downloaded';

/** What the runner does, apart from deciding: injected so that test/unit/electronRunner.test.ts can check the decisions. */
export interface ElectronRun {
  /** The VS Code executable (downloaded or given); rejects when it cannot be had. */
  vscode(): Promise<string>;
  /** Runs the suite in that VS Code; rejects when a scenario fails or VS Code does not start. */
  suite(executable: string): Promise<void>;
  log(line: string): void;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The exit code: 0 after a passing suite, or after one SKIPPED line when VS Code could not be had
 * within `downloadMs`; 1 when the suite fails.
 */
export async function runElectronSuite(run: ElectronRun, downloadMs = DOWNLOAD_MS): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  // The library takes no signal: the race bounds the wait, and the process exits after it.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${downloadMs / 1000} s`)), downloadMs);
  });
  let executable: string;
  try {
    executable = await Promise.race([run.vscode(), timeout]);
  } catch (error) {
    run.log(`${SKIPPED} (${message(error)}); the same scenarios run in code-server: npm run test:e2e`);
    return 0;
  } finally {
    clearTimeout(timer);
  }
  try {
    await run.suite(executable);
    run.log(`@vscode/test-electron suite passed in ${executable}`);
    return 0;
  } catch (error) {
    run.log(`@vscode/test-electron suite FAILED: ${message(error)}`);
    return 1;
  }
}

/** Says when a download starts and ends; nothing while the version is looked up (a failure there is the SKIPPED line). */
function downloadReporter(log: (line: string) => void): ProgressReporter {
  let started = false;
  return {
    report(r: ProgressReport) {
      if (r.stage === 'downloading' && !started) {
        started = true;
        log(`downloading VS Code from ${r.url}`);
      } else if (r.stage === 'newInstallComplete') log(`VS Code installed in ${r.downloadedPath}`);
    },
    error() {
      /* the rejection carries it */
    },
  };
}

async function downloadVSCode(): Promise<string> {
  if (process.env.SHUZHI_VSCODE_EXECUTABLE) return process.env.SHUZHI_VSCODE_EXECUTABLE;
  return downloadAndUnzipVSCode({
    version: 'stable',
    cachePath: path.join(ROOT, '.cache/vscode-test'),
    timeout: 15_000,
    reporter: downloadReporter(console.log),
  });
}

async function runSuite(executable: string): Promise<void> {
  // The extension under test (dist/) and the suite, bundled so the test host loads plain JS.
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const suite = path.join(ROOT, '.cache/electron/suite/index.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'suite/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    outfile: suite,
    logLevel: 'warning',
  });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shuzhi-electron-'));
  const workspace = createWorkspace(tmp);
  const dataDir = path.join(tmp, 'data');
  writeUserSettings(dataDir);
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      extensionTestsEnv: { SHUZHI_DRAFT: workspace.draft },
      launchArgs: [workspace.dir, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', dataDir, '--extensions-dir', path.join(tmp, 'ext')],
    });
  } catch (error) {
    const noDisplay = process.platform === 'linux' && !process.env.DISPLAY;
    throw new Error(`${message(error)}${noDisplay ? ' (no display: install xvfb so that xvfb-run exists)' : ''}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Electron needs a display: on Linux without one, this runner again under xvfb-run (exit code), or undefined. */
function underXvfb(): number | undefined {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.SHUZHI_UNDER_XVFB) return undefined;
  if (spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error) return undefined;
  const again = spawnSync('xvfb-run', ['-a', process.execPath, ...process.execArgv, __filename], {
    stdio: 'inherit',
    env: { ...process.env, SHUZHI_UNDER_XVFB: '1' },
  });
  return again.status ?? 1;
}

if (require.main === module) {
  const code = underXvfb() ?? runElectronSuite({ vscode: downloadVSCode, suite: runSuite, log: console.log });
  // exit: a download still under way after the bound must not keep the process alive.
  void Promise.resolve(code).then((c) => process.exit(c));
}
