#!/usr/bin/env python3
"""Summarises consolidated declaration statuses (GET /api/v1/declarations/{id} of status-query).

  status_summary.py table FILE...   one block per declaration
  status_summary.py settled FILE... exit 0 when every declaration has left SUBMITTED and each
                                    accepted one has its ASW verification and CCPIT issuance
"""
import json
import sys


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def state(part):
    if not isinstance(part, dict):
        return None
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
        return doc.get("verification") is not None and doc.get("issuance") is not None
    return True


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
        print(f"  verification  {state(doc.get('verification')) or '-'}")
        print(f"  issuance      {state(doc.get('issuance')) or '-'}")
        if milestones:
            last = milestones[-1]
            where = last.get("unLocationCode") or ""
            print(f"  logistics     {len(milestones)} milestones, last {last.get('eventCode')} {where} {last.get('eventDateTime', '')}")
        else:
            print("  logistics     -")
        print(f"  full status   {path}")


if __name__ == "__main__":
    mode, files = sys.argv[1], sys.argv[2:]
    if mode == "settled":
        sys.exit(0 if all(settled(load(f)) for f in files) else 1)
    table(files)
