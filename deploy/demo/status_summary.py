#!/usr/bin/env python3
"""Summarises consolidated declaration statuses (GET /api/v1/declarations/{id} of status-query).

  status_summary.py table FILE...   one block per declaration
  status_summary.py settled FILE... exit 0 when every declaration has left SUBMITTED and each
                                    accepted one has its issuance (Certificate of Origin) and
                                    its verification at destination (after issuance)
  status_summary.py routes BASE FILE...  the public route page of each verified declaration
                                    (BASE/routes/{referenceNumber}?code={short code})
"""
from urllib.parse import quote
import json
import sys


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


FINAL_ISSUANCE = {"ISSUED", "REJECTED", "REFUSED", "CANCELLED", "REVOKED", "FAILED"}


def state(part):
    if not isinstance(part, dict) or not part:
        return None
    if "current" in part:  # issuance: {current: {...} or null, history: [...]}
        return state(part["current"])
    for key in ("status", "outcome", "state", "result"):
        if part.get(key):
            return str(part[key])
    return "present"


def settled(doc):
    if not doc:
        return False
    outcome = state(doc.get("intake"))
    if outcome in (None, "SUBMITTED"):
        return False
    if outcome == "ACCEPTED":
        # Only a Certificate of Origin is issued (by its issuing authority); a Declaration of Origin is
        # self-issued. A certificate is verified at destination once issued: one never issued is never verified.
        if (doc.get("declaration") or {}).get("documentType") == "CERTIFICATE_OF_ORIGIN":
            issuance = state(doc.get("issuance"))
            if issuance not in FINAL_ISSUANCE:
                return False
            if issuance != "ISSUED":
                return True
        if doc.get("verification") is None:
            return False
    return True


def channel(verification):
    """The destination channel that answered: ASW-MY (Malaysia's national single window via the ASW),
    JP-CUSTOMS, ...; read from the channel's reference (ASW-MY-1A2B..., JP-CUSTOMS-1A2B...)."""
    ref = verification.get("aswReference") or ""
    parts = ref.split("-")
    return "-".join(parts[:2]) if len(parts) >= 3 else None


def table(paths):
    for path in paths:
        doc = load(path)
        if not doc:
            print(f"{path}: no status yet")
            continue
        intake = doc.get("intake") or {}
        pre = (intake.get("preCheck") or {}).get("status")
        problems = intake.get("problems") or []
        milestones = doc.get("milestones") or []
        print(f"{doc.get('declarationId')}  supplier {doc.get('supplierId')}  -> {doc.get('destinationCountry')}")
        line = f"  intake        {state(intake)}"
        if pre:
            line += f" (origin pre-check {pre})"
        print(line)
        for p in problems[:5]:
            print(f"                - {p.get('field', '') if isinstance(p, dict) else ''} {p.get('message', p) if isinstance(p, dict) else p}")
        # the steps in their order: accepted -> issued (Certificate of Origin) -> verified at destination
        issuance = doc.get("issuance") or {}
        current = issuance.get("current") or {}
        line = f"  issuance      {state(issuance) or '-'}"
        if current.get("certificateNumber"):
            line += f" {current['certificateNumber']}"
        if (doc.get("declaration") or {}).get("documentType") == "DECLARATION_OF_ORIGIN":
            line += " (Declaration of Origin: self-issued, no e-CO)"
        print(line)
        verification = doc.get("verification") or {}
        line = f"  verification  {state(verification) or '-'}"
        if channel(verification):
            line += f" via {channel(verification)}"
        if verification.get("aswReference"):
            line += f" ({verification['aswReference']})"
        if verification.get("reason") and state(verification) != "VERIFIED":
            line += f": {verification['reason']}"
        print(line)
        if milestones:
            last = milestones[-1]
            where = last.get("unLocationCode") or ""
            print(f"  logistics     {len(milestones)} milestones, last {last.get('eventCode')} {where} {last.get('eventDateTime', '')}")
        else:
            print("  logistics     -")
        consistency = doc.get("consistency") or {}
        if consistency:
            print(f"  consistency   {consistency.get('status', '-')}: {consistency.get('publicLine', '')}")
            for f in consistency.get("findings") or []:
                print(f"                - {f.get('checkId')}: {f.get('sentence')}")
        route = doc.get("route") or {}
        position = route.get("position") or {}
        if route.get("stops"):
            stops = " -> ".join(st.get("unLocode", "?") for st in route["stops"])
            where = position.get("at") or (f"{position.get('from')} -> {position.get('to')}" if position.get("from") else "")
            eta = route.get("eta") or {}
            print(f"  route         {stops}: {position.get('kind', '-')} {where}"
                  + (f", ETA {eta.get('unLocode')} {eta.get('at')} ({eta.get('basis')})" if eta.get("at") else ""))
        print(f"  full status   {path}")


def routes(base, paths):
    for path in paths:
        doc = load(path) or {}
        code = (doc.get("verification") or {}).get("shortCode")
        ref = doc.get("referenceNumber")
        if ref and code:
            print(f"    {ref:28} {base}/routes/{quote(ref, safe='')}?code={quote(code, safe='')}")
        elif ref:
            print(f"    {ref:28} (no verification code yet: no public route)")


if __name__ == "__main__":
    mode, files = sys.argv[1], sys.argv[2:]
    if mode == "settled":
        sys.exit(0 if all(settled(load(f)) for f in files) else 1)
    if mode == "routes":
        routes(files[0], files[1:])
        sys.exit(0)
    table(files)
