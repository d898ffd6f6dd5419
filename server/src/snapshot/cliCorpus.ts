/**
 * The CLI's corpus loading through the same snapshot cache folder as the server
 * (`$XDG_CACHE_HOME/shuzhi` or `~/.cache/shuzhi`): a second run of `shuzhi search` or
 * `shuzhi corpus` on the same folders reads the snapshot instead of every file.
 * `SHUZHI_NO_SNAPSHOT=1` turns the cache off.
 */
import type { Settings } from '../engine/settings';
import type { CorpusReport, SkippedFile } from '../engine/types';
import { CachedCorpus } from './cachedCorpus';
import { cacheDir } from './cacheLocation';

/** Loads the corpus named by `settings`, from the snapshot where files are unchanged, and refreshes the snapshot. */
export async function loadCorpusCached(
  settings: Pick<Settings, 'corpusPaths' | 'useBundledCorpus' | 'maxFileSizeMB'>,
  log?: (message: string) => void,
): Promise<{ reports: CorpusReport[]; skipped: SkippedFile[] }> {
  const disabled = process.env.SHUZHI_NO_SNAPSHOT === '1';
  const cached = new CachedCorpus({ cacheDir: disabled ? undefined : cacheDir(), log });
  const { reports, skipped } = await cached.load({
    paths: settings.corpusPaths,
    useBundled: settings.useBundledCorpus,
    maxFileSizeBytes: settings.maxFileSizeMB * 1024 * 1024,
  });
  try {
    await cached.save(reports);
  } catch (e) {
    // A read-only cache folder must not fail the command.
    log?.(`保存语料快照失败：${(e as Error).message}`);
  }
  return { reports, skipped };
}
