#!/usr/bin/env bash
# Make sure the browser the Playwright tests launch exists (frontend/playwright.config.ts:
# $CHROMIUM_PATH, else /usr/bin/chromium). As root it installs Debian's chromium; otherwise it
# says in one line what to install and fails, so `make test` never dies deep inside Playwright.
set -euo pipefail

browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable: point it at Chromium, or unset it to use /usr/bin/chromium." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Install Chromium first: sudo apt-get install chromium fonts-dejavu-core (the browser tests run $browser)." >&2
  exit 1
fi
echo "Installing Chromium for the browser tests (apt-get)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
if [ ! -x "$browser" ]; then
  echo "apt-get installed chromium, but $browser is still missing." >&2
  exit 1
fi
