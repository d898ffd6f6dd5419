/**
 * How the client starts the language server process: the environment variables it adds
 * (client/src/languageClient.ts; bench/scale.ts starts the server the same way).
 *
 * On Linux, glibc's malloc keeps memory the server has freed: one arena per thread that
 * allocated (the GC's helper threads, the file-reading pool), and a threshold for mmap that
 * rises after each large block freed, so that later large blocks come from the heap and
 * stay there. At 50 MB of corpus that is 20–40 MB of the peak resident set (README, Scale and
 * robustness). Two arenas and fixed thresholds of 64 KB give it back. Elsewhere (macOS,
 * Windows, musl) the variables mean nothing. A value the user has set is kept.
 */
export const MALLOC_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=65536:glibc.malloc.mmap_threshold=65536',
};

/** The variables to add to `base` (the client's own environment) for the server process. */
export function serverProcessEnv(base: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(MALLOC_ENV)) if (base[name] === undefined) env[name] = value;
  return env;
}
