#!/usr/bin/env bash
# Local development: the web server, the two task workers, and the periodic jobs, together.
# Ctrl-C stops them all.
#   worker 1, queue default:         transactional e-mail (outbox) and conference housekeeping
#   worker 2, queue campaigns:      newsletter campaigns, so they never delay a confirmation
set -euo pipefail
PY="${PY:-.venv/bin/python}"
export DEBUG=1

"$PY" manage.py db_worker --queue-name default --interval 1 &
mail_worker=$!
"$PY" manage.py db_worker --queue-name campaigns --interval 1 &
campaign_worker=$!
( while sleep 60; do
    "$PY" manage.py send_queued_email >/dev/null || true
    "$PY" manage.py resume_campaigns >/dev/null || true
  done ) &
every_minute=$!
( while sleep 300; do "$PY" manage.py conference_housekeeping || true; done ) &
housekeeping=$!
trap 'kill $mail_worker $campaign_worker $every_minute $housekeeping 2>/dev/null || true' EXIT INT TERM

echo "Serving http://127.0.0.1:8000 (task workers and periodic jobs in the background)"
"$PY" manage.py runserver 127.0.0.1:8000
