"""The museum registry importer: mappings, row checks, all-or-nothing, re-runs, real files."""

import csv
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from museion.network.importer import InvalidRowsError, import_museums, validate_rows
from museion.network.importer_mapping import load_mapping
from museion.network.models import Museum

DATA = Path(__file__).resolve().parents[2] / "data"
US_MAPPING = DATA / "mappings" / "us-imls.toml"
FR_MAPPING = DATA / "mappings" / "fr-museofile.toml"

MAPPING = """
country = "US"
[columns]
name = "Name"
kind = "Type"
address = "Street"
city = "City"
postcode = "Zip"
latitude = "Lat"
longitude = "Lon"
website = "Web"
[external_id]
prefix = "test"
column = "Id"
[kind.values]
"ART MUSEUM" = "art"
"HISTORY MUSEUM" = "history"
[cleaning]
title_case = ["name", "address", "city"]
postcode_digits = 5
"""
HEADER = "Id,Name,Type,Street,City,Zip,Lat,Lon,Web\n"
GOOD_ROWS = (
    "A1,SEATTLE ART MUSEUM,ART MUSEUM,1300 1ST AVENUE,SEATTLE,98101,47.6073,-122.3381,"
    "seattleartmuseum.org\n"
    "A2,MCCORMICK BRIDGEHOUSE & CHICAGO RIVER MUSEUM,HISTORY MUSEUM,376 N MICHIGAN AVE,"
    "CHICAGO,60601,41.8887,-87.6237,\n"
    "A3,NEW HAVEN MUSEUM,HISTORY MUSEUM,114 WHITNEY AVE,NEW HAVEN,6510,,,\n"
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def mapping(tmp_path) -> Path:
    return write(tmp_path, "mapping.toml", MAPPING)


def command(path: Path, mapping: Path, *args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_museums", str(path), "--mapping", str(mapping), *args, stdout=out)
    return out.getvalue()


def command_error(path: Path, mapping: Path, *args: str) -> str:
    with pytest.raises(CommandError) as caught:
        command(path, mapping, *args)
    return str(caught.value)


def test_import_creates_museums_with_tidied_values(db, tmp_path, mapping):
    report = import_museums(path=write(tmp_path, "m.csv", HEADER + GOOD_ROWS), mapping=mapping)
    assert (report.created, report.updated, report.unchanged, report.rejected) == (3, 0, 0, [])
    seattle = Museum.objects.get(external_id="test:A1")
    assert seattle.name == "Seattle Art Museum"
    assert seattle.address == "1300 1st Avenue"
    assert seattle.city == "Seattle"
    assert seattle.kind == "art"
    assert seattle.country.code == "US"
    assert seattle.website == "https://seattleartmuseum.org"
    assert (seattle.latitude, seattle.longitude) == (47.6073, -122.3381)
    assert seattle.slug.startswith("seattle-art-museum-")
    assert len(seattle.slug) == len("seattle-art-museum-") + 8
    chicago = Museum.objects.get(external_id="test:A2")
    assert chicago.name == "McCormick Bridgehouse & Chicago River Museum"
    assert (chicago.address, chicago.kind) == ("376 N Michigan Ave", "history")
    assert chicago.timezone == "America/Chicago"
    new_haven = Museum.objects.get(external_id="test:A3")
    assert new_haven.postcode == "06510"
    assert (new_haven.latitude, new_haven.longitude) == (None, None)
    assert new_haven.timezone == "America/New_York"


def test_any_bad_row_imports_nothing_and_names_its_line(db, tmp_path, mapping):
    bad = "B1,,ART MUSEUM,,,,,,\n"
    path = write(tmp_path, "m.csv", HEADER + GOOD_ROWS + bad)
    message = command_error(path, mapping)
    assert Museum.objects.count() == 0
    assert message.splitlines() == [
        f"1 row of {path} cannot be imported, so nothing was imported.",
        "Fix them, or re-run with --skip-invalid to import the 3 valid rows and write the "
        "others to a CSV file.",
        "  line 5: the name is missing.",
    ]


def test_skip_invalid_imports_good_rows_and_writes_rejected_ones(db, tmp_path, mapping):
    bad = "B1,ODD MUSEUM,ART MUSEUM,,,,95,10,\n"
    path = write(tmp_path, "m.csv", HEADER + bad + GOOD_ROWS)
    output = command(path, mapping, "--skip-invalid")
    assert Museum.objects.count() == 3
    rejected = tmp_path / "m.rejected.csv"
    assert "created 3, updated 0, unchanged 0, rejected 1, warnings 0" in output
    assert f"The rejected rows, with their line and reason, are in {rejected}." in output
    with rejected.open(encoding="utf-8", newline="") as file:
        assert list(csv.reader(file)) == [
            ["line", "reason", "Id", "Name", "Type", "Street", "City", "Zip", "Lat", "Lon", "Web"],
            [
                "2",
                "latitude 95 is out of range (−90 to 90).",
                *["B1", "ODD MUSEUM", "ART MUSEUM", "", "", "", "95", "10", ""],
            ],
        ]


def test_skip_invalid_writes_the_rejected_file_where_asked(db, tmp_path, mapping):
    path = write(tmp_path, "m.csv", HEADER + "B1,,ART MUSEUM,,,,,,\n" + GOOD_ROWS)
    command(path, mapping, "--skip-invalid", "--rejected", str(tmp_path / "out.csv"))
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()[1] == (
        "2,the name is missing.,B1,,ART MUSEUM,,,,,,"
    )
    assert not (tmp_path / "m.rejected.csv").exists()


def test_unwritable_rejected_file_stops_before_importing(db, tmp_path, mapping):
    path = write(tmp_path, "m.csv", HEADER + "B1,,ART MUSEUM,,,,,,\n" + GOOD_ROWS)
    target = tmp_path / "missing-dir" / "out.csv"
    message = command_error(path, mapping, "--skip-invalid", "--rejected", str(target))
    assert message == f"Cannot write the rejected rows to {target}: No such file or directory."
    assert Museum.objects.count() == 0


def test_rejected_rows_never_overwrite_the_input(db, tmp_path, mapping):
    path = write(tmp_path, "m.csv", HEADER + "B1,,ART MUSEUM,,,,,,\n" + GOOD_ROWS)
    message = command_error(path, mapping, "--skip-invalid", "--rejected", str(path))
    assert message == f"The rejected rows cannot overwrite the file being imported, {path}."
    assert path.read_text(encoding="utf-8").startswith(HEADER)


def test_rejected_option_needs_skip_invalid(db, tmp_path, mapping):
    path = write(tmp_path, "m.csv", HEADER + GOOD_ROWS)
    message = command_error(path, mapping, "--rejected", str(tmp_path / "out.csv"))
    assert message == "--rejected is only used with --skip-invalid."


def test_rerun_updates_changed_museums_and_creates_no_duplicates(db, tmp_path, mapping):
    path = write(tmp_path, "m.csv", HEADER + GOOD_ROWS)
    import_museums(path=path, mapping=mapping)
    before = {m.external_id: m for m in Museum.objects.all()}
    changed = GOOD_ROWS.replace("1300 1ST AVENUE,SEATTLE,", "1300 FIRST AVENUE,,")
    path.write_text(HEADER + changed)
    report = import_museums(path=path, mapping=mapping)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    assert Museum.objects.count() == 3
    seattle = Museum.objects.get(external_id="test:A1")
    assert (seattle.address, seattle.city) == ("1300 First Avenue", "")
    assert (seattle.country.code, seattle.latitude, seattle.kind) == ("US", 47.6073, "art")
    assert seattle.slug == before["test:A1"].slug
    assert seattle.updated_at > before["test:A1"].updated_at
    chicago = Museum.objects.get(external_id="test:A2")
    assert chicago.updated_at == before["test:A2"].updated_at


def test_rerun_keeps_what_editors_added(db, tmp_path, mapping):
    path = write(tmp_path, "m.csv", HEADER + GOOD_ROWS)
    import_museums(path=path, mapping=mapping)
    Museum.objects.filter(external_id="test:A1").update(languages=["en", "es"])
    import_museums(path=path, mapping=mapping)
    assert Museum.objects.get(external_id="test:A1").languages == ["en", "es"]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("C1,,ART MUSEUM,,,,1,2,", "the name is missing."),
        ("C1,X,ART MUSEUM,,,,north,2,", "latitude “north” is not a number."),
        ("C1,X,ART MUSEUM,,,,1,nan,", "longitude “nan” is not a number."),
        ("C1,X,ART MUSEUM,,,,1,200,", "longitude 200 is out of range (−180 to 180)."),
        ("C1,X,ART MUSEUM,,,,45.5,,", "there is a latitude or a longitude, but not both."),
        (
            "C1,X,ART MUSEUM,,,,0,0,",
            "the coordinates 0, 0 are a placeholder, not the museum's place.",
        ),
        ("C1,X,PAINTINGS,,,,,,", "the kind “PAINTINGS” is not in [kind.values] of the mapping."),
        (",X,ART MUSEUM,,,,,,", "the external id (column “Id”) is missing."),
        ("C1,X,ART MUSEUM,,,,,", "it has 8 fields where the header has 9."),
        ("A1,X,ART MUSEUM,,,,,,", "the external id test:A1 is already on line 2."),
        (
            "C1,JOS\ufffd MUSEUM,ART MUSEUM,,,,,,",
            "column “Name” holds “JOS\ufffd MUSEUM”: the “\ufffd” marks a character lost before "
            "the file was published; write the right one.",
        ),
        ("C1," + "X" * 301 + ",ART MUSEUM,,,,,,", "the name is longer than 300 characters."),
    ],
)
def test_bad_row_is_reported_with_line_and_reason(db, tmp_path, mapping, row, reason):
    path = write(tmp_path, "m.csv", HEADER + GOOD_ROWS + row + "\n")
    checked = validate_rows(path, load_mapping(mapping))
    assert [(error.line, error.reason) for error in checked.errors] == [(5, reason)]
    assert len(checked.good) == 3


def test_line_numbers_count_newlines_inside_quoted_cells(db, tmp_path, mapping):
    wrapped = 'A9,"WRAPPED\nNAME",ART MUSEUM,,,,,,\n'
    path = write(tmp_path, "m.csv", HEADER + wrapped + ",,ART MUSEUM,,,,,,\n")
    with pytest.raises(InvalidRowsError) as caught:
        import_museums(path=path, mapping=mapping)
    assert [str(error) for error in caught.value.errors] == [
        "line 4: the name is missing. the external id (column “Id”) is missing."
    ]


def test_unknown_country_code_is_a_bad_row(db, tmp_path):
    mapping = write(
        tmp_path,
        "countries.toml",
        '[columns]\nname = "Name"\ncountry = "Country"\n[external_id]\nprefix = "t"\n'
        'derive_from = ["Name"]\n',
    )
    path = write(tmp_path, "m.csv", "Name;Country\nMuseo del Prado;es\nMuseum X;XX\n")
    checked = validate_rows(path, load_mapping(mapping))
    assert [(e.line, e.reason) for e in checked.errors] == [
        (3, "the country “XX” is not an ISO 3166-1 code such as FR.")
    ]
    assert checked.delimiter == ";"
    assert checked.good[0].values["country"] == "ES"
    assert checked.good[0].values["timezone"] == "Europe/Madrid"


def test_invalid_website_is_left_out_with_a_warning(db, tmp_path, mapping):
    row = "W1,WEB MUSEUM,ART MUSEUM,,,,,,en cours de réalisation\n"
    output = command(write(tmp_path, "m.csv", HEADER + row), mapping)
    assert output.splitlines()[0] == (
        "line 2: the website “en cours de réalisation” is not a URL; imported without it."
    )
    assert Museum.objects.get(external_id="test:W1").website == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "{path} is empty."),
        (b"\xef\xbb\xbf\r\n\r\n", "{path} is empty."),
        (HEADER.encode(), "{path} has a header but no rows."),
        (
            HEADER.encode() + b"A1,MUS\xe9E,ART MUSEUM,,,,,,\n",
            "{path} is not valid utf-8 text: line 2 has the byte 0xE9. Save the file as UTF-8, "
            "or set its encoding in {mapping} (e.g. encoding = “latin-1”).",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            "{path} looks like a binary file, not CSV text (line 3 holds a NUL byte).",
        ),
        (
            HEADER.encode("utf-16"),
            "{path} is UTF-16 text: save it as UTF-8, or set encoding = “utf-16” in {mapping}.",
        ),
        (
            HEADER.replace(",", ";").encode() + b"A1;X;ART MUSEUM;;;;;;\n",
            "{path} has no column “Name”, “Type”, “Street”, “City”, “Zip”, “Lat”, “Lon”, “Web”, "
            "“Id”, which the mapping {mapping} names. Its header has 1 column(s): "
            "Id;Name;Type;Street;City;Zip;Lat;Lon;Web. Check the delimiter (',') and the column "
            "names in the mapping.",
        ),
        (
            HEADER.encode() + b'A1,"OPEN QUOTE,ART MUSEUM,,,,,,\n' + b"x" * 140_000,
            "{path}, line 2: field larger than field limit (131072) (is a quote left open?).",
        ),
    ],
)
def test_malformed_file_gives_a_clear_message(db, tmp_path, mapping, content, message):
    path = write(tmp_path, "m.csv", content)
    mapping_text = mapping.read_text().replace('country = "US"', 'country = "US"\ndelimiter = ","')
    mapping.write_text(mapping_text)
    assert command_error(path, mapping) == message.format(path=path, mapping=mapping)
    assert Museum.objects.count() == 0


def test_missing_file_gives_a_clear_message(db, tmp_path, mapping):
    path = tmp_path / "nowhere.csv"
    assert command_error(path, mapping) == f"Cannot read {path}: No such file or directory."


def test_latin_1_file_imports_when_the_mapping_says_so(db, tmp_path, mapping):
    mapping.write_text(MAPPING.replace('country = "US"', 'country = "US"\nencoding = "latin-1"'))
    path = write(tmp_path, "m.csv", HEADER.encode() + b"A1,MUS\xc9E CLUNY,ART MUSEUM,,,,,,\n")
    import_museums(path=path, mapping=mapping)
    assert Museum.objects.get().name == "Musée Cluny"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("country = [", "not a valid UTF-8 TOML file"),
        (
            'country = "US"\n[external_id]\nprefix = "t"\ncolumn = "Id"',
            "the [columns] table is missing.",
        ),
        (
            'country = "US"\n[columns]\ncity = "City"\n[external_id]\nprefix = "t"\ncolumn = "Id"',
            "[columns] must name the column of the museum name (name = “…”).",
        ),
        ('country = "US"\n[columns]\nname = "Name"', "the [external_id] table is missing."),
        (
            'country = "US"\n[columns]\nname = "Name"\n[external_id]\nprefix = "t"',
            "[external_id] needs either column = “…” or derive_from = [“…”].",
        ),
        (
            'country = "US"\n[columns]\nnmae = "Name"\n[external_id]\nprefix = "t"\ncolumn = "Id"',
            "unknown key “nmae” in [columns]; known keys: address, city, country, kind, languages, "
            "latitude, longitude, name, postcode, website.",
        ),
        (
            '[columns]\nname = "Name"\n[external_id]\nprefix = "t"\ncolumn = "Id"',
            "give either a fixed country (country = “FR”) or a country column, not both.",
        ),
        (
            'country = "France"\n[columns]\nname = "N"\n[external_id]\nprefix = "t"\ncolumn = "I"',
            "“France” is not an ISO 3166-1 country code, such as FR.",
        ),
        (
            'country = "FR"\n[columns]\nname = "N"\nlatitude = "Lat"\n'
            '[external_id]\nprefix = "t"\ncolumn = "I"',
            "[columns] needs both latitude and longitude, or neither.",
        ),
        (
            'country = "FR"\n[columns]\nname = "N"\n[external_id]\nprefix = "t"\ncolumn = "I"\n'
            '[kind.values]\n"ART" = "painting"',
            "[kind.values] “ART”: “painting” is not a museum kind; choose from art, history, "
            "science, natural_history, ethnography, archaeology, children, garden, "
            "historic_site, general, other.",
        ),
        (
            'country = "FR"\nencoding = "klingon"\n[columns]\nname = "N"\n'
            '[external_id]\nprefix = "t"\ncolumn = "I"',
            "“klingon” is not a known text encoding.",
        ),
    ],
)
def test_mapping_errors_are_clear(db, tmp_path, toml, message):
    mapping = write(tmp_path, "bad.toml", toml)
    path = write(tmp_path, "m.csv", HEADER + GOOD_ROWS)
    error = command_error(path, mapping)
    assert error.startswith(f"Mapping {mapping}: ")
    assert message in error


def test_mapping_naming_a_column_the_file_lacks_is_clear(db, tmp_path, mapping):
    mapping.write_text(MAPPING.replace('city = "City"', 'city = "Town"'))
    path = write(tmp_path, "m.csv", HEADER + GOOD_ROWS)
    assert command_error(path, mapping) == (
        f"{path} has no column “Town”, which the mapping {mapping} names. Its header has 9 "
        "column(s): Id, Name, Type, Street, City, Zip, Lat, Lon, Web. Check the delimiter "
        "('detected') and the column names in the mapping."
    )


def test_missing_mapping_file_is_clear(db, tmp_path):
    path = write(tmp_path, "m.csv", HEADER + GOOD_ROWS)
    missing = tmp_path / "none.toml"
    assert command_error(path, missing) == (
        f"Cannot read the mapping {missing}: No such file or directory."
    )
