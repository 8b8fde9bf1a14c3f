#!/usr/bin/env bash
# Active web scan of one running node with the distribution's scanners (apt-get install -y wapiti sqlmap):
#   - wapiti as an anonymous visitor and signed in as each role (ROLES); the roles with two-step sign-in
#     (clinician, privacy, sysadmin) enrol an authenticator on their first sign-in here: the script reads the
#     secret from the enrolment page and computes the TOTP codes itself;
#   - sqlmap (no --smart: every parameter is tested) against the JSON API's query parameters and the JSON
#     bodies of POST /api/v1/registrations and POST /api/v1/surveys/waves/{id}/responses, with a participant's
#     access token.
# Starts its own node on the demo profile (embedded H2 under target/scan/, plain HTTP on loopback, so the
# session cookie is not Secure-only here) unless BASE is given. Reports land in target/scan/ (summary.txt
# lists every finding); triage them in docs/security-scan.md.
# Bounded: each wapiti run crawls for at most SCAN_SECONDS (default 300), then attacks for at most ATTACK_SECONDS (default
# 60) per module (blindsql, time-based, is left out by default: add it with MODULES);
# sqlmap runs at --level 2 --risk 1 with a 20 s timeout per request.
#
# Each wapiti run keeps its state in its own --store-session folder, so runs can go in parallel (ROLES=… in two
# shells with BASE=…) without locking one another's SQLite file.
#
# Debian 12's wapiti 3.0.4 crashes with any -x exclusion on Python 3.11 (its wildcard translation appends
# the global flags "(?ms)" after the pattern, which Python 3.11 rejects). The scan runs wapiti through a small
# wrapper that puts the flags first, so the sign-out form and the session-changing forms can be excluded and a
# signed-in scan stays signed in.
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
  cp "$jar" "$out/cpr.jar"
  java=${JAVA:-$(ls -d /usr/lib/jvm/temurin-2*-jdk-amd64 2>/dev/null | tail -1)/bin/java}
  rm -rf "$out/data"; mkdir -p "$out/data"
  (cd "$out/data" && exec "$java" -Xmx768m -XX:TieredStopAtLevel=1 -jar "$out/cpr.jar" --server.port="$port" \
      --server.servlet.session.cookie.secure=false --cpr.identity.login-attempts-per-client=100000 \
      --logging.level.root=WARN > "$out/node.log" 2>&1) &
  node=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 900); do curl -fsS "$base/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 1; done
fi
: > "$out/summary.txt"
say() { echo "$*" | tee -a "$out/summary.txt"; }

totp() { # base32 secret [step offset] -> 6 digits
  python3 - "$1" "${2:-0}" <<'PY'
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
counter = int(time.time()) // 30 + int(sys.argv[2])
mac = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
o = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7fffffff) % 1000000))
PY
}
csrf_of() { sed -n 's/.*name="_csrf"[[:space:]]*value="\([^"]*\)".*/\1/p' | head -1; }
signin() { # username -> prints the Cookie header value of a fully signed-in session (second factor included)
  local jar page csrf secret
  jar=$(mktemp)
  csrf=$(curl -fsS -c "$jar" "$base/login" | csrf_of)
  curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$1" --data-urlencode "password=demo-resilience-2026" \
       --data-urlencode "_csrf=$csrf" "$base/login"
  page=$(curl -fsS -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' "$base/home" || true)
  if [[ "$page" == */mfa/enrol ]]; then   # first sign-in of a two-step role: enrol an authenticator
    page=$(curl -fsS -b "$jar" -c "$jar" "$base/mfa/enrol")
    secret=$(echo "$page" | sed -n 's/.*id="totp-secret">\([A-Z2-7]*\)<.*/\1/p' | head -1)
    echo "$secret" > "$out/totp-$1.secret"
    curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "code=$(totp "$secret")" \
         --data-urlencode "_csrf=$(echo "$page" | csrf_of)" "$base/mfa/enrol"
    curl -fsS -o /dev/null -b "$jar" -c "$jar" "$base/mfa/recovery-codes"
  elif [[ "$page" == */mfa/verify ]]; then   # enrolled earlier in this run: the next step's code (not yet used)
    page=$(curl -fsS -b "$jar" -c "$jar" "$base/mfa/verify")
    curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "code=$(totp "$(cat "$out/totp-$1.secret")" 1)" \
         --data-urlencode "_csrf=$(echo "$page" | csrf_of)" "$base/mfa/verify"
  fi
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base/home")
  [ "$status" = 200 ] || echo "sign-in of $1 did not reach /home (HTTP $status)" >&2
  awk '$6 == "CPRSESSION" { print "CPRSESSION=" $7 }' "$jar"; rm -f "$jar"
}
still_signed_in() { # cookie -> 200 while the session is alive
  curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $1" "$base/home"
}
wapiti_run() { # wapiti 3.0.4 with -x working on Python 3.11 (see the header)
  /usr/bin/python3 - "$@" <<'PY'
import re, sys
import wapitiCore.net.crawler as crawler
def wildcard_translate(pattern):
    return re.compile("(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")
crawler.wildcard_translate = wildcard_translate
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
PY
}
scan() { # name [cookie]
  args=(-u "$base/" --scope folder --flush-session --max-scan-time "${SCAN_SECONDS:-300}"
        --max-attack-time "${ATTACK_SECONDS:-60}" --max-links-per-page 40 --max-files-per-dir 40 -d 4
        -x "$base/logout*" -x "$base/mfa/*" -x "$base/account/password*" -x "$base/account/tokens/*"
        -x "$base/api/docs*" -x "$base/webjars/*"
        --store-session "$out/wapiti-session-$1" -f json -o "$out/wapiti-$1.json" -m "${MODULES:-xss,permanentxss,sql,exec,file,redirect,crlf,csrf,http_headers,cookieflags,csp,methods}")
  [ -n "${2:-}" ] && args+=(-H "Cookie: $2")
  echo "wapiti as $1 ($(date -u +%T))"
  local t0=$(date +%s)
  wapiti_run "${args[@]}" > "$out/wapiti-$1.log" 2>&1 || true
  local alive=""
  [ -n "${2:-}" ] && alive=", still signed in afterwards: $([ "$(still_signed_in "$2")" = 200 ] && echo yes || echo no)"
  say "== wapiti as $1: $(( $(date +%s) - t0 )) s, $(grep -oE "found [0-9]+ URLs and forms" "$out/wapiti-$1.log" | head -1)$alive"
  [ -f "$out/wapiti-$1.json" ] || { say "  no report (see $out/wapiti-$1.log)"; return 0; }
  python3 - "$out/wapiti-$1.json" <<'PY' | tee -a "$out/summary.txt"
import json, sys
r = json.load(open(sys.argv[1]))
n = 0
for kind in ("vulnerabilities", "anomalies", "additionals"):
    for cat, items in sorted(r.get(kind, {}).items()):
        for v in items:
            n += 1
            print(f"  [{kind[:-1]} level {v.get('level')}] {cat}: {v.get('method')} {v.get('path')} {v.get('parameter') or ''} - {(v.get('info') or '')[:160]}")
print(f"  {n} findings")
PY
}
scan anonymous
for role in ${ROLES:-resident leader facilitator director admin peer researcher clinician privacy sysadmin}; do
  scan "$role" "$(signin "$role")"
done

say "== sqlmap (no --smart, --level 2 --risk 1) with a participant's token"
token="Authorization: Bearer cpr_demo_participant_4f7d2c9a1b6e8035"
offering=$(curl -fsS -H "$token" "$base/api/v1/offerings" | python3 -c 'import json,sys; o=json.load(sys.stdin); print(o[0]["id"] if o else "00000000-0000-0000-0000-000000000001")')
wave=$(curl -fsS -H "Cookie: $(signin resident)" "$base/surveys" | grep -oE '/surveys/waves/[0-9a-f-]{36}' | head -1 | cut -d/ -f4)
wave=${wave:-00000000-0000-0000-0000-000000000001}
sqlmap_run() { # name url [extra sqlmap args...]
  local name=$1 url=$2; shift 2
  sqlmap -u "$url" -H "$token" --batch --level 2 --risk 1 --timeout 20 --retries 1 --flush-session \
         --output-dir="$out/sqlmap" "$@" > "$out/sqlmap-$name.log" 2>&1 || true
  say "  $name: $(grep -hoE "parameter '[^']+' (is|appears to be|does not seem to be) [^.(]*|all tested parameters do not appear to be injectable|[0-9]+ HTTP requests|no parameter\(s\) found[^.]*" "$out/sqlmap-$name.log" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
}
sqlmap_run directory "$base/api/v1/directory?q=sleep&audience=RESIDENT&category=COUNSELING&confidentiality=CONFIDENTIAL&free=true"
sqlmap_run offerings "$base/api/v1/offerings?kind=TALK&from=2026-01-01&audience=RESIDENT&topic=00000000-0000-0000-0000-000000000001"
sqlmap_run slots "$base/api/v1/assistance/slots?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&modality=VIDEO&limit=20"
sqlmap_run registrations "$base/api/v1/registrations" --method POST -H "Content-Type: application/json" \
  --data "{\"offeringId\":\"$offering\"}" --ignore-code=400,404,409   # the demo may list no offering: test all the same
sqlmap_run survey-response "$base/api/v1/surveys/waves/$wave/responses" --method POST -H "Content-Type: application/json" \
  -H "Idempotency-Key: sqlmap-probe-1" --data '{"answers":{"q1":"3","q2":"free text"},"context":{"hospital":"UH","rotation":"ICU","pgyLevel":"PGY1"}}'
sqlmap_run survey-response-fhir "$base/api/v1/surveys/waves/$wave/responses?hospital=UH&rotation=ICU&pgyLevel=PGY1" \
  --method POST -H "Content-Type: application/fhir+json" -H "Idempotency-Key: sqlmap-probe-2" -p hospital,rotation,pgyLevel \
  --data '{"resourceType":"QuestionnaireResponse","status":"completed","item":[]}'
echo "summary: $out/summary.txt"
