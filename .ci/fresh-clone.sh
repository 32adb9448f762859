#!/usr/bin/env bash
# README's promise, checked as a newcomer meets it: a clone in a folder with no ../shared beside it, `npm ci`, then
# `npm start` serves the real Call (1,222 supporters, the Call's text, a published index edition) from the reference
# bundle on the embedded database. Prints one line per check and exits non-zero when one fails.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
clone="$work/pariscall"
# The server runs in a process group of its own (npm, sh, node and its web fronts): stopping it stops them all.
trap '[ "$server" -gt 0 ] && kill -KILL -- -"$server" 2>/dev/null; rm -rf "$work"' EXIT
server=0
fail=0
check() { if eval "$2"; then echo "  ok   $1"; else echo "  FAIL $1"; fail=1; fi; }

git clone -q "$repo" "$clone" || exit 1
[ ! -e "$work/shared" ] || { echo "../shared exists beside the clone"; exit 1; }
cd "$clone"
npm ci --no-audit --no-fund --loglevel=error >"$work/npm-ci.log" 2>&1 || { cat "$work/npm-ci.log"; exit 1; }
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
started=$(date +%s%N)
PORT=$port HOST=127.0.0.1 setsid npm start >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/en" && break; sleep 0.05; done
echo "  first page after $(( ($(date +%s%N) - started) / 1000000 )) ms (npm start on a new ./data)"
base="http://127.0.0.1:$port"
check "the log says the official checkout is absent and the bundle was loaded" "grep -q 'IMPORT_ON_EMPTY: .* not found' '$work/server.log' && grep -q 'Reference bundle loaded' '$work/server.log'"
check "/api/v1/stats counts 1,222 supporters, 81 states" "curl -sf '$base/api/v1/stats' | node -e 'const s=JSON.parse(require(\"fs\").readFileSync(0));process.exit(s.total===1222&&s.byCategory.state===81?0:1)'"
# Saved first: `grep -q` in a pipe stops reading at the first match, and curl, writing the rest, fails with SIGPIPE under pipefail.
check "/en/call shows the text of the Call" "curl -sf '$base/en/call' -o '$work/call.html' && grep -q 'Paris Call for Trust and Security in Cyberspace' '$work/call.html'"
check "/fr/principles lists the nine principles" "[ \$(curl -sf '$base/fr/principles' | grep -o 'principles/[1-9]\"' | sort -u | wc -l) -eq 9 ]"
check "/api/v1/index/editions lists a published edition" "curl -sf '$base/api/v1/index/editions' | node -e 'const b=JSON.parse(require(\"fs\").readFileSync(0));const items=b.items??b.editions??b;process.exit(Array.isArray(items)&&items.length>0?0:1)'"
check "web fronts run beside the server (WEB_FRONTS=auto: $(nproc) here)" "[ \$(pgrep -g '$server' -f web-front-process | wc -l) -eq \$(( \$(nproc) < 8 ? \$(nproc) : 8 )) ]"
# Ctrl-C in a terminal signals the whole group: the server and its web fronts finish what they do and exit.
kill -INT -- -"$server" 2>/dev/null
stopped() { for _ in $(seq 1 200); do pgrep -g "$server" >/dev/null || return 0; sleep 0.1; done; return 1; }
check "Ctrl-C stops the server and its web fronts" "stopped"
[ "$fail" -eq 0 ] || { echo "--- server log"; tail -20 "$work/server.log"; }
exit "$fail"
