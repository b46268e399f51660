import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from museion.redlists.models import Category, Measurement, ObjectType, RedList


@pytest.fixture
def category(db):
    red_list = RedList.objects.create(
        language="en", title="West Africa", slug="west-africa", region="West Africa"
    )
    return Category.objects.create(red_list=red_list, position=1, title="Archaeology")


def test_object_type_period_ending_before_it_starts_is_refused(category):
    object_type = ObjectType(category=category, title="Jar", period_start=200, period_end=-100)
    with pytest.raises(ValidationError) as error:
        object_type.full_clean()
    assert error.value.message_dict["period_end"] == ["The period must end after it starts."]
    with pytest.raises(IntegrityError):
        object_type.save()


def test_object_type_year_zero_is_refused(category):
    object_type = ObjectType(category=category, title="Jar", period_start=0, period_end=100)
    with pytest.raises(ValidationError) as error:
        object_type.full_clean()
    assert "There is no year 0" in error.value.message_dict["period_start"][0]


def test_object_type_bc_to_ad_period_is_accepted(category):
    object_type = ObjectType(category=category, title="Jar", period_start=-300, period_end=200)
    object_type.full_clean()


def test_measurement_weight_needs_a_weight_unit(category):
    object_type = ObjectType.objects.create(category=category, title="Coin")
    measurement = Measurement(
        object_type=object_type, dimension="weight", minimum=2, maximum=4, unit="cm"
    )
    with pytest.raises(ValidationError) as error:
        measurement.full_clean()
    assert error.value.message_dict["unit"] == ["This unit does not fit the dimension."]


def test_measurement_range_must_be_in_order(category):
    object_type = ObjectType.objects.create(category=category, title="Coin")
    with pytest.raises(IntegrityError):
        Measurement.objects.create(
            object_type=object_type, dimension="height", minimum=5, maximum=2, unit="cm"
        )
