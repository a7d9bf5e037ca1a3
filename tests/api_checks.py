"""Validate the API's real answers against its own OpenAPI document."""

import functools

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from config.openapi import openapi_document

DOCUMENT_URI = "urn:stadtlabor:openapi"


@functools.cache
def _registry():
    resource = Resource.from_contents(openapi_document(), default_specification=DRAFT202012)
    return Registry().with_resource(DOCUMENT_URI, resource)


def validate(payload, schema_name):
    """Raise jsonschema.ValidationError unless `payload` matches components/schemas/<name>."""
    validator = Draft202012Validator(
        {"$ref": f"{DOCUMENT_URI}#/components/schemas/{schema_name}"},
        registry=_registry(),
        format_checker=FormatChecker(),
    )
    validator.validate(payload)
