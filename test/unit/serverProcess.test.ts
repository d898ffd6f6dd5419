import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MALLOC_ENV, serverProcessEnv } from '../../server/src/protocol/serverProcess';

test('the server process gets the malloc settings unless the user set them', () => {
  assert.deepEqual(serverProcessEnv({ PATH: '/usr/bin' }), { MALLOC_ARENA_MAX: '2', GLIBC_TUNABLES: MALLOC_ENV.GLIBC_TUNABLES });
  assert.match(MALLOC_ENV.GLIBC_TUNABLES, /^glibc\.malloc\.trim_threshold=\d+:glibc\.malloc\.mmap_threshold=\d+$/);
  // A user's own values stay (the client's environment is passed on under them).
  assert.deepEqual(serverProcessEnv({ MALLOC_ARENA_MAX: '8' }), { GLIBC_TUNABLES: MALLOC_ENV.GLIBC_TUNABLES });
  assert.deepEqual(serverProcessEnv({ MALLOC_ARENA_MAX: '8', GLIBC_TUNABLES: 'glibc.malloc.tcache_count=0' }), {});
});
