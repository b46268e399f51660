"""The OpenAPI 3.1 document: valid, complete, and true to what the API returns."""

import json

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import OpenAPIV31SpecValidator

from museion.museumday.filters import FILTER_KEYS
from museion.museumday.models import Category

from ..factories import ActivityFactory

OPENAPI = "/api/v1/openapi.json"


@pytest.fixture
def document(client, db) -> dict:
    response = client.get(OPENAPI)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_document_is_valid_openapi_3_1(document):
    assert document["openapi"] == "3.1.0"
    errors = [error.message for error in OpenAPIV31SpecValidator(document).iter_errors()]
    assert errors == []


def test_document_describes_both_endpoints_and_every_parameter(document):
    assert document["servers"] == [{"url": "http://testserver/api/v1"}]
    assert {"/activities", "/activities/{id}"} <= set(document["paths"])
    listing = document["paths"]["/activities"]["get"]
    names = [parameter["name"] for parameter in listing["parameters"]]
    assert sorted(names) == sorted([*FILTER_KEYS, "page", "page_size"])
    by_name = {parameter["name"]: parameter["schema"] for parameter in listing["parameters"]}
    assert by_name["category"]["enum"] == Category.values
    assert by_name["page_size"] == {"type": "integer", "minimum": 1, "maximum": 100}
    assert set(listing["responses"]) == {"200", "400", "404"}
    assert listing["responses"]["404"]["description"] == "Not found"
    one = document["paths"]["/activities/{id}"]["get"]
    assert set(one["responses"]) == {"200", "404"}


def schema_for(document: dict, name: str) -> Draft202012Validator:
    schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_real_responses_match_the_documented_schemas(client, document):
    ActivityFactory(title="On site")
    online = ActivityFactory(
        title="Online",
        attendance_mode="online",
        online_url="https://example.org/live",
        latitude=None,
        longitude=None,
        booking_url="https://example.org/book",
    )
    page = json.loads(client.get("/api/v1/activities", {"page_size": "1"}).content)
    assert [e.message for e in schema_for(document, "Page").iter_errors(page)] == []
    item = json.loads(client.get(f"/api/v1/activities/{online.pk}").content)
    assert [e.message for e in schema_for(document, "Activity").iter_errors(item)] == []
    error = json.loads(client.get("/api/v1/activities", {"country": "XX"}).content)
    assert [e.message for e in schema_for(document, "Error").iter_errors(error)] == []


def test_schema_check_catches_a_wrong_response(document):
    wrong = {"id": "seven", "url": "x", "title": "t", "starts_at": "yesterday"}
    messages = sorted(e.message for e in schema_for(document, "Activity").iter_errors(wrong))
    assert messages == [
        "'ends_at' is a required property",
        "'seven' is not of type 'integer'",
        "'timezone' is a required property",
        "'yesterday' is not a 'date-time'",
    ]
