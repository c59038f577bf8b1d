#!/usr/bin/python3
"""Validates cases against Tagwerk's published JSON Schemas with python-jsonschema.

Reads {"cases": [{"schema": "task" | "annotation" | "id", "document": ...}, ...]} on stdin ("id":
a bare string against task.json's $defs/Id) and prints {"python": ..., "jsonschema": ...,
"answers": [true | false, ...]}, one answer per case. scripts/python-schema-check.mjs compares
them with the core's and Ajv's. Run with Debian's interpreter (python3-jsonschema):
/usr/bin/python3 scripts/python-schema-check.py < cases.json
"""
import json
import pathlib
import platform
import sys
from importlib.metadata import version

from jsonschema import Draft202012Validator

ROOT = pathlib.Path(__file__).resolve().parent.parent / "packages" / "core" / "schema"


def validator(schema):
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def main():
    published = {
        name: json.loads((ROOT / f"{name}.json").read_text(encoding="utf-8"))
        for name in ("task", "annotation")
    }
    validators = {name: validator(schema) for name, schema in published.items()}
    # The Id definition is self-contained (no $ref): validate bare strings against it directly.
    validators["id"] = validator(
        {"$schema": published["task"]["$schema"], **published["task"]["$defs"]["Id"]}
    )
    cases = json.load(sys.stdin)["cases"]
    answers = [validators[c["schema"]].is_valid(c["document"]) for c in cases]
    json.dump(
        {
            "python": platform.python_version(),
            "jsonschema": version("jsonschema"),
            "answers": answers,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
