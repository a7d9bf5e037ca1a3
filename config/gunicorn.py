"""gunicorn settings for HTTP in production (docs/operations.md, "Topologie").

    gunicorn -c config/gunicorn.py config.wsgi:application

Websockets are served separately by daphne (`config.asgi`); both share PostgreSQL (each
process through its own connection pool) and Redis.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("WEB_CONCURRENCY", max(2, multiprocessing.cpu_count())))
# A few threads per worker keep slow clients from blocking a worker; each thread takes
# a connection from the worker's pool only while it runs a request.
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"


def post_worker_init(worker):
    """Load the stored matching indexes before the worker takes requests: the first
    /matching/ request of a new worker would otherwise pay for reading them (seconds at
    10,000 case studies). Never builds; a missing index is scheduled for the worker."""
    try:
        from matchmaking import catalogs

        for name in (catalogs.CASE_STUDIES, catalogs.FUNDING, catalogs.EVENTS):
            catalogs.stored_index(name)
    except Exception:  # a fresh database without tables yet must not stop the server
        worker.log.exception("Matching-Indizes nicht vorgeladen")
    finally:
        from django.db import connections

        connections.close_all()
