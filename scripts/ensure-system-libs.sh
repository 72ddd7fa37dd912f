#!/usr/bin/env bash
# Make sure the system libraries the Python code loads at run time exist: WeasyPrint's Pango and
# HarfBuzz (open minutes as PDF/A) and the DejaVu fonts its template names (æøå, embedded in every
# PDF). As root it installs Debian's packages; otherwise it says in one line what to install and
# fails, so `make run`/`make test` never die deep inside a PDF render. Same pattern as
# ensure-chromium.sh.
set -euo pipefail

packages=()
has_library() {
  local ldconfig
  ldconfig="$(command -v ldconfig || echo /sbin/ldconfig)"
  [ -x "$ldconfig" ] && "$ldconfig" -p 2>/dev/null | grep -q "$1"
}
has_library 'libpango-1\.0\.so\.0' || packages+=(libpango-1.0-0)
has_library 'libpangoft2-1\.0\.so\.0' || packages+=(libpangoft2-1.0-0)
has_library 'libharfbuzz-subset\.so\.0' || packages+=(libharfbuzz-subset0)
has_library 'libfontconfig\.so\.1' || packages+=(fontconfig)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)

if [ "${#packages[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Install the libraries PDF rendering needs first: sudo apt-get install ${packages[*]} (WeasyPrint, see docs/adr/0014)." >&2
  exit 1
fi
echo "Installing ${packages[*]} for PDF rendering (apt-get)..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
has_library 'libpango-1\.0\.so\.0' || { echo "apt-get ran, but Pango is still missing." >&2; exit 1; }
