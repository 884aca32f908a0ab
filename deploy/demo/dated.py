#!/usr/bin/env python3
"""Copies sample declarations into DIR with the consignment's departure date set to today (UTC), and prints
the copies' paths, one a line. The sandbox carrier sails when the demo runs, so the consistency report
(declared departure vs the actual departure, tolerance 3 days: docs/rules-of-origin.md) compares a
declaration with its own voyage. Usage: dated.py DIR DECLARATION.json..."""
import datetime
import json
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
for path in sys.argv[2:]:
    declaration = json.load(open(path))
    if isinstance(declaration.get("consignment"), dict):
        declaration["consignment"]["departureDate"] = today
    target = os.path.join(out, os.path.basename(path))
    with open(target, "w") as f:
        json.dump(declaration, f, indent=2)
    print(target)
