#!/usr/bin/env bash
# Local development: the web server, the task worker, and the periodic housekeeping, together.
# Ctrl-C stops all three.
set -euo pipefail
PY="${PY:-.venv/bin/python}"
export DEBUG=1

"$PY" manage.py db_worker --interval 1 &
worker=$!
( while sleep 300; do "$PY" manage.py conference_housekeeping || true; done ) &
housekeeping=$!
trap 'kill $worker $housekeeping 2>/dev/null || true' EXIT INT TERM

echo "Serving http://127.0.0.1:8000 (task worker and housekeeping in the background)"
"$PY" manage.py runserver 127.0.0.1:8000
