"""The Red Lists part of the OpenAPI description (merged by the api app)."""

from django_countries import countries

from . import lookup_openapi
from .search import FILTER_KEYS

_DESCRIPTIONS = {
    "q": ("Words in any field of the type (accent-blind, last word as a prefix)", "string"),
    "country": ("Country covered by the list (ISO 3166-1 alpha-2)", "string"),
    "category": ("Category title, exactly (case-insensitive)", "string"),
    "material": ("Material, part of the word is enough", "string"),
    "year_from": ("Start of the period: 450 BC, -450 or 300", "string"),
    "year_to": ("End of the period: 450 BC, -450 or 300", "string"),
    "language": ("BCP 47 language code of the list", "string"),
    "list": ("Slug of one list", "string"),
}


def _query(name: str, description: str, schema: dict) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


def _path_param(name: str, kind: str = "integer") -> dict:
    return {"name": name, "in": "path", "required": True, "schema": {"type": kind}}


PAGING = [
    _query("page", "Page number", {"type": "integer", "minimum": 1}),
    _query("page_size", "Items per page", {"type": "integer", "minimum": 1, "maximum": 100}),
]


def _ok(schema: str, description: str, media: str = "application/json") -> dict:
    return {"description": description, "content": {media: {"schema": {"$ref": schema}}}}


def _errors(*codes: str) -> dict:
    return {
        code: {
            "description": {"400": "Bad request", "404": "Not found"}[code],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for code in codes
    }


SEARCH_PARAMETERS = [
    _query(
        key,
        _DESCRIPTIONS[key][0],
        {"type": "string", "enum": [code for code, _ in countries]}
        if key == "country"
        else {"type": _DESCRIPTIONS[key][1], "maxLength": 200},
    )
    for key in FILTER_KEYS
]

_TYPE_PROPERTIES = {
    "id": {"type": "integer"},
    "url": {"type": "string", "format": "uri"},
    "linked_art": {"type": "string", "format": "uri"},
    "list": {"type": "string"},
    "category": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "number": {"type": "integer"},
            "title": {"type": "string"},
        },
    },
    "number": {"type": "string", "description": "category.type, e.g. 2.3"},
    "title": {"type": "string"},
    "object_name": {"type": "string"},
    "object_subtype": {"type": "string"},
    "materials": {"type": "string"},
    "techniques": {"type": "string"},
    "period": {
        "type": "object",
        "description": "Years; BC years are negative (-450 is 450 BC)",
        "properties": {
            "start": {"type": ["integer", "null"]},
            "end": {"type": ["integer", "null"]},
            "name": {"type": "string"},
            "label": {"type": "string"},
        },
    },
    "place_of_origin": {"type": "string"},
    "culture": {"type": "string"},
    "description": {"type": "string"},
    "thumbnail": {"type": ["string", "null"], "format": "uri"},
    "translation_of": {"type": ["integer", "null"]},
}

SCHEMAS = {
    "RedList": {
        "type": "object",
        "required": ["slug", "title", "language", "countries"],
        "properties": {
            "slug": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "title": {"type": "string"},
            "region": {"type": "string"},
            "language": {"type": "string"},
            "countries": {"type": "array", "items": {"type": "string"}},
            "published_on": {"type": ["string", "null"], "format": "date"},
            "version": {"type": "integer"},
            "translation_of": {"type": ["string", "null"]},
            "categories": {"type": ["integer", "array", "null"]},
            "types": {"type": ["integer", "null"]},
        },
    },
    "RedListCategory": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "number": {"type": "integer"},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "types": {"type": "array", "items": {"$ref": "#/components/schemas/ObjectType"}},
        },
    },
    "ObjectType": {"type": "object", "required": ["id", "title"], "properties": _TYPE_PROPERTIES},
    "LinkedArt": {
        "type": "object",
        "description": "Linked Art JSON-LD (https://linked.art/), a HumanMadeObject",
        "required": ["@context", "id", "type"],
    },
    "RedListPage": {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "page": {"type": "integer"},
            "pages": {"type": "integer"},
            "next": {"type": ["string", "null"]},
            "previous": {"type": ["string", "null"]},
            "results": {"type": "array", "items": {"type": "object"}},
        },
    },
}

PATHS = {
    "/redlists/lists": {
        "get": {
            "summary": "Published Red Lists (which lists cover a country: ?country=)",
            "parameters": [
                _query("country", "ISO 3166-1 alpha-2 code", {"type": "string"}),
                _query("language", "BCP 47 language code", {"type": "string"}),
                *PAGING,
            ],
            "responses": {
                "200": _ok("#/components/schemas/RedListPage", "A page of lists"),
                **_errors("400", "404"),
            },
        }
    },
    "/redlists/lists/{slug}": {
        "get": {
            "summary": "One published list with its categories in order",
            "parameters": [_path_param("slug", "string")],
            "responses": {
                "200": _ok("#/components/schemas/RedList", "The list"),
                **_errors("404"),
            },
        }
    },
    "/redlists/categories/{id}": {
        "get": {
            "summary": "One category with its object types in order",
            "parameters": [_path_param("id")],
            "responses": {
                "200": _ok("#/components/schemas/RedListCategory", "The category"),
                **_errors("404"),
            },
        }
    },
    "/redlists/types/{id}": {
        "get": {
            "summary": "One object type with measurements and images",
            "parameters": [_path_param("id")],
            "responses": {
                "200": _ok("#/components/schemas/ObjectType", "The type"),
                **_errors("404"),
            },
        }
    },
    "/redlists/types/{id}/linked-art": {
        "get": {
            "summary": "One object type as Linked Art JSON-LD",
            "parameters": [_path_param("id")],
            "responses": {
                "200": _ok("#/components/schemas/LinkedArt", "JSON-LD", "application/ld+json"),
                **_errors("404"),
            },
        }
    },
}
for _path, _summary in (
    ("/redlists/types", "Object types of published lists, filtered"),
    ("/redlists/search", "Search across published lists"),
):
    PATHS[_path] = {
        "get": {
            "summary": _summary,
            "parameters": [*SEARCH_PARAMETERS, *PAGING],
            "responses": {
                "200": _ok("#/components/schemas/RedListPage", "A page of object types"),
                **_errors("400", "404"),
            },
        }
    }

PATHS.update(lookup_openapi.PATHS)
SCHEMAS.update(lookup_openapi.SCHEMAS)
