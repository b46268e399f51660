"""Every list view runs a fixed number of queries, with one row or many."""

import pytest
from django.urls import reverse

from museion.redlists.models import Report

from .builders import make_list

MANY = (("A", ("a1", "a2", "a3")), ("B", ("b1", "b2")), ("C", ("c1", "c2", "c3")))


@pytest.fixture(params=["one", "many"])
def lists(request, db):
    if request.param == "one":
        return [make_list("only", categories=(("A", ("a1",)),))]
    return [make_list(f"l{n}", countries=["ML", "PE", "NE"][: n + 1], categories=MANY)
            for n in range(3)]  # fmt: skip


def test_index_queries(client, lists, django_assert_num_queries):
    with django_assert_num_queries(2):  # overview of all lists (+ once more for one country)
        assert client.get("/red-lists/?country=ML").status_code == 200


def test_list_page_queries(client, lists, django_assert_num_queries):
    with django_assert_num_queries(8):
        assert client.get(lists[0].get_absolute_url()).status_code == 200


def test_category_page_queries(client, lists, django_assert_num_queries):
    category = lists[0].categories.first()
    with django_assert_num_queries(6):
        assert client.get(category.get_absolute_url()).status_code == 200


def test_type_page_queries(client, lists, django_assert_num_queries):
    object_type = lists[0].categories.first().object_types.first()
    with django_assert_num_queries(7):
        assert client.get(object_type.get_absolute_url()).status_code == 200


def test_search_page_queries(client, lists, django_assert_num_queries):
    with django_assert_num_queries(4):  # facets, category names, count, page
        assert client.get("/red-lists/search/", {"q": "a", "country": "ML"}).status_code == 200


@pytest.mark.parametrize(
    ("url", "queries"),
    [("/api/v1/redlists/lists", 2), ("/api/v1/redlists/search?q=a", 3),
     ("/api/v1/redlists/lists/{slug}", 5), ("/api/v1/redlists/categories/{category}", 2)],
)  # fmt: skip
def test_api_queries(client, lists, django_assert_num_queries, url, queries):
    url = url.format(slug=lists[0].slug, category=lists[0].categories.first().pk)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_triage_list_queries(client, lists, staff_user, django_assert_num_queries):
    for number in range(3 if len(lists) > 1 else 1):
        Report.objects.create(description="d", where_seen=f"place {number}",
                              reporter_name="n", reporter_email="n@example.org")  # fmt: skip
    client.force_login(staff_user)
    with django_assert_num_queries(4):  # session, user, count, page
        assert client.get(reverse("redlists:triage")).status_code == 200


def test_cached_pages_follow_changes_to_the_lists(client, lists, django_assert_num_queries):
    category = lists[0].categories.first()
    client.get("/red-lists/")
    client.get(category.get_absolute_url())
    with django_assert_num_queries(0):
        assert client.get("/red-lists/").status_code == 200
    make_list("late-list", countries=["BR"], categories=(("Z", ("Feather headdress",)),))
    object_type = category.object_types.first()
    object_type.title = "Renamed type"
    object_type.save()
    assert "Red List late-list" in client.get("/red-lists/").content.decode()
    assert "Renamed type" in client.get(category.get_absolute_url()).content.decode()
