"""The full-text backend, on whichever database runs the tests (SQLite FTS5 or PostgreSQL)."""

import pytest

from museion.core.search import MAX_TERMS, search_filter, terms
from museion.museumday.models import Activity

from ..factories import ActivityFactory

FIELDS = ["title", "description"]


def found(text: str) -> list[str]:
    return sorted(
        search_filter(Activity.objects.all(), FIELDS, text).values_list("title", flat=True)
    )


@pytest.fixture
def rows(db):
    ActivityFactory(title="Nuit au musée", description="Visite aux chandelles")
    ActivityFactory(title="Atelier d'été", description="Peinture en plein air")
    ActivityFactory(title="Museum night", description="Late opening")


def test_terms_are_words_only_and_at_most_twelve():
    assert terms('"nuit" NEAR(musée*) -x') == ["nuit", "NEAR", "musée", "x"]
    assert len(terms("w " * 50)) == MAX_TERMS


def test_search_is_insensitive_to_accents_case_and_field(rows):
    assert found("MUSEE") == ["Nuit au musée"]
    assert found("ete") == ["Atelier d'été"]
    assert found("chandelles") == ["Nuit au musée"]


def test_last_word_is_a_prefix_earlier_words_are_whole(rows):
    assert found("mus") == ["Museum night", "Nuit au musée"]
    assert found("nuit mus") == ["Nuit au musée"]
    assert found("nui musee") == []


def test_text_without_words_does_not_filter(rows):
    assert found('"*()-') == ["Atelier d'été", "Museum night", "Nuit au musée"]


def test_search_follows_updates_and_deletions(rows):
    activity = Activity.objects.get(title="Museum night")
    activity.title = "Sculpture garden"
    activity.save()
    assert found("museum") == []
    assert found("sculpture") == ["Sculpture garden"]
    activity.delete()
    assert found("sculpture") == []
