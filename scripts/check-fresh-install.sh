#!/usr/bin/env bash
# The README's first command on a clean clone: `npm install && npm start`, with the environment as
# it is (run it where Electron's download host cannot be reached to check the browser fallback).
# Without a display, `npm start` prints the web host's address; this fetches the app's page from
# it, then stops `npm start` with Ctrl+C (SIGINT) and checks that the web host stopped too.
#
#   bash scripts/check-fresh-install.sh [commit-ish]     # default: HEAD; not part of npm test
#
# It takes minutes: the install may compile better-sqlite3.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:-HEAD}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone -q --no-checkout "$repo" "$work/app"
git -C "$work/app" checkout -q --detach "$rev"
cd "$work/app"

started=$SECONDS
npm install --no-audit --no-fund >"$work/install.log" 2>&1 || {
  tail -40 "$work/install.log"
  echo "FAIL: npm install failed after $((SECONDS - started)) s (log above)."
  exit 1
}
echo "npm install: $((SECONDS - started)) s"
if [ -x node_modules/electron/dist/electron ]; then mode=electron; else mode=browser; fi
echo "Electron's binary: $([ $mode = electron ] && echo installed || echo absent, so npm start uses the browser)"
if [ $mode = electron ]; then
  echo "Electron is installed here: npm start opens its window; check that by hand."
  exit 0
fi

started=$SECONDS
# Its own process group, so that the SIGINT below reaches every process of it, as Ctrl+C does.
set -m
env -u DISPLAY -u WAYLAND_DISPLAY npm start -- --data-dir "$work/data" >"$work/start.log" 2>&1 &
pid=$!
url=""
for _ in $(seq 1 180); do
  url="$(grep -o '"openUrl":"[^"]*' "$work/start.log" | cut -d'"' -f4 || true)"
  [ -n "$url" ] && break
  kill -0 $pid 2>/dev/null || break
  sleep 1
done
cat "$work/start.log"
[ -n "$url" ] || { echo "FAIL: npm start printed no address."; exit 1; }
echo "npm start to the address: $((SECONDS - started)) s"
grep -q "Electron's binary is not installed" "$work/start.log" || { echo "FAIL: npm start did not say why."; exit 1; }
grep -q "open $url" "$work/start.log" || { echo "FAIL: the address was not printed for a person to open."; exit 1; }
curl -sf "$url" | grep -q '<title>Hearing Room</title>' || { echo "FAIL: $url does not serve the app."; exit 1; }
echo "The app's page is served at the printed address."

kill -INT -- -$pid
for _ in $(seq 1 20); do kill -0 $pid 2>/dev/null || break; sleep 0.5; done
if kill -0 $pid 2>/dev/null; then echo "FAIL: npm start did not stop on SIGINT."; exit 1; fi
if curl -s -o /dev/null "$url"; then echo "FAIL: the web host still answers after npm start stopped."; exit 1; fi
echo "PASS: npm install && npm start brought the app up in the browser mode and stopped on Ctrl+C."
