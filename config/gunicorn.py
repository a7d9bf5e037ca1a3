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
