#!/usr/bin/env python3
"""Prints the sandbox port-feed consignment (POST /dcsa/v2/sandbox/consignments) for a sample
declaration, so the simulated carrier emits DCSA events for the same transport document,
booking and containers the declaration names. Usage: consignment.py DECLARATION.json

The carrier's port calls follow the demo lanes (docs/services/status-query.md, "Delivery route"):
China -> Malaysia via Shanghai Yangshan (declared as CNSHA, reported by the carrier as CNYSA) with a
transshipment at Singapore to Port Klang, China -> Japan with a call at Kaohsiung (not an RCEP Party: the
consistency report flags the transit, RCEP Art. 3.15), and Viet Nam -> Japan from Cai Mep. Each voyage comes with
the carrier's plan and estimates (PLN/EST) and runs one event every STEP seconds, slow enough to
watch the cargo move on the route map."""
import json
import sys

# IMO numbers of the (fictional) vessels used by the samples; any 7 digits are accepted.
VESSEL_IMO = {"MAERSK KOWLOON": "9321483", "CMA CGM SAIGON": "9454436", "HMM NINGBO": "9742170"}
# Port calls as the carrier reports them, per transport document; else [port of loading, port of discharge].
CARRIER_ROUTES = {
    "HDMU260000303": ["CNYSA", "SGSIN", "MYPKG"],   # Shanghai Yangshan -> Singapore (transshipment) -> Port Klang
    "CMAU260000202": ["VNCMT", "JPYOK"],            # Cai Mep -> Yokohama
    "MAEU260000101": ["CNSZX", "TWKHH", "JPOSA"],   # Shenzhen -> Kaohsiung (a non-Party: the consistency report asks for evidence) -> Osaka
}
# Ports where the carrier discharges the containers and loads them again (a transshipment: EQUIPMENT DISC and LOAD
# there); at the other intermediate ports the containers stay on board (TRANSPORT ARRI and DEPA only).
TRANSSHIPMENTS = {
    "HDMU260000303": ["SGSIN"],
}
STEP = 15

declaration = json.load(open(sys.argv[1]))
c = declaration["consignment"]
print(json.dumps({
    "transportDocumentReference": c["transportDocumentReference"],
    "bookingReference": c["bookingReference"],
    "equipmentReferences": c["equipmentReferences"],
    "route": CARRIER_ROUTES.get(c["transportDocumentReference"], [c["portOfLoading"], c["portOfDischarge"]]),
    "vesselIMO": VESSEL_IMO.get(c.get("vesselOrFlight"), "9000001"),
    "carrierVoyageNumber": c["voyageNumber"],
    "schedule": True,
    "stepSeconds": STEP,
    "transshipmentPorts": TRANSSHIPMENTS.get(c["transportDocumentReference"], []),
}))
