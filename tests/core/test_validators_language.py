import pytest

from museion.core.validators import canonical_language, language_choices, validate_language


def test_every_offered_language_is_accepted():
    for code, _name in language_choices():
        validate_language(code)


@pytest.mark.parametrize(
    "raw,canonical",
    [
        ("pt-br", "pt-BR"),
        ("PT_br", "pt-BR"),
        ("zh-hans", "zh-Hans"),
        ("FR", "fr"),
        ("es-419", "es-419"),
    ],
)
def test_language_codes_take_their_bcp47_casing(raw, canonical):
    assert canonical_language(raw) == canonical
