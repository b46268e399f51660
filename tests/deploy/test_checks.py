"""`check --deploy` warns of what breaks with several processes or a public address."""

from django.test import override_settings

from museion.core.checks import check_shared_cache, check_site_url

REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "x"}}
LOCAL = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def ids(messages) -> list[str]:
    return [message.id for message in messages]


@override_settings(CACHES=LOCAL)
def test_process_local_cache_is_a_deploy_warning():
    assert ids(check_shared_cache(None)) == ["museion.W001"]


@override_settings(CACHES=REDIS)
def test_redis_cache_passes():
    assert check_shared_cache(None) == []


@override_settings(SITE_URL="https://museion.example", ALLOWED_HOSTS=["museion.example"])
def test_site_url_served_by_this_site_passes():
    assert check_site_url(None) == []


@override_settings(SITE_URL="https://www.museion.example", ALLOWED_HOSTS=[".museion.example"])
def test_site_url_matching_a_wildcard_host_passes():
    assert check_site_url(None) == []


@override_settings(SITE_URL="http://127.0.0.1:8000", ALLOWED_HOSTS=["museion.example"])
def test_site_url_elsewhere_is_a_warning():
    messages = check_site_url(None)
    assert ids(messages) == ["museion.W002"]
    assert "http://127.0.0.1:8000" in messages[0].msg


@override_settings(SITE_URL="museion.example", ALLOWED_HOSTS=["museion.example"])
def test_site_url_without_scheme_is_a_warning():
    assert ids(check_site_url(None)) == ["museion.W002"]


@override_settings(
    SITE_URL="http://museion.example", ALLOWED_HOSTS=["museion.example"], SECURE_SSL_REDIRECT=True
)
def test_plain_http_site_url_behind_an_https_redirect_is_a_warning():
    assert ids(check_site_url(None)) == ["museion.W003"]
