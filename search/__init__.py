"""One search API for the whole site: `search.engine().search(...)`.

The engine class comes from `settings.SEARCH_ENGINE["BACKEND"]`: the database
engine by default, Elasticsearch when `ELASTICSEARCH_URL` is set.
"""

from functools import lru_cache

from django.conf import settings
from django.utils.module_loading import import_string


@lru_cache(maxsize=1)
def _engine_for(backend_path, url, index_prefix):
    engine_class = import_string(backend_path)
    return engine_class(url=url, index_prefix=index_prefix)


def engine():
    config = settings.SEARCH_ENGINE
    return _engine_for(config["BACKEND"], config.get("URL", ""), config.get("INDEX_PREFIX", ""))
