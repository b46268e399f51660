"""Linked Art JSON-LD of a type: valid JSON-LD that expands to CIDOC-CRM statements."""

import json

import pytest
from pyld import jsonld

from museion.redlists.linkedart import CONTEXT, iso_year_end, iso_year_start

CRM = "http://www.cidoc-crm.org/cidoc-crm/"
LA = "https://linked.art/ns/terms/"
# The terms our output uses, mapped as the Linked Art context maps them; served locally so the
# test needs no network.
LOCAL_CONTEXT = {
    "@context": {
        "@version": 1.1,
        "crm": CRM,
        "la": LA,
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "id": "@id",
        "type": "@type",
        "_label": "rdfs:label",
        "content": "crm:P190_has_symbolic_content",
        "HumanMadeObject": "crm:E22_Human-Made_Object",
        "Name": "crm:E33_E41_Linguistic_Appellation",
        "LinguisticObject": "crm:E33_Linguistic_Object",
        "Type": "crm:E55_Type",
        "Language": "crm:E56_Language",
        "Material": "crm:E57_Material",
        "Dimension": "crm:E54_Dimension",
        "MeasurementUnit": "crm:E58_Measurement_Unit",
        "Production": "crm:E12_Production",
        "TimeSpan": "crm:E52_Time-Span",
        "Place": "crm:E53_Place",
        "Group": "crm:E74_Group",
        "VisualItem": "crm:E36_Visual_Item",
        "DigitalObject": "la:DigitalObject",
        "identified_by": {"@id": "crm:P1_is_identified_by", "@container": "@set"},
        "classified_as": {"@id": "crm:P2_has_type", "@type": "@id", "@container": "@set"},
        "referred_to_by": {"@id": "crm:P67i_is_referred_to_by", "@container": "@set"},
        "language": {"@id": "crm:P72_has_language", "@container": "@set"},
        "made_of": {"@id": "crm:P45_consists_of", "@container": "@set"},
        "dimension": {"@id": "crm:P43_has_dimension", "@container": "@set"},
        "lower_value_limit": {"@id": "crm:P90a_has_lower_value_limit", "@type": "xsd:decimal"},
        "upper_value_limit": {"@id": "crm:P90b_has_upper_value_limit", "@type": "xsd:decimal"},
        "unit": {"@id": "crm:P91_has_unit", "@type": "@id"},
        "produced_by": {"@id": "crm:P108i_was_produced_by"},
        "timespan": {"@id": "crm:P4_has_time-span"},
        "begin_of_the_begin": {"@id": "crm:P82a_begin_of_the_begin", "@type": "xsd:dateTime"},
        "end_of_the_end": {"@id": "crm:P82b_end_of_the_end", "@type": "xsd:dateTime"},
        "took_place_at": {"@id": "crm:P7_took_place_at", "@container": "@set"},
        "carried_out_by": {"@id": "crm:P14_carried_out_by", "@container": "@set"},
        "technique": {"@id": "crm:P32_used_general_technique", "@container": "@set"},
        "representation": {"@id": "crm:P138i_has_representation", "@container": "@set"},
        "digitally_shown_by": {"@id": "la:digitally_shown_by", "@container": "@set"},
        "digitally_carried_by": {"@id": "la:digitally_carried_by", "@container": "@set"},
        "access_point": {"@id": "la:access_point", "@container": "@set"},
        "subject_of": {"@id": "crm:P129i_is_subject_of", "@container": "@set"},
    }
}


def local_loader(url, options=None):
    assert url == CONTEXT
    return {"contextUrl": None, "documentUrl": url, "document": LOCAL_CONTEXT}


def test_iso_years_use_astronomical_numbering():
    assert iso_year_start(-450) == "-0449-01-01T00:00:00Z"
    assert iso_year_end(-1) == "0000-12-31T23:59:59Z"
    assert iso_year_start(300) == "0300-01-01T00:00:00Z"


@pytest.fixture
def document(client, red_list):
    object_type = red_list.categories.first().object_types.first()
    response = client.get(f"/api/v1/redlists/types/{object_type.pk}/linked-art")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    return json.loads(response.content)


def test_linked_art_expands_as_json_ld(document):
    expanded = jsonld.expand(document, {"documentLoader": local_loader})
    (node,) = expanded
    assert node["@type"] == [CRM + "E22_Human-Made_Object"]
    assert node["@id"].endswith("/linked-art")
    dimension = node[CRM + "P43_has_dimension"][0]
    assert dimension[CRM + "P90a_has_lower_value_limit"][0]["@value"] == 10.0
    assert dimension[CRM + "P91_has_unit"][0]["@id"] == "http://vocab.getty.edu/aat/300379098"
    span = node[CRM + "P108i_was_produced_by"][0][CRM + "P4_has_time-span"][0]
    assert span[CRM + "P82a_begin_of_the_begin"][0]["@value"] == "-0299-01-01T00:00:00Z"
    assert span[CRM + "P82b_end_of_the_end"][0]["@value"] == "0200-12-31T23:59:59Z"
    materials = node[CRM + "P45_consists_of"]
    assert materials[0]["http://www.w3.org/2000/01/rdf-schema#label"][0]["@value"] == "Terracotta"
    assert len(node[CRM + "P138i_has_representation"]) == 2


def test_linked_art_to_rdf_has_no_dropped_terms(document):
    compacted = jsonld.compact(
        jsonld.expand(document, {"documentLoader": local_loader}),
        LOCAL_CONTEXT,
        {"documentLoader": local_loader},
    )
    assert set(compacted) - {"@context"} == set(document) - {"@context"}


def test_type_page_embeds_the_same_linked_art(client, red_list):
    object_type = red_list.categories.first().object_types.first()
    html = client.get(object_type.get_absolute_url()).content.decode()
    assert '<script type="application/ld+json">' in html
    assert '"HumanMadeObject"' in html
