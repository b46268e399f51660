"""Registries as they are published: JSON (a list under a key, or an object keyed by id), GeoJSON,
nested fields, one coordinate column, values taken out of another field, several values in one
field, ids a registry retires, museums it drops, and likely duplicates."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from museion.network.importer import import_museums
from museion.network.models import Museum

from ..factories import MuseumFactory

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, name: str, content) -> Path:
    path = tmp_path / name
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


NESTED = {
    "meta": {"source": "Test registry", "licence": "CC0"},
    "data": {
        "museums": [
            {
                "ref": "A1",
                "title": "Musée Carnavalet",
                "gps": {"lat": 48.8575, "lon": 2.3625},
                "addr": {"street": "23 rue de Sévigné", "city": "Paris", "zip": "75003"},
                "langs": ["fr", "en", "xx-not-a-language"],
                "web": "www.carnavalet.paris.fr",
            },
            {
                "ref": "A2",
                "title": "Musée des Beaux-Arts",
                "gps": {"lat": 45.7670, "lon": 4.8336},
                "addr": {"street": "20 place des Terreaux", "city": "Lyon", "zip": "69001"},
                "langs": [],
            },
        ]
    },
}
NESTED_MAPPING = """
country = "FR"
records = "data.museums"
languages = ["fr"]
[columns]
name = "title"
address = "addr.street"
city = "addr.city"
postcode = "addr.zip"
latitude = "gps.lat"
longitude = "gps.lon"
languages = "langs"
website = "web"
[external_id]
prefix = "t-json"
column = "ref"
"""


def test_json_list_under_a_key_with_nested_fields(db, tmp_path):
    report = import_museums(
        path=write(tmp_path, "registry.json", NESTED),
        mapping=write(tmp_path, "m.toml", NESTED_MAPPING),
    )
    assert (report.created, report.rejected) == (2, [])
    carnavalet = Museum.objects.get(external_id="t-json:A1")
    assert carnavalet.name == "Musée Carnavalet"
    assert (carnavalet.address, carnavalet.postcode, carnavalet.city) == (
        "23 rue de Sévigné",
        "75003",
        "Paris",
    )
    assert (carnavalet.latitude, carnavalet.longitude) == (48.8575, 2.3625)
    assert carnavalet.languages == ["fr", "en"]
    assert carnavalet.website == "https://www.carnavalet.paris.fr"
    assert carnavalet.timezone == "Europe/Paris"
    assert Museum.objects.get(external_id="t-json:A2").languages == ["fr"]  # the mapping's default
    assert any("“xx-not-a-language” is not a language code" in w for w in report.warnings)


KEYED_MAPPING = """
country = "FR"
records = "museums"
aliases = "retiredIds"
[columns]
name = "name"
address = "address"
[coordinates]
column = "location"
[extract]
postcode = {column = "address", pattern = '\\b(\\d{5})\\b'}
city = {column = "address", pattern = '\\d{5}\\s+(.+)$'}
[external_id]
prefix = "t-keyed"
column = "@key"
"""


def keyed(museums: dict, retired: dict | None = None) -> dict:
    return {"museums": museums, "retiredIds": retired or {}}


def test_json_object_keyed_by_id_with_one_coordinate_column_and_extracted_fields(db, tmp_path):
    registry = keyed(
        {
            "M1": {
                "name": "Musée de la Chasse",
                "location": "48.8617, 2.3580",
                "address": "62 rue des Archives 75003 Paris",
            },
            "M2": {
                "name": "Musée Cognacq-Jay",
                "location": "48.8585;2.3610",
                "address": "8 rue Elzévir 75003 Paris",
            },
        }
    )
    report = import_museums(
        path=write(tmp_path, "keyed.json", registry),
        mapping=write(tmp_path, "m.toml", KEYED_MAPPING),
    )
    assert report.created == 2
    chasse = Museum.objects.get(external_id="t-keyed:M1")
    assert (chasse.postcode, chasse.city) == ("75003", "Paris")
    assert (chasse.latitude, chasse.longitude) == (48.8617, 2.3580)
    assert Museum.objects.get(external_id="t-keyed:M2").longitude == 2.3610


def test_a_retired_id_mapped_to_a_new_one_updates_the_same_museum(db, tmp_path):
    mapping = write(tmp_path, "m.toml", KEYED_MAPPING)
    first = {"name": "Musée Nissim de Camondo", "location": "48.8787,2.3123", "address": ""}
    import_museums(path=write(tmp_path, "v1.json", keyed({"M7": first})), mapping=mapping)
    museum = Museum.objects.get(external_id="t-keyed:M7")

    renamed = {**first, "name": "Musée Nissim-de-Camondo"}
    report = import_museums(
        path=write(tmp_path, "v2.json", keyed({"M70": renamed}, retired={"M7": "M70"})),
        mapping=mapping,
    )

    assert (report.renamed, report.created, report.updated) == (1, 0, 1)
    museum.refresh_from_db()
    assert museum.external_id == "t-keyed:M70"
    assert museum.name == "Musée Nissim-de-Camondo"
    assert Museum.objects.filter(external_id__startswith="t-keyed:").count() == 1
    assert report.missing == []


def test_a_retired_id_whose_new_id_exists_too_is_a_warning_not_a_merge(db, tmp_path):
    mapping = write(tmp_path, "m.toml", KEYED_MAPPING)
    one = {"name": "Musée A", "location": "48.1,2.1", "address": ""}
    two = {"name": "Musée B", "location": "48.2,2.2", "address": ""}
    import_museums(path=write(tmp_path, "v1.json", keyed({"M1": one, "M2": two})), mapping=mapping)
    report = import_museums(
        path=write(tmp_path, "v2.json", keyed({"M1": one, "M2": two}, retired={"M1": "M2"})),
        mapping=mapping,
    )
    assert report.renamed == 0
    assert "t-keyed:M1 was replaced by t-keyed:M2, but both are in the directory" in "".join(
        report.warnings
    )
    assert Museum.objects.filter(external_id__startswith="t-keyed:").count() == 2


GEOJSON = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "id": "G1",
            "geometry": {"type": "Point", "coordinates": [-4.4861, 48.3904]},
            "properties": {"nom": "Musée des Beaux-Arts de Brest", "ville": "Brest", "l": "fr;br"},
        },
        {
            "type": "Feature",
            "id": "G2",
            "geometry": {"type": "Point", "coordinates": [-1.5536, 47.2184]},
            "properties": {"nom": "Musée d'arts de Nantes", "ville": "Nantes", "l": "fr"},
        },
    ],
}
GEOJSON_MAPPING = """
country = "FR"
separator = ";"
[columns]
name = "nom"
city = "ville"
languages = "l"
[external_id]
prefix = "t-geo"
column = "@id"
"""


def test_geojson_points_become_coordinates_and_properties_columns(db, tmp_path):
    report = import_museums(
        path=write(tmp_path, "museums.geojson", GEOJSON),
        mapping=write(tmp_path, "m.toml", GEOJSON_MAPPING),
    )
    assert report.created == 2
    brest = Museum.objects.get(external_id="t-geo:G1")
    assert (brest.latitude, brest.longitude) == (48.3904, -4.4861)
    assert brest.city == "Brest"
    assert brest.languages == ["fr", "br"]


def test_csv_with_a_wkt_point_column(db, tmp_path):
    mapping = write(
        tmp_path,
        "m.toml",
        'country = "DK"\n[columns]\nname = "Name"\ncity = "City"\n'
        '[coordinates]\ncolumn = "geom"\n[external_id]\nprefix = "t-wkt"\ncolumn = "Id"\n',
    )
    path = write(
        tmp_path,
        "dk.csv",
        "Id,Name,City,geom\n1,Arken,Ishøj,POINT(12.3590 55.6054)\n2,Louisiana,Humlebæk,\n",
    )
    report = import_museums(path=path, mapping=mapping)
    assert report.created == 2
    arken = Museum.objects.get(external_id="t-wkt:1")
    assert (arken.latitude, arken.longitude) == (55.6054, 12.3590)
    assert Museum.objects.get(external_id="t-wkt:2").latitude is None


def test_unreadable_coordinates_reject_the_row_with_a_reason(db, tmp_path):
    registry = keyed({"M1": {"name": "Musée X", "location": "north of the river", "address": ""}})
    with pytest.raises(CommandError) as error:
        call_command(
            "import_museums",
            str(write(tmp_path, "bad.json", registry)),
            mapping=str(write(tmp_path, "m.toml", KEYED_MAPPING)),
        )
    assert "record 1: the coordinates “north of the river” are not two numbers." in str(error.value)
    assert not Museum.objects.exists()


def registry_of(*names: str) -> dict:
    return keyed(
        {
            f"M{n}": {"name": name, "location": f"48.{n},2.{n}", "address": ""}
            for n, name in enumerate(names, 1)
        }
    )


def test_museums_dropped_by_the_registry_are_reported_then_deactivated_never_deleted(
    db, tmp_path, client
):
    mapping = write(tmp_path, "m.toml", KEYED_MAPPING)
    full = write(tmp_path, "v1.json", registry_of("Musée Un", "Musée Deux", "Musée Trois"))
    import_museums(path=full, mapping=mapping)
    shorter = write(tmp_path, "v2.json", registry_of("Musée Un", "Musée Deux"))

    report = import_museums(path=shorter, mapping=mapping)
    assert report.missing == ["Musée Trois (t-keyed:M3)"]
    assert Museum.objects.get(external_id="t-keyed:M3").is_active

    report = import_museums(path=shorter, mapping=mapping, deactivate_missing=True)
    assert report.deactivated == 1
    dropped = Museum.objects.get(external_id="t-keyed:M3")
    assert not dropped.is_active
    assert "Musée Trois" not in client.get("/museums/", {"q": "Musée"}).text
    page = client.get(dropped.get_absolute_url())
    assert page.status_code == 200
    assert "no longer listed in the registry" in page.text

    import_museums(path=full, mapping=mapping)
    assert Museum.objects.get(external_id="t-keyed:M3").is_active


def test_the_command_lists_the_museums_no_longer_in_the_file(db, tmp_path, capsys):
    mapping = write(tmp_path, "m.toml", KEYED_MAPPING)
    import_museums(
        path=write(tmp_path, "v1.json", registry_of("Musée Un", "Musée Deux")), mapping=mapping
    )
    call_command(
        "import_museums",
        str(write(tmp_path, "v2.json", registry_of("Musée Un"))),
        mapping=str(mapping),
        deactivate_missing=True,
    )
    out = capsys.readouterr().out
    assert "1 museum no longer in the file was marked inactive:" in out
    assert "  Musée Deux (t-keyed:M2)" in out


def test_likely_duplicates_are_warned_about(db, tmp_path):
    MuseumFactory(name="Musée Un", city="", external_id="other:1")
    twice = keyed(
        {
            "M1": {"name": "Musée Un", "location": "48.1,2.1", "address": ""},
            "M2": {"name": "Musée Deux", "location": "48.2,2.2", "address": ""},
            "M3": {"name": "musée  deux", "location": "48.20004,2.20004", "address": ""},
        }
    )
    report = import_museums(
        path=write(tmp_path, "dup.json", twice), mapping=write(tmp_path, "m.toml", KEYED_MAPPING)
    )
    assert report.created == 3
    assert (
        "record 2, record 3: “Musée Deux” looks listed twice (same name and city)."
        in report.warnings
    )
    assert (
        "record 1: “Musée Un” may be the museum already in the directory as other:1."
        in report.warnings
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON: Expecting property name enclosed in double quotes"),
        ({"other": []}, "has nothing at “museums”, where the mapping looks for the museums."),
        (
            {"museums": "none"},
            "“museums” holds neither a list of museums nor an object keyed by id",
        ),
        ({"museums": {"M1": "Musée"}}, "the museum “M1” is not an object of fields."),
    ],
)
def test_malformed_json_registries_get_a_clear_message(db, tmp_path, content, message):
    with pytest.raises(CommandError) as error:
        call_command(
            "import_museums",
            str(write(tmp_path, "bad.json", content)),
            mapping=str(write(tmp_path, "m.toml", KEYED_MAPPING)),
        )
    assert message in str(error.value)
    assert not Museum.objects.exists()


def test_the_import_command_runs_as_the_readme_writes_it_without_setting_debug(tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    environment["MUSEION_VAR_DIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "manage.py", "import_museums", "--help"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "--deactivate-missing" in done.stdout
