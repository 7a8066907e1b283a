import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Tests render templates without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached counts: a rolled-back test can leave a catalogue version that the
    next test's own data reaches again."""
    cache.clear()
    yield
    cache.clear()
