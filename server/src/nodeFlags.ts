/**
 * The V8 options of SERVER_NODE_ARGS that V8 also takes once running (contract.ts says why each is
 * there). The client passes them on the command line; a server started by hand (`node dist/server.js
 * --stdio`) sets them here, on import (server.ts imports this module first), so it runs as the editor's
 * server does. Options V8 reads only at start-up (the young generation's size) cannot be set this way
 * and are not.
 */
import * as v8 from 'node:v8';
import { SERVER_RUNTIME_V8_FLAGS } from './protocol/contract';

/** Sets each runtime V8 option the process was not started with; returns those it set. */
export function applyRuntimeV8Flags(execArgv: readonly string[] = process.execArgv, set: (flag: string) => void = v8.setFlagsFromString): string[] {
  const applied: string[] = [];
  for (const flag of SERVER_RUNTIME_V8_FLAGS) {
    if (execArgv.includes(flag)) continue;
    try {
      set(flag);
      applied.push(flag);
    } catch {
      // A runtime that refuses the option runs with V8's default: slower to free memory, nothing worse.
    }
  }
  return applied;
}

applyRuntimeV8Flags();
