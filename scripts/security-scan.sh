#!/usr/bin/env bash
# Active web scan of one running node with the distribution's scanners (apt-get install -y wapiti sqlmap):
# wapiti as an anonymous visitor and signed in as each role whose sign-in has no second factor, and
# sqlmap against the JSON API's query parameters with a participant's access token. Starts its own node on
# the demo profile (embedded H2 under target/scan/, plain HTTP on loopback, so the session cookie is not
# Secure-only here) unless BASE is given. Reports land in target/scan/; triage them in docs/security-scan.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(pwd)/target/scan
mkdir -p "$out"
port=${PORT:-18095}
base=${BASE:-}
node=""
trap '[ -n "$node" ] && kill -9 "$node" 2>/dev/null || true' EXIT
if [ -z "$base" ]; then
  jar=$(ls target/cpr-platform-*.jar | grep -v plain | head -1)
  java=${JAVA:-$(ls -d /usr/lib/jvm/temurin-2*-jdk-amd64 2>/dev/null | tail -1)/bin/java}
  rm -rf "$out/data"; mkdir -p "$out/data"
  (cd "$out/data" && exec "$java" -Xmx768m -jar "../../../$jar" --server.port="$port" --server.servlet.session.cookie.secure=false \
      --cpr.identity.login-attempts-per-client=100000 --logging.level.root=WARN > "$out/node.log" 2>&1) &
  node=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 300); do curl -fsS "$base/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 1; done
fi
signin() { # username -> prints Cookie header value
  jar=$(mktemp)
  csrf=$(curl -fsS -c "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$1" --data-urlencode "password=demo-resilience-2026" \
       --data-urlencode "_csrf=$csrf" "$base/login"
  awk '$6 == "CPRSESSION" { print "CPRSESSION=" $7 }' "$jar"; rm -f "$jar"
}
scan() { # name [cookie]
  # no -x exclusions: Debian 12's wapiti 3.0.4 turns them into a regular expression Python 3.11 rejects
  args=(-u "$base/" --scope folder --flush-session --max-scan-time "${SCAN_SECONDS:-240}"
        --max-attack-time "${ATTACK_SECONDS:-60}" -f json -o "$out/wapiti-$1.json" -m "xss,permanentxss,sql,timesql,exec,file,redirect,crlf,ssrf,csrf,http_headers,cookieflags,methods")
  [ -n "${2:-}" ] && args+=(-H "Cookie: $2")
  echo "wapiti as $1"; wapiti "${args[@]}" > "$out/wapiti-$1.log" 2>&1 || true
  [ -f "$out/wapiti-$1.json" ] || { echo "  no report (see $out/wapiti-$1.log)"; return 0; }
  python3 - "$out/wapiti-$1.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for cat, items in sorted(r.get("vulnerabilities", {}).items()):
    for v in items:
        print(f"  [{v.get('level')}] {cat}: {v.get('method')} {v.get('path')} {v.get('parameter','')} - {v.get('info','')[:120]}")
for cat, items in sorted(r.get("anomalies", {}).items()):
    for v in items:
        print(f"  [anomaly {v.get('level')}] {cat}: {v.get('method')} {v.get('path')} {v.get('parameter','')}")
PY
  true
}
scan anonymous
for role in ${ROLES:-resident leader facilitator director admin peer researcher}; do
  scan "$role" "$(signin "$role")"
done
echo "sqlmap on the API's parameters (participant token)"
token="Authorization: Bearer cpr_demo_participant_4f7d2c9a1b6e8035"
for url in "$base/api/v1/directory?q=sleep&audience=RESIDENT&category=COUNSELING" "$base/api/v1/offerings?kind=TALK&from=2026-01-01&topic=00000000-0000-0000-0000-000000000001"; do
  sqlmap -u "$url" -H "$token" --batch --level 2 --risk 1 --smart --output-dir="$out/sqlmap" > "$out/sqlmap-$(echo "$url" | md5sum | cut -c1-8).log" 2>&1 || true
  log="$out/sqlmap-$(echo "$url" | md5sum | cut -c1-8).log"
  echo "  $url: $(grep -hoE "parameter '[^']+' (is|appears to be) [^.]*|all tested parameters do not appear to be injectable" "$log" | sort -u | tr '\n' ';')"
done
