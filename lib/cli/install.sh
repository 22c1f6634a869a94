#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine with Node 20: npm packages always;
# with --test also Debian's chromium (for Playwright) and the PostgreSQL 15 server (for integration tests).
set -euo pipefail
cd "$(dirname "$0")/../.."
export NEXT_TELEMETRY_DISABLED=1

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # Not `npm ci`: npm 11 records only this platform's optional binaries (tailwind oxide, next swc) in the
  # lock file and `npm ci` then refuses it as out of sync; `npm install` honours the locked versions.
  echo "install: npm install (locked versions)"
  npm install --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
  if [ "${#need[@]}" -gt 0 ]; then
    if [ "$(id -u)" != "0" ]; then
      echo "install: missing Debian packages: ${need[*]}. Install them as root: apt-get install -y ${need[*]}" >&2
      exit 1
    fi
    echo "install: apt-get install ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi
