"""The two real registries shipped under data/ (France's Muséofile, the US IMLS file), their
mappings, and the demo's sample of them."""

from pathlib import Path

import pytest

from museion.demo.directory import load_registry_samples
from museion.network.importer import import_museums
from museion.network.importer_mapping import MappingError, load_mapping
from museion.network.models import Museum

from .test_importer import write

DATA = Path(__file__).resolve().parents[2] / "data"
US_MAPPING = DATA / "mappings" / "us-imls.toml"
FR_MAPPING = DATA / "mappings" / "fr-museofile.toml"


def test_real_french_registry_imports_fully(db):
    report = import_museums(
        path=DATA / "museums-fr-museofile.csv", mapping=FR_MAPPING, skip_invalid=True
    )
    assert (report.created, len(report.rejected), len(report.warnings)) == (1220, 2, 3)
    assert [(error.line, error.values[2]) for error in report.rejected] == [
        (773, "M7042"),
        (774, "M7042"),
    ]
    briord = Museum.objects.get(external_id="fr-museofile:M0965")
    assert briord.name == "Musée de la société d'histoire et d'archéologie"
    assert briord.website == "https://patrimoines.ain.fr/n/musee-d-archeologie-de-briord/n:1165"
    assert (briord.city, briord.postcode, briord.timezone) == ("Briord", "01470", "Europe/Paris")
    assert briord.kind == "archaeology"
    reunion = Museum.objects.filter(postcode__startswith="974")
    assert {m.timezone for m in reunion} == {"Indian/Reunion"}
    assert set(Museum.objects.values_list("country", flat=True)) == {"FR"}
    assert Museum.objects.filter(latitude__isnull=True).count() == 0


def test_real_us_registry_imports_fully_and_reimports_unchanged(db):
    report = import_museums(
        path=DATA / "museums-us-imls.csv", mapping=US_MAPPING, skip_invalid=True
    )
    assert (report.created, len(report.rejected)) == (32935, 137)
    assert report.created + len(report.rejected) == 33072
    assert Museum.objects.count() == 32935
    assert Museum.objects.filter(latitude__isnull=True).count() == 62
    assert Museum.objects.values("slug").distinct().count() == 32935
    assert Museum.objects.get(name="Alaska Aviation Heritage Museum").kind == "history"
    again = import_museums(path=DATA / "museums-us-imls.csv", mapping=US_MAPPING, skip_invalid=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 32935)


def test_demo_samples_real_museums_and_stays_idempotent(db):
    first = load_registry_samples(size=5)
    assert first == (
        "Real museums from museums-fr-museofile.csv: 5 new, 0 already there.\n"
        "Real museums from museums-us-imls.csv: 5 new, 0 already there.\n"
    )
    assert load_registry_samples(size=5) == (
        "Real museums from museums-fr-museofile.csv: 0 new, 5 already there.\n"
        "Real museums from museums-us-imls.csv: 0 new, 5 already there.\n"
    )
    assert Museum.objects.filter(country="FR").count() == 5
    assert Museum.objects.filter(country="US").count() == 5
    assert Museum.objects.get(external_id="fr-museofile:M0965").languages == ["fr"]


def test_real_mappings_load():
    us, fr = load_mapping(US_MAPPING), load_mapping(FR_MAPPING)
    assert (us.id_prefix, us.country, us.id_column, len(us.id_derive_from)) == (
        "us-imls",
        "US",
        None,
        7,
    )
    assert (fr.id_prefix, fr.country, fr.id_column, fr.delimiter) == (
        "fr-museofile",
        "FR",
        "identifiant_museofile",
        ";",
    )
    assert fr.columns["address"] == ("adresse", "lieu")


def test_unknown_mapping_key_is_named(tmp_path):
    mapping = write(tmp_path, "bad.toml", 'contry = "FR"\n')
    with pytest.raises(MappingError) as caught:
        load_mapping(mapping)
    assert str(caught.value).startswith(f"Mapping {mapping}: unknown key “contry” in the mapping;")
