"""POST /redlists/lookup in the OpenAPI description (merged into the Red Lists part)."""

_ERROR = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}

SCHEMAS = {
    "LookupMatch": {
        "type": "object",
        "required": ["kind", "score", "image"],
        "properties": {
            "kind": {"type": "string", "enum": ["type", "report"]},
            "score": {"type": "number", "minimum": 0, "maximum": 1},
            "hash_distance": {"type": ["integer", "null"], "minimum": 0, "maximum": 64},
            "matching_keypoints": {"type": "integer", "minimum": 0},
            "type": {
                "type": "object",
                "description": "The Red List type the photo resembles (kind 'type')",
                "properties": {
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "url": {"type": "string", "format": "uri"},
                    "category": {
                        "type": "object",
                        "properties": {
                            "number": {"type": "integer"},
                            "title": {"type": "string"},
                        },
                    },
                    "red_list": {
                        "type": "object",
                        "properties": {
                            "slug": {"type": "string"},
                            "title": {"type": "string"},
                            "url": {"type": "string", "format": "uri"},
                        },
                    },
                },
            },
            "report": {
                "type": "object",
                "description": "An earlier report (kind 'report', staff sessions only)",
                "properties": {"id": {"type": "integer"}, "url": {"type": "string"}},
            },
            "image": {
                "type": "object",
                "description": "The matching stored picture: thumbnail and large sizes",
                "properties": {
                    "id": {"type": "integer"},
                    "alt": {"type": "string"},
                    "caption": {"type": "string"},
                    "thumbnail": {"type": ["string", "null"], "format": "uri"},
                    "large": {"type": ["string", "null"], "format": "uri"},
                    "url": {"type": "string", "format": "uri"},
                },
            },
        },
    },
    "LookupResult": {
        "type": "object",
        "required": ["count", "matches"],
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "matches": {"type": "array", "items": {"$ref": "#/components/schemas/LookupMatch"}},
        },
    },
}

PATHS = {
    "/redlists/lookup": {
        "post": {
            "summary": "Look up a photo: Red List types (and, for staff, reports) it resembles",
            "description": (
                "Send one photo (JPEG, PNG or WebP) as the multipart field 'image'. Answers the "
                "confirmed matches, best first. The photo is not stored. Rate-limited per "
                "client address."
            ),
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["image"],
                            "properties": {
                                "image": {"type": "string", "contentMediaType": "image/*"}
                            },
                        }
                    }
                },
            },
            "responses": {
                "200": {
                    "description": "Ranked matches (possibly none)",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/LookupResult"}
                        }
                    },
                },
                "400": {"description": "No photo, or not a picture that can be read", **_ERROR},
                "413": {"description": "The file is over the size limit", **_ERROR},
                "429": {"description": "Too many look-ups from this address", **_ERROR},
            },
        }
    }
}
