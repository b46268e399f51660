"""Editor pages: edit, order, publish, withdraw, translate; changes to a published list logged."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from museion.redlists.models import ChangeRecord, ListStatus, ObjectType, RedList
from museion.redlists.services import create_translation, publish_red_list

from .builders import make_list, upload


def test_editing_a_published_list_is_recorded(client, red_list, list_editor):
    client.force_login(list_editor)
    response = client.post(
        reverse("redlists:edit_list", args=[red_list.pk]),
        {
            "title": "West Africa, revised",
            "region": "West Africa",
            "countries": ["ML", "NE"],
            "introduction": "New introduction.",
        },
    )
    assert response.status_code == 302
    record = ChangeRecord.objects.get(red_list=red_list, action="edit")
    assert record.user == list_editor
    assert record.fields == ["introduction", "region", "title"]
    log = client.get(reverse("redlists:changes", args=[red_list.pk])).content.decode()
    assert "list-editor" in log and "introduction, region, title" in log


def test_editing_a_draft_is_not_logged(client, list_editor):
    draft = make_list("draft-a", status=ListStatus.DRAFT, pictures=False)
    draft.editors.add(list_editor)
    client.force_login(list_editor)
    client.post(
        reverse("redlists:edit_list", args=[draft.pk]),
        {"title": "Draft B", "region": "R", "countries": ["ML"]},
    )
    assert RedList.objects.get(pk=draft.pk).title == "Draft B"
    assert not ChangeRecord.objects.exists()


def test_unknown_country_code_is_refused(client, red_list, list_editor):
    client.force_login(list_editor)
    response = client.post(
        reverse("redlists:edit_list", args=[red_list.pk]),
        {"title": "T", "region": "R", "countries": ["ZZ"]},
    )
    assert response.status_code == 400
    assert "countries" in response.context["form"].errors
    assert RedList.objects.get(pk=red_list.pk).title == "Red List west-africa"


def test_type_form_reads_bc_years_and_refuses_a_backwards_period(client, red_list, list_editor):
    object_type = red_list.categories.first().object_types.first()
    client.force_login(list_editor)
    url = reverse("redlists:edit_type", kwargs={"object_type": object_type.pk})
    base = {"title": "Figurine", "m-TOTAL_FORMS": "0", "m-INITIAL_FORMS": "0"}
    bad = client.post(url, {**base, "period_start": "AD 100", "period_end": "200 BC"})
    assert bad.status_code == 400
    assert bad.context["form"].errors["period_end"] == ["The period must end after it starts."]
    good = client.post(
        url,
        {**base, "period_start": "450 BC", "period_end": "AD 100", "period_name": "Late Iron Age"},
    )
    assert good.status_code == 302
    object_type.refresh_from_db()
    assert (object_type.period_start, object_type.period_end) == (-450, 100)


def test_measurement_ranges_saved_and_checked(client, red_list, list_editor):
    object_type = red_list.categories.first().object_types.first()
    client.force_login(list_editor)
    url = reverse("redlists:edit_type", kwargs={"object_type": object_type.pk})
    rows = {
        "m-TOTAL_FORMS": "1",
        "m-INITIAL_FORMS": "0",
        "m-0-dimension": "weight",
        "m-0-minimum": "5",
        "m-0-maximum": "2",
        "m-0-unit": "g",
    }
    assert client.post(url, {"title": "Fig", **rows}).status_code == 400
    rows["m-0-maximum"] = "9"
    assert client.post(url, {"title": "Fig", **rows}).status_code == 302
    assert [(m.dimension, m.unit) for m in object_type.measurements.all()] == [("weight", "g")]


def test_reordering_categories_renumbers_them(client, list_editor):
    red_list = make_list(
        "order", categories=(("A", ("a",)), ("B", ("b",)), ("C", ("c",))), pictures=False
    )
    red_list.editors.add(list_editor)
    client.force_login(list_editor)
    c = red_list.categories.get(title="C")
    client.post(reverse("redlists:move", args=["category", c.pk, "up"]))
    client.post(reverse("redlists:move", args=["category", c.pk, "up"]))
    client.post(reverse("redlists:move", args=["category", c.pk, "up"]))  # already first
    order = list(red_list.categories.order_by("position").values_list("title", "position"))
    assert order == [("C", 1), ("A", 2), ("B", 3)]
    assert ChangeRecord.objects.filter(action="reorder").count() == 2


def test_image_needs_alt_text_and_a_real_picture(client, red_list, list_editor):
    object_type = red_list.categories.first().object_types.first()
    client.force_login(list_editor)
    url = reverse("redlists:add_image", args=[object_type.pk])
    data = {"caption_object": "Figurine", "credit": "© Museum", "alt_text": "  "}
    response = client.post(url, {**data, "image": upload()})
    assert response.status_code == 400
    assert "alt_text" in response.context["image_form"].errors
    data["alt_text"] = "Seated figurine"
    response = client.post(url, {**data, "image": upload("x.png", fmt="PNG")})
    assert response.status_code == 302
    assert object_type.images.count() == 3


def test_publish_needs_categories_types_and_pictures(staff_user):
    empty = make_list("empty", status=ListStatus.DRAFT, categories=(), pictures=False)
    with pytest.raises(ValidationError) as error:
        publish_red_list(red_list=empty, user=staff_user)
    assert error.value.messages == ["A list needs at least one category."]
    bare = make_list(
        "bare", status=ListStatus.DRAFT, pictures=False, categories=(("Coins", ("Cob coin",)),)
    )
    with pytest.raises(ValidationError) as error:
        publish_red_list(red_list=bare, user=staff_user)
    assert error.value.messages == ["“Cob coin” needs at least 2 pictures."]


def test_withdrawing_needs_a_reason_and_is_recorded(client, red_list, list_editor):
    client.force_login(list_editor)
    url = reverse("redlists:withdraw", args=[red_list.pk])
    client.post(url, {"reason": ""})
    assert RedList.objects.get(pk=red_list.pk).status == ListStatus.PUBLISHED
    client.post(url, {"reason": "Superseded by the 2027 edition."})
    red_list.refresh_from_db()
    assert red_list.status == ListStatus.WITHDRAWN
    assert ChangeRecord.objects.filter(action="withdraw", user=list_editor).exists()


def test_translation_copies_structure_and_shares_pictures(client, red_list, list_editor):
    copy = create_translation(
        red_list=red_list, user=list_editor, language="fr", slug="west-africa-fr"
    )
    assert copy.status == ListStatus.DRAFT and copy.original == red_list
    types = ObjectType.objects.filter(category__red_list=copy)
    assert [t.original.title for t in types] == ["Terracotta figurine", "Bronze bracelet"]
    with pytest.raises(ValidationError):
        create_translation(red_list=red_list, user=list_editor, language="fr", slug="again")
    ObjectType.objects.filter(pk=types[0].pk).update(title="Figurine en terre cuite")
    publish_red_list(red_list=copy, user=list_editor)
    page = client.get(types[0].get_absolute_url()).content.decode()
    assert "Figurine en terre cuite" in page and "seen from the front" in page
    original_page = client.get(types[0].original.get_absolute_url()).content.decode()
    assert f'href="{types[0].get_absolute_url()}" hreflang="fr"' in original_page


def test_html_in_list_texts_is_escaped(client, red_list):
    RedList.objects.filter(pk=red_list.pk).update(
        introduction='<img src=x onerror="alert(1)"> Intro', title="<b>List</b>"
    )
    html = client.get(red_list.get_absolute_url()).content.decode()
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert "<b>List</b>" not in html


def test_admin_edit_of_a_published_list_is_recorded(client, red_list, staff_user):
    staff_user.is_superuser = True
    staff_user.save()
    client.force_login(staff_user)
    object_type = red_list.categories.first().object_types.first()
    url = f"/admin/redlists/objecttype/{object_type.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(
        category=object_type.category_id,
        title="Seated figurine",
        position=1,
        period_start=-300,
        period_end=200,
        cross_references=[],
        **{
            f"{prefix}-{key}": value
            for prefix in ("measurements", "images")
            for key, value in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0))
        },
    )
    data["measurements-TOTAL_FORMS"] = data["measurements-INITIAL_FORMS"] = 1
    measurement = object_type.measurements.get()
    data.update(
        {
            "measurements-0-id": measurement.pk,
            "measurements-0-object_type": object_type.pk,
            "measurements-0-dimension": "height",
            "measurements-0-minimum": "10",
            "measurements-0-maximum": "25",
            "measurements-0-unit": "cm",
        }
    )
    data["images-TOTAL_FORMS"] = data["images-INITIAL_FORMS"] = 2
    for index, image in enumerate(object_type.images.all()):
        data.update(
            {
                f"images-{index}-id": image.pk,
                f"images-{index}-object_type": object_type.pk,
                f"images-{index}-caption_object": image.caption_object,
                f"images-{index}-credit": image.credit,
                f"images-{index}-alt_text": image.alt_text,
                f"images-{index}-position": image.position,
            }
        )
    response = client.post(url, {k: v for k, v in data.items() if v is not None})
    assert response.status_code == 302, response.context["errors"]
    fields = sorted(f for r in ChangeRecord.objects.filter(red_list=red_list) for f in r.fields)
    assert fields == ["measurement: maximum", "title"]
    assert ChangeRecord.objects.filter(user=staff_user, action="edit (admin)").count() == 2
