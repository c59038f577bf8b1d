#!/usr/bin/python3
"""Validates documents against Tagwerk's published JSON Schemas with python-jsonschema.

Reads {"cases": [{"schema": "task" | "annotation", "document": ...}, ...]} on stdin and prints a
JSON list of booleans (valid or not), one per case. The drift tests compare the answers with
Ajv's and the core's own. Run with Debian's interpreter (python3-jsonschema), e.g.
/usr/bin/python3 scripts/python-schema-check.py < cases.json
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator

ROOT = pathlib.Path(__file__).resolve().parent.parent / "packages" / "core" / "schema"


def load(name):
    schema = json.loads((ROOT / f"{name}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def main():
    validators = {name: load(name) for name in ("task", "annotation")}
    cases = json.load(sys.stdin)["cases"]
    json.dump([validators[c["schema"]].is_valid(c["document"]) for c in cases], sys.stdout)


if __name__ == "__main__":
    main()
