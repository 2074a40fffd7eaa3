#!/usr/bin/env bash
# Makes sure Debian's PostgreSQL and Redis server programs are on the machine, for n8n's queue
# mode (`npm run start:queue`, `npm run test:queue`, the bench's queue runs). Installs the
# packages `postgresql` and `redis-server` with apt-get when a program is missing; starts
# nothing (the scripts run their own servers, in a temporary folder, on loopback). Prints the
# folder of PostgreSQL's programs on its last line of standard output.
set -euo pipefail

log() { echo "[install-queue-services] $*" >&2; }

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }

missing=()
[ -n "$(postgres_bin)" ] && [ -x "$(postgres_bin)/initdb" ] || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing: ${missing[*]}. Install them (sudo apt-get install -y ${missing[*]}), or point the scripts at your own servers (see docs/queue-mode.md)."
    exit 1
  fi
  log "installing ${missing[*]} with apt-get (first time only: about a minute)"
  # Installing postgresql would start a cluster of its own on port 5432 where services run; none is needed.
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
postgres_bin
