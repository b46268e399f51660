"""Search across published lists: words (accent-blind), country, language, material, period."""

import pytest

from museion.redlists.models import ListStatus, ObjectType
from museion.redlists.search import RedListSearchForm, parse_year, search_results

from .builders import make_list


def titles(params: dict) -> list[str]:
    form = RedListSearchForm(params, languages=[("en", "English"), ("fr", "français")])
    assert form.is_valid(), form.errors
    return sorted(search_results(form).values_list("title", flat=True))


@pytest.fixture
def lists(db):
    sahel = make_list("sahel", countries=["ML", "NE"], pictures=False)
    andes = make_list(
        "andes",
        countries=["PE"],
        categories=(("Religious art", ("Silver monstrance", "Bronze knife")),),
        pictures=False,
    )
    ObjectType.objects.filter(title="Silver monstrance").update(
        materials="Silver", period_start=1700, period_end=1850, description="Repoussé silver"
    )
    ObjectType.objects.filter(title="Terracotta figurine").update(
        period_start=-500, period_end=-200, description="Figurine modelée à la main"
    )
    make_list(
        "sahel-fr",
        language="fr",
        original=sahel,
        countries=["ML", "NE"],
        categories=(("Archéologie", ("Bracelet en bronze",)),),
        pictures=False,
    )
    make_list("draft", status=ListStatus.DRAFT, categories=(("X", ("Bronze draft",)),))
    return sahel, andes


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("450 BC", -450),
        ("-450", -450),
        ("450 av. J.-C.", -450),
        ("300", 300),
        ("AD 300", 300),
        ("300 d. C.", 300),
        (" 1200 CE ", 1200),
    ],
)
def test_parse_year_reads_bc_and_ad(text, year):
    assert parse_year(text) == year


@pytest.mark.parametrize("text", ["0", "soon", "12 parsecs", "99999", "-0"])
def test_parse_year_refuses_what_is_not_a_year(text):
    with pytest.raises(ValueError):
        parse_year(text)


def test_search_words_find_published_types_only(lists):
    assert titles({"q": "bronze"}) == ["Bracelet en bronze", "Bronze bracelet", "Bronze knife"]


def test_search_is_accent_blind_and_prefix_matches(lists):
    assert titles({"q": "modelee"}) == ["Terracotta figurine"]
    assert titles({"q": "repousse silv"}) == ["Silver monstrance"]


def test_search_by_country_covered(lists):
    assert titles({"q": "bronze", "country": "ML"}) == ["Bracelet en bronze", "Bronze bracelet"]
    assert titles({"country": "PE"}) == ["Bronze knife", "Silver monstrance"]


def test_search_by_language(lists):
    assert titles({"language": "fr"}) == ["Bracelet en bronze"]


def test_search_by_material(lists):
    assert titles({"material": "silver"}) == ["Silver monstrance"]


def test_search_period_overlap_across_bc_and_ad(lists):
    # Terracotta: 500–200 BC; bronze types: 300 BC – AD 200; silver: 1700–1850.
    assert titles({"year_from": "600 BC", "year_to": "400 BC"}) == ["Terracotta figurine"]
    assert titles({"year_from": "100 BC", "year_to": "AD 100"}) == [
        "Bracelet en bronze",
        "Bronze bracelet",
        "Bronze knife",
    ]
    assert titles({"year_from": "250 BC", "year_to": "250 BC"}) == [
        "Bracelet en bronze",
        "Bronze bracelet",
        "Bronze knife",
        "Terracotta figurine",
    ]
    assert titles({"year_from": "AD 300"}) == ["Silver monstrance"]
    assert titles({"year_to": "250 BC"}) == [
        "Bracelet en bronze",
        "Bronze bracelet",
        "Bronze knife",
        "Terracotta figurine",
    ]
    assert titles({"year_from": "AD 1000", "year_to": "AD 1600"}) == []


def test_search_period_that_ends_before_it_starts_is_an_error(lists):
    form = RedListSearchForm({"year_from": "AD 100", "year_to": "100 BC"})
    assert not form.is_valid()
    assert form.errors["year_to"] == ["The period must end after it starts."]


def test_search_page_shows_results_with_list_and_category_number(client, lists):
    response = client.get("/red-lists/search/", {"q": "bronze", "country": "PE"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bronze knife" in html and "category 1" in html and "Red List andes" in html
    assert "Bronze bracelet" not in html


@pytest.mark.parametrize(
    "params", [{"country": "XX"}, {"year_from": "soon"}, {"q": "x" * 201}, {"page": "-1", "q": "a"}]
)
def test_search_page_bad_input_is_a_400_with_a_message(client, lists, params):
    response = client.get("/red-lists/search/", params)
    assert response.status_code == 400


def test_search_page_beyond_the_last_is_a_404(client, lists):
    assert client.get("/red-lists/search/", {"q": "bronze", "page": 9}).status_code == 404
