#!/usr/bin/env bash
# Make sure the system libraries the Python code loads at run time exist: WeasyPrint's Pango and
# HarfBuzz (open minutes as PDF/A) and the DejaVu fonts its template names (æøå, embedded in every
# PDF). As root it installs Debian's packages; otherwise it says in one line what to install and
# fails, so `make run`/`make test` never die deep inside a PDF render. Same pattern as
# ensure-chromium.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

# Once the virtualenv has WeasyPrint, it says itself whether it can load what is installed (it
# needs Pango 1.44 or newer): one line with its reason, not a traceback in the middle of a test.
check_import() {
  local py=.venv/bin/python reason
  [ -x "$py" ] || return 0
  "$py" -c "import importlib.util as u, sys; sys.exit(u.find_spec('weasyprint') is None)" 2>/dev/null || return 0
  if ! reason="$("$py" -c "import weasyprint" 2>&1)"; then
    echo "WeasyPrint cannot load its system libraries: $(printf '%s\n' "$reason" | tail -n 1)" >&2
    exit 1
  fi
}

packages=()
# The linker cache, read once (grep -q on a pipe could end ldconfig with SIGPIPE under pipefail).
libraries=""
refresh_libraries() {
  local ldconfig
  ldconfig="$(command -v ldconfig || echo /sbin/ldconfig)"
  libraries="$([ -x "$ldconfig" ] && "$ldconfig" -p 2>/dev/null || true)"
}
has_library() { grep -q "$1" <<<"$libraries"; }
refresh_libraries
has_library 'libpango-1\.0\.so\.0' || packages+=(libpango-1.0-0)
has_library 'libpangoft2-1\.0\.so\.0' || packages+=(libpangoft2-1.0-0)
has_library 'libharfbuzz-subset\.so\.0' || packages+=(libharfbuzz-subset0)
has_library 'libfontconfig\.so\.1' || packages+=(fontconfig)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)

if [ "${#packages[@]}" -eq 0 ]; then
  check_import
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
refresh_libraries
has_library 'libpango-1\.0\.so\.0' || { echo "apt-get ran, but Pango is still missing." >&2; exit 1; }
check_import
