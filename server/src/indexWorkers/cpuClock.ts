/**
 * A clock of the CPU time this thread has used, in milliseconds: the time budget of a check
 * counts work done, not the wall time a busy machine stretches. Falls back to wall time where
 * Node has no `process.threadCpuUsage` (before 22.19 / 23.9).
 */
export function cpuClock(): () => number {
  const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage;
  if (typeof usage !== 'function') {
    const start = performance.now();
    return () => performance.now() - start;
  }
  const read = () => {
    const u = usage.call(process);
    return (u.user + u.system) / 1000;
  };
  const start = read();
  return () => read() - start;
}
