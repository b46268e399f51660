"""The OpenAPI 3.1 description of the public API."""

from museion.core.models import AttendanceMode
from museion.museumday.models import Category
from museion.redlists import openapi as redlists_openapi


def _param(name, description, schema):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


FILTER_PARAMETERS = [
    _param(
        "q",
        "Full-text search in title and description, and their approved translations",
        {"type": "string", "maxLength": 200},
    ),
    _param("edition", "Edition year", {"type": "integer", "minimum": 1977, "maximum": 2100}),
    _param(
        "country", "ISO 3166-1 alpha-2 country code", {"type": "string", "pattern": "^[A-Z]{2}$"}
    ),
    _param("date_from", "First local date (YYYY-MM-DD)", {"type": "string", "format": "date"}),
    _param("date_to", "Last local date (YYYY-MM-DD)", {"type": "string", "format": "date"}),
    _param("when", "Upcoming or past", {"type": "string", "enum": ["upcoming", "past"]}),
    _param("category", "Type of activity", {"type": "string", "enum": Category.values}),
    _param("mode", "Attendance mode", {"type": "string", "enum": AttendanceMode.values}),
    _param("language", "BCP 47 language code", {"type": "string"}),
    _param(
        "lat",
        "Latitude of the point to search around",
        {"type": "number", "minimum": -90, "maximum": 90},
    ),
    _param("lng", "Longitude of the point", {"type": "number", "minimum": -180, "maximum": 180}),
    _param(
        "radius",
        "Radius in km (with lat and lng)",
        {"type": "number", "minimum": 0.1, "maximum": 20000},
    ),
    _param(
        "near",
        "A city with a museum in the directory, instead of lat and lng (radius 25 km unless given)",
        {"type": "string", "maxLength": 120},
    ),
]


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


BAD_REQUEST = _error("Bad request")
NOT_FOUND = _error("Not found")

ACTIVITY_SCHEMA = {
    "type": "object",
    "required": ["id", "url", "title", "starts_at", "ends_at", "timezone"],
    "properties": {
        "id": {"type": "integer"},
        "url": {"type": "string", "format": "uri", "description": "The activity's public page"},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "edition": {"type": "integer"},
        "museum": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "url": {"type": "string", "format": "uri"}},
        },
        "category": {"type": "string", "enum": Category.values},
        "attendance_mode": {"type": "string", "enum": AttendanceMode.values},
        "language": {"type": "string"},
        "starts_at": {"type": "string", "format": "date-time", "description": "UTC"},
        "ends_at": {"type": "string", "format": "date-time", "description": "UTC"},
        "timezone": {"type": "string", "description": "IANA timezone of the place"},
        "local_start": {"type": "string", "format": "date-time"},
        "venue": {"type": "string"},
        "address": {"type": "string"},
        "city": {"type": "string"},
        "country": {"type": "string"},
        "latitude": {"type": ["number", "null"]},
        "longitude": {"type": ["number", "null"]},
        "online_url": {"type": ["string", "null"], "format": "uri"},
        "is_free": {"type": "boolean"},
        "booking_url": {"type": ["string", "null"], "format": "uri"},
        "accessibility_notes": {"type": "string"},
        "translations": {
            "type": "object",
            "description": "Approved translations, keyed by BCP 47 language code",
            "additionalProperties": {
                "type": "object",
                "properties": {
                    "title": {"type": "string"},
                    "description": {"type": "string"},
                    "accessibility_notes": {"type": "string"},
                },
            },
        },
    },
}


def openapi_document(request) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Museion public API",
            "version": "1.0.0",
            "description": "Published International Museum Day activities and Red Lists.",
        },
        "servers": [{"url": request.build_absolute_uri("/api/v1")}],
        "paths": {
            **redlists_openapi.PATHS,
            "/activities": {
                "get": {
                    "summary": "Search published activities",
                    "parameters": [
                        *FILTER_PARAMETERS,
                        _param("page", "Page number", {"type": "integer", "minimum": 1}),
                        _param(
                            "page_size",
                            "Items per page",
                            {"type": "integer", "minimum": 1, "maximum": 100},
                        ),
                    ],
                    "responses": {
                        "200": {
                            "description": "A page of activities",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Page"}
                                }
                            },
                        },
                        "400": BAD_REQUEST,
                        "404": NOT_FOUND,
                    },
                }
            },
            "/activities/{id}": {
                "get": {
                    "summary": "One published activity",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "The activity",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Activity"}
                                }
                            },
                        },
                        "404": NOT_FOUND,
                    },
                }
            },
        },
        "components": {
            "schemas": {
                **redlists_openapi.SCHEMAS,
                "Activity": ACTIVITY_SCHEMA,
                "Page": {
                    "type": "object",
                    "required": ["count", "results"],
                    "properties": {
                        "count": {
                            "type": "integer",
                            "description": "Matching activities, counted up to 10,000",
                        },
                        "count_capped": {
                            "type": "boolean",
                            "description": "True when more than `count` activities match",
                        },
                        "page": {"type": "integer"},
                        "pages": {"type": "integer"},
                        "next": {"type": ["string", "null"]},
                        "previous": {"type": ["string", "null"]},
                        "results": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Activity"},
                        },
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {"type": "string"}},
                },
            }
        },
    }
