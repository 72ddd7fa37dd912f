#!/usr/bin/env bash
# make run: the server and one archive worker beside it (issue 13). The worker stops with the
# server: Ctrl-C or SIGTERM stop both (the worker finishes its batch in flight), and when the
# server ends on its own the worker is stopped before this script returns.
set -uo pipefail
PY="${1:-.venv/bin/python}"
"$PY" -m api.cli worker &
worker=$!
"$PY" -m api.cli serve &
server=$!
stop() {
  for pid in "$server" "$worker"; do
    kill -TERM "$pid" 2>/dev/null
  done
  wait "$server" "$worker" 2>/dev/null
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
wait "$server"
status=$?
stop
exit "$status"
