#!/usr/bin/env bash
# Installs Debian's chromium for `npm run test:ui`, only when it is missing. Needs root (apt-get),
# as on CI; about 20 seconds. Playwright's own browser download is not used.
#
#   CHROMIUM_PATH   the browser the UI test drives (default: /usr/bin/chromium)
set -euo pipefail

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
log() { echo "[install-chromium] $*" >&2; }

[ -x "$chromium" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  log "$chromium is missing; install it as root: apt-get update && apt-get install -y chromium"
  exit 1
fi
log "installing Debian's chromium with apt-get"
started=$(date +%s)
output=$(mktemp)
trap 'rm -f "$output"' EXIT
# Headless use needs none of its recommended packages (udev, upower, printing, GL drivers).
if ! { DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; } >"$output" 2>&1; then
  tail -n 30 "$output" >&2
  log "apt-get failed"
  exit 1
fi
[ -x "$chromium" ] || { log "chromium did not install at $chromium"; exit 1; }
log "installed $("$chromium" --version 2>/dev/null) in $(($(date +%s) - started)) s"
