#!/usr/bin/env bash
# In-editor tests: builds the extension, prepares code-server and Chromium (setup.sh, cached),
# then runs test/e2e/run.ts: the scenarios of test/e2e/scenarios/ (one file each, listed in its
# index.ts). Arguments select scenarios by id prefix (a … w).
#   bash test/e2e/run.sh            # all scenarios
#   bash test/e2e/run.sh c a        # only the Outline and completion scenarios
#   SHUZHI_E2E_VSIX=shuzhi-0.1.0.vsix bash test/e2e/run.sh   # test the packaged vsix instead
# Screenshots: test-results/e2e/*.png. Cache: $SHUZHI_E2E_CACHE or .cache/e2e.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${SHUZHI_E2E_CACHE:-$ROOT/.cache/e2e}"
cd "$ROOT"

bash test/e2e/setup.sh
# shellcheck source=/dev/null
source "$CACHE/env.sh"
export SHUZHI_E2E_NODE_HOME SHUZHI_E2E_CODE_SERVER

if [ -z "${SHUZHI_E2E_VSIX:-}" ]; then
  node esbuild.mjs
fi
rm -rf test-results/e2e
mkdir -p test-results/e2e
exec node --import tsx test/e2e/run.ts "$@"
