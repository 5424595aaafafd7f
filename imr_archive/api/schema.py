"""The schema's errors: every operation documents the one JSON error body (imr_archive/api/errors.py).

A drf-spectacular post-processing hook (SPECTACULAR_SETTINGS): each error
response a view names gets the Error body, and every operation gains 429
(with Retry-After) and a default response for any other error.
"""

from __future__ import annotations

ERROR = {
    "type": "object",
    "description": "Every error of the API.",
    "properties": {
        "status": {"type": "integer", "description": "The HTTP status."},
        "detail": {"type": "string", "description": "What went wrong, in one line."},
        "errors": {"type": "array", "items": {"type": "string"},
                   "description": "Each thing wrong with the request (a parameter's value), when there are several."},
    },
    "required": ["status", "detail"],
}
ERROR_REF = {"$ref": "#/components/schemas/Error"}
THROTTLED = {
    "description": "Too many requests: wait the seconds Retry-After says.",
    "headers": {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}},
    "content": {"application/json": {"schema": ERROR_REF}},
}
OTHER_ERRORS = {"description": "Any other error.", "content": {"application/json": {"schema": ERROR_REF}}}


def document_errors(result: dict, generator, request, public) -> dict:
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, response in responses.items():
                if status[0] in "45":
                    response["content"] = {"application/json": {"schema": ERROR_REF}}
            responses.setdefault("429", THROTTLED)
            responses.setdefault("default", OTHER_ERRORS)
    return result
