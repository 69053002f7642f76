"""gunicorn settings for the Academy platform: `gunicorn -c deploy/gunicorn.conf.py`.

Every value can be changed from the environment, so one file serves a laptop and a server.
"""

import multiprocessing
import os

wsgi_app = "academy_site.wsgi:application"

# Behind the reverse proxy on the same host; the proxy terminates TLS.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8100")

# Sync workers: each request is mostly database work, so (2 x cores) + 1 keeps the CPU busy while
# some processes wait on PostgreSQL.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"

# A worker that takes longer than this is killed; certificate PDFs and exports run as tasks.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Keep-alive only matters between the proxy and gunicorn.
keepalive = 5

# Recycle workers now and then so a slow leak cannot grow without bound; jitter spreads restarts.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200

# Load the app once before forking: faster start, shared memory pages. Database connections are
# opened lazily in each worker, so none is shared across a fork.
preload_app = True

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# The proxy sets X-Forwarded-* ; trust it only from this host.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
