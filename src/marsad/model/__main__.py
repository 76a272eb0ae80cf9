"""`python -m marsad.model > docs/schema/document.schema.json`: the output contract's JSON Schema,
generated from the models (tests/test_schema.py fails when the committed file differs)."""

import json
import sys

from marsad.model.record import record_schema

sys.stdout.write(json.dumps(record_schema(), ensure_ascii=False, indent=2) + "\n")
