#!/usr/bin/env bash
# Makes sure the browser tests (services/end-to-end-tests, org.originbridge.e2e.browser) find a headless
# Chromium and its chromedriver: Debian's /usr/bin/chromium and /usr/bin/chromedriver.
# - both present: nothing to do;
# - Debian/Ubuntu (apt-get): installs the packages chromium and chromium-driver (as root, else with sudo);
# - anywhere else (macOS, other Linux): says what to do and fails, so a run never silently loses its
#   browser tier. Point the tests at another Chromium with -Dbrowser.chromium=PATH -Dbrowser.chromedriver=PATH,
#   or skip the browser tests with -Dbrowser.skip=true.
# Environment: BROWSER_CHROMIUM / BROWSER_CHROMEDRIVER (defaults /usr/bin/chromium, /usr/bin/chromedriver).
set -euo pipefail

chromium="${BROWSER_CHROMIUM:-/usr/bin/chromium}"
driver="${BROWSER_CHROMEDRIVER:-/usr/bin/chromedriver}"

if [[ -x "$chromium" && -x "$driver" ]]; then
  exit 0
fi

if [[ "$(uname -s)" == "Linux" ]] && command -v apt-get >/dev/null 2>&1 \
    && [[ "$chromium" == /usr/bin/chromium && "$driver" == /usr/bin/chromedriver ]]; then
  sudo_cmd=()
  if [[ "$(id -u)" != 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "ensure-browser: chromium/chromium-driver are missing and this user is not root (no sudo):" >&2
      echo "  as root: apt-get update && apt-get install -y chromium chromium-driver" >&2
      exit 1
    fi
    sudo_cmd=(sudo)
  fi
  echo "ensure-browser: installing chromium and chromium-driver (Debian packages) for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
  if [[ -x "$chromium" && -x "$driver" ]]; then
    exit 0
  fi
  echo "ensure-browser: apt-get finished but $chromium or $driver is still missing" >&2
  exit 1
fi

cat >&2 <<MSG
ensure-browser: the browser tests need a headless Chromium and its chromedriver, and this machine has
  $chromium: $([[ -x "$chromium" ]] && echo present || echo missing)
  $driver: $([[ -x "$driver" ]] && echo present || echo missing)
Install them (Debian/Ubuntu: apt-get install chromium chromium-driver; macOS: brew install --cask chromium
chromedriver), then run the tests with their paths, e.g.
  BROWSER_CHROMIUM=/path/to/chromium BROWSER_CHROMEDRIVER=/path/to/chromedriver bin/originbridge test
or skip the browser tier: bin/originbridge test -Dbrowser.skip=true
MSG
exit 1
