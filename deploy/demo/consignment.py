#!/usr/bin/env python3
"""Prints the sandbox port-feed consignment (POST /dcsa/v2/sandbox/consignments) for a sample
declaration, so the simulated carrier emits DCSA events for the same transport document,
booking and containers the declaration names. Usage: consignment.py DECLARATION.json"""
import json
import sys

# IMO numbers of the (fictional) vessels used by the samples; any 7 digits are accepted.
VESSEL_IMO = {"MAERSK KOWLOON": "9321483", "CMA CGM SAIGON": "9454436", "HMM NINGBO": "9742170"}

declaration = json.load(open(sys.argv[1]))
c = declaration["consignment"]
print(json.dumps({
    "transportDocumentReference": c["transportDocumentReference"],
    "bookingReference": c["bookingReference"],
    "equipmentReferences": c["equipmentReferences"],
    "route": [c["portOfLoading"], c["portOfDischarge"]],
    "vesselIMO": VESSEL_IMO.get(c.get("vesselOrFlight"), "9000001"),
    "carrierVoyageNumber": c["voyageNumber"],
}))
