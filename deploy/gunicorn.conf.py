"""gunicorn settings for Museion (systemd's museion-web.service and `make prod` both use this file).

Environment: GUNICORN_BIND (default 127.0.0.1:8081), WEB_CONCURRENCY (worker processes, default
2 × cores + 1), GUNICORN_THREADS (threads per worker, default 1: plain synchronous workers).
"""

import multiprocessing
import os

wsgi_app = "museion.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8081")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"
# Settings imported once, then forked: less memory and a quicker start. Nothing at import time
# opens a database or cache connection, so no connection is shared between workers.
preload_app = True
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, so a slow leak never becomes an outage.
max_requests = 5000
max_requests_jitter = 500
# nginx on the same machine sets X-Forwarded-For/-Proto; trust no one else.
forwarded_allow_ips = "127.0.0.1,::1"
# nginx keeps the access log; errors (and Django's JSON lines) go to stderr, i.e. the journal.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
proc_name = "museion-web"
