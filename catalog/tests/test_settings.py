import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from catalog.env import cache_from_url, database_from_url, env_bool, env_int

ROOT = Path(__file__).resolve().parents[2]


def settings_in_subprocess(expression, **env):
    """Evaluate `expression` on freshly loaded settings under the given environment."""
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DEBUG")}
    environ.update(env, DJANGO_SETTINGS_MODULE="catalog.settings")
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_without_database_url_the_embedded_server_is_used_from_the_checkout():
    engine = settings_in_subprocess("settings.DATABASES['default']['ENGINE']")
    data_dir = settings_in_subprocess("settings.DATABASES['default']['DATA_DIR']")
    assert engine == "catalog.embedded_postgres"
    assert Path(data_dir) == ROOT / ".pgdata"


def test_with_database_url_that_server_is_used():
    url = "postgres://alice:s%40cret@db.example.org:6543/trials?sslmode=require"
    db = settings_in_subprocess("sorted(settings.DATABASES['default'].items())", DATABASE_URL=url)
    assert "'ENGINE', 'django.db.backends.postgresql'" in db
    for part in ("'HOST', 'db.example.org'", "'PORT', '6543'", "'NAME', 'trials'", "'PASSWORD', 's@cret'",
                 "'USER', 'alice'", "{'sslmode': 'require'}"):
        assert part in db


def test_debug_is_off_unless_asked_for():
    assert settings_in_subprocess("settings.DEBUG") == "False"
    assert settings_in_subprocess("settings.DEBUG", DEBUG="yes") == "True"


def test_database_url_with_a_socket_host_in_the_query():
    db = database_from_url("postgresql://postgres@/catalogue?host=/var/run/postgresql")
    assert db["HOST"] == "/var/run/postgresql"
    assert db["NAME"] == "catalogue"
    assert db["OPTIONS"] == {}


@pytest.mark.parametrize("url, message", [
    ("mysql://root@localhost/trials", "must start with postgres://"),
    ("postgres://postgres@localhost", "names no database"),
])
def test_a_wrong_database_url_is_explained(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        database_from_url(url)


def test_environment_readers_refuse_values_they_cannot_read(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="not a boolean"):
        env_bool("DEBUG")
    monkeypatch.setenv("CONN_MAX_AGE", "ten")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("CONN_MAX_AGE", 0)


def test_an_unreachable_database_gets_a_sentence_not_a_traceback():
    environ = {**os.environ, "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere"}
    done = subprocess.run([sys.executable, "manage.py", "migrate", "--check"], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Cannot reach the PostgreSQL server named by DATABASE_URL (127.0.0.1:1, database nowhere)" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_cache_is_local_memory_unless_a_redis_url_is_given():
    assert cache_from_url("")["BACKEND"].endswith("LocMemCache")
    redis = cache_from_url("redis://127.0.0.1:6379/1")
    assert redis == {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/1"}
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL must start with redis://"):
        cache_from_url("memcached://127.0.0.1:11211")


def test_without_secret_key_one_key_is_made_and_kept_for_every_process(tmp_path):
    from catalog.env import local_secret_key

    first = local_secret_key(tmp_path / ".secret_key")
    assert len(first) >= 50
    assert local_secret_key(tmp_path / ".secret_key") == first
    assert (tmp_path / ".secret_key").stat().st_mode & 0o777 == 0o600


def test_a_secret_key_from_the_environment_wins():
    assert settings_in_subprocess("settings.SECRET_KEY", SECRET_KEY="from-the-environment") == "from-the-environment"
