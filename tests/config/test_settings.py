"""Settings: embedded defaults, each engine switched on by its variable, production safety.

Each case imports `config.settings` in a fresh interpreter with a controlled environment,
because settings are read once at import time.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x7!pQ2#vL9@rT4$wZ8^mN1&kB6*yH3(cF5)jD0_sG7+aE2=uR9-iO4",
    "ALLOWED_HOSTS": "stadtlabor.example",
}
ENGINE_VARIABLES = (
    "DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "EMAIL_URL", "TASKS_BACKEND",
    "DJANGO_SECRET_KEY", "DJANGO_DEBUG", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def run_python(code, **env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in ENGINE_VARIABLES}
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=120,
    )


def load_settings(**env_overrides):
    code = (
        "import json, config.settings as s;"
        "print(json.dumps({"
        "'debug': s.DEBUG,"
        "'db_engine': s.DATABASES['default']['ENGINE'],"
        "'db_name': str(s.DATABASES['default']['NAME']),"
        "'db_host': s.DATABASES['default'].get('HOST', ''),"
        "'channel_layer': s.CHANNEL_LAYERS['default']['BACKEND'],"
        "'channel_hosts': s.CHANNEL_LAYERS['default'].get('CONFIG', {}).get('hosts'),"
        "'cache': s.CACHES['default']['BACKEND'],"
        "'search': s.SEARCH_ENGINE['BACKEND'],"
        "'search_url': s.SEARCH_ENGINE['URL'],"
        "'email': s.EMAIL_BACKEND,"
        "'email_host': getattr(s, 'EMAIL_HOST', None),"
        "'email_port': getattr(s, 'EMAIL_PORT', None),"
        "'email_user': getattr(s, 'EMAIL_HOST_USER', None),"
        "'email_tls': getattr(s, 'EMAIL_USE_TLS', None),"
        "'email_path': getattr(s, 'EMAIL_FILE_PATH', None),"
        "'tasks': s.TASKS['default']['BACKEND'],"
        "'language': s.LANGUAGE_CODE, 'tz': s.TIME_ZONE,"
        "}))"
    )
    result = run_python(code, **env_overrides)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_embedded_defaults_need_no_service():
    config = load_settings()
    assert config["debug"] is True
    assert config["db_engine"] == "django.db.backends.sqlite3"
    assert config["db_name"].endswith("var/stadtlabor.sqlite3")
    assert config["channel_layer"] == "channels.layers.InMemoryChannelLayer"
    assert config["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert config["search"] == "search.engines.database.DatabaseEngine"
    assert config["email"] == "django.core.mail.backends.filebased.EmailBackend"
    assert config["email_path"].endswith("var/mail")
    assert config["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert (config["language"], config["tz"]) == ("de", "Europe/Berlin")


def test_database_url_switches_to_postgresql():
    config = load_settings(DATABASE_URL="postgres://stadt:geheim@db.internal:5432/stadtlabor")
    assert config["db_engine"] == "django.db.backends.postgresql"
    assert (config["db_name"], config["db_host"]) == ("stadtlabor", "db.internal")


def test_redis_url_switches_channel_layer_and_cache():
    config = load_settings(REDIS_URL="redis://cache.internal:6379/2")
    assert config["channel_layer"] == "config.channel_layer.RedisChannelLayer"
    assert [host["address"] for host in config["channel_hosts"]] == [
        "redis://cache.internal:6379/2"
    ]
    # redis-py's default 5 s socket timeout would cut channels_redis' 5 s blocking receive.
    assert config["channel_hosts"][0]["socket_timeout"] > 5
    assert config["cache"] == "django.core.cache.backends.redis.RedisCache"


def test_elasticsearch_url_switches_search_engine():
    config = load_settings(ELASTICSEARCH_URL="http://search.internal:9200")
    assert config["search"] == "search.engines.elasticsearch.ElasticsearchEngine"
    assert config["search_url"] == "http://search.internal:9200"


def test_email_url_switches_to_smtp():
    config = load_settings(EMAIL_URL="submission://mailer%40stadt.de:pw@smtp.internal")
    assert config["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (config["email_host"], config["email_port"]) == ("smtp.internal", 587)
    assert config["email_user"] == "mailer@stadt.de"
    assert config["email_tls"] is True


def test_tasks_backend_switches_to_database_queue():
    config = load_settings(TASKS_BACKEND="database")
    assert config["tasks"] == "django_tasks_db.DatabaseBackend"


def test_unknown_tasks_backend_is_refused():
    result = run_python("import config.settings", TASKS_BACKEND="celery")
    assert result.returncode != 0
    assert "TASKS_BACKEND" in result.stderr


def test_production_refuses_to_start_without_secret_key():
    result = run_python("import config.settings", DJANGO_DEBUG="0", ALLOWED_HOSTS="x.example")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.parametrize("value", ["0", "false", "off"])
def test_debug_is_off_when_told(value):
    assert load_settings(**{**PRODUCTION_ENV, "DJANGO_DEBUG": value})["debug"] is False


def test_check_deploy_is_clean_in_production():
    env = {k: v for k, v in os.environ.items() if k not in ENGINE_VARIABLES}
    env.update(PRODUCTION_ENV)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
