#!/usr/bin/env bash
# Installs the pinned n8n, and the Node.js 24 it needs, once into a cache outside
# the repository. Later runs find it there and return at once. Nothing else on the
# machine changes. Prints the cache folder on its last line of standard output.
# Each version has its own folder, so several n8n versions sit side by side.
#
#   N8N_VERSION       the n8n version (default: package.json's config.n8nVersion, the newest
#                     tested; `npm run test:oldest` sets config.n8nOldestVersion)
#   N8N_NODE_VERSION  the Node.js that runs it (default: package.json's config.n8nNodeVersion)
#   N8N_CACHE_DIR     where the cache lives (default: ~/.cache/n8n-nodes-group-provisioning)
set -euo pipefail
cd "$(dirname "$0")/.."

n8n_version=${N8N_VERSION:-$(node -p "require('./package.json').config.n8nVersion")}
node_runtime_version=${N8N_NODE_VERSION:-$(node -p "require('./package.json').config.n8nNodeVersion")}
for v in "$n8n_version" "$node_runtime_version"; do
  [[ $v =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "[install-n8n] not a version: '$v'" >&2; exit 1; }
done
cache_root=${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-group-provisioning}
runtime_dir="$cache_root/node-$node_runtime_version"
n8n_dir="$cache_root/n8n-$n8n_version"

log() { echo "[install-n8n] $*" >&2; }

if [ ! -x "$runtime_dir/node_modules/node/bin/node" ]; then
  log "installing Node.js $node_runtime_version into $runtime_dir"
  rm -rf "$runtime_dir" && mkdir -p "$runtime_dir"
  echo '{"private":true}' > "$runtime_dir/package.json"
  # The node package's own install step fetches its platform binary from the npm registry.
  (cd "$runtime_dir" && npm install --no-audit --no-fund --ignore-scripts=false "node@$node_runtime_version" >&2)
fi
node_bin="$runtime_dir/node_modules/node/bin"
node_headers=$(ls -d "$runtime_dir"/node_modules/node/node_modules/node-*/include/node | head -n1)
node_headers=${node_headers%/include/node}

if [ ! -f "$n8n_dir/.complete" ]; then
  log "installing n8n $n8n_version into $n8n_dir (first time only: about 4 to 8 minutes)"
  rm -rf "$n8n_dir" && mkdir -p "$n8n_dir"
  # n8n before 2.32 takes SheetJS's xlsx 0.20.2 from cdn.sheetjs.com, outside the npm registry;
  # the same release is on the registry as @e965/xlsx, which n8n itself uses from 2.32 on. Only
  # n8n's spreadsheet nodes load it. For newer n8n versions this changes nothing.
  echo '{"private":true,"overrides":{"xlsx":"npm:@e965/xlsx@0.20.2"}}' > "$n8n_dir/package.json"
  # Install scripts stay off: one of n8n's optional native modules downloads zlib from the internet.
  (cd "$n8n_dir" && PATH="$node_bin:$PATH" npm install --no-audit --no-fund --ignore-scripts --loglevel=http \
    "n8n@$n8n_version" 2>&1 | awk 'NR % 200 == 0 { print "[install-n8n] ... " NR " packages fetched"; fflush() } /^npm (error|ERR)/ { print }' >&2)
  [ -f "$n8n_dir/node_modules/n8n/package.json" ] || { log "n8n did not install"; exit 1; }
  log "building sqlite3, n8n's default database driver, against Node.js $node_runtime_version (about 2 minutes)"
  (cd "$n8n_dir/node_modules/sqlite3" && PATH="$node_bin:$PATH" npx --yes node-gyp rebuild --nodedir="$node_headers" >/dev/null 2>&1) \
    || { log "sqlite3 did not build"; exit 1; }
  touch "$n8n_dir/.complete"
  log "n8n $n8n_version is ready"
fi
echo "$n8n_dir"
