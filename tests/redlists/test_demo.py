"""The Red Lists demo: two lists in two languages each, pictures processed, loaded once."""

from museion.demo.redlists import load_redlists_demo, placeholder_picture
from museion.redlists.models import ListStatus, ObjectImage, ObjectType, RedList


def test_demo_loads_two_lists_in_two_languages_once(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = load_redlists_demo()
    assert message.startswith("Red Lists demo loaded: 4 lists")
    originals = RedList.objects.filter(original__isnull=True)
    assert {r.slug for r in originals} == {"sahel-demo", "andes-demo"}
    for original in originals:
        languages = {original.language} | {t.language for t in original.translations.all()}
        assert len(languages) == 2
    assert set(RedList.objects.values_list("status", flat=True)) == {ListStatus.PUBLISHED}
    assert all(r.pdf and r.pdf_version == r.version for r in RedList.objects.all())
    originals_types = ObjectType.objects.filter(original__isnull=True)
    assert originals_types.count() == 13
    assert ObjectImage.objects.count() == 26
    assert not ObjectImage.objects.filter(phash__isnull=True).exists()
    assert not ObjectImage.objects.filter(thumbnail="").exists()
    assert load_redlists_demo() == "The Red Lists demo is already there."
    assert RedList.objects.count() == 4 and ObjectImage.objects.count() == 26


def test_placeholder_pictures_differ_from_one_another():
    pictures = [placeholder_picture(seed).resize((16, 16)).tobytes() for seed in range(30)]
    assert len(set(pictures)) == 30
