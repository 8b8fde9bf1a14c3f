#!/usr/bin/env bash
# Active web scan of one running node with the distribution's scanners (apt-get install -y wapiti sqlmap):
#   - wapiti as an anonymous visitor and signed in as each role (ROLES); the roles with two-step sign-in
#     (clinician, privacy, sysadmin) enrol an authenticator on their first sign-in here: the script reads the
#     secret from the enrolment page and computes the TOTP codes itself;
#   - sqlmap (no --smart: every parameter is tested) against the JSON API's query parameters, the JSON bodies of
#     POST /api/v1/registrations and POST /api/v1/surveys/waves/{id}/responses (built from the wave's published
#     questionnaire: real item linkIds and answer codes, so the payloads reach validation and the scorer), the
#     Snapshot step forms, the CQI form and the speak-up forms (with a real session and CSRF token).
# The node runs on PostgreSQL by default (SCAN_DB=postgres): the packaged jar, prod profile, demo campus and its
# history seeded, plain HTTP on loopback (session cookie not Secure-only here). SCAN_DB_URL names the database
# (default jdbc:postgresql://127.0.0.1:5432/cpr_scan; it is DROPPED and re-created unless SCAN_DB_RECREATE=0),
# SCAN_DB_USER / SCAN_DB_PASSWORD (postgres / empty). SCAN_DB=h2 runs the demo profile on an H2 file instead.
# BASE=http://host:port scans a node that is already running instead.
# Budgets (defaults proven on a 2-core machine, docs/security-scan.md): SCAN_SECONDS crawl per role (600),
# ATTACK_SECONDS per attack module (1200; wapiti stops a module that reaches it). Each run writes per module the
# requests sent, pages attacked, seconds and whether it went through every page (completed) or was stopped.
# MODULES (default: xss,permanentxss,sql,blindsql,exec,file,ssrf,redirect,crlf,csrf,http_headers,cookieflags,csp,methods);
# ssrf gets a local endpoint (scripts/scan/ssrf-endpoint.py on SSRF_PORT, default PORT+1) instead of wapiti's
# public one, since the node must reach it. ROLES: default anonymous first, then participant (resident), program
# director, system administrator, then the rest. SQLMAP=0 skips sqlmap; WAPITI=0 skips wapiti.
# Reports land in target/scan/ (summary.txt lists every finding); triage them in docs/security-scan.md.
#
# Each wapiti run keeps its state in its own --store-session folder, so runs can go in parallel (ROLES=… in two
# shells with BASE=…) without locking one another's SQLite file.
#
# Debian 12's wapiti 3.0.4 crashes with any -x exclusion on Python 3.11 (its wildcard translation appends
# the global flags "(?ms)" after the pattern, which Python 3.11 rejects). The scan runs wapiti through
# scripts/scan/wapiti-counted.py, which puts the flags first (so the sign-out form and the session-changing
# forms can be excluded and a signed-in scan stays signed in) and counts requests per module.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=${SCAN_OUT:-$root/target/scan}
mkdir -p "$out"
port=${PORT:-18095}
ssrf_port=${SSRF_PORT:-$((port + 1))}
base=${BASE:-}
node=""
ssrf=""
trap '[ -n "$node" ] && kill -9 "$node" 2>/dev/null; [ -n "$ssrf" ] && kill "$ssrf" 2>/dev/null; true' EXIT
if [ -z "$base" ]; then
  jar=$(ls target/cpr-platform-*.jar | grep -v plain | head -1)
  cp "$jar" "$out/cpr.jar"
  java=${JAVA:-$(ls -d /usr/lib/jvm/temurin-2*-jdk-amd64 2>/dev/null | tail -1)/bin/java}
  rm -rf "$out/data"; mkdir -p "$out/data"
  common=(--server.port="$port" --server.servlet.session.cookie.secure=false
          --cpr.identity.login-attempts-per-client=100000 --logging.level.root=WARN --logging.level.org.cpr.platform=INFO)
  if [ "${SCAN_DB:-postgres}" = postgres ]; then
    db_url=${SCAN_DB_URL:-jdbc:postgresql://127.0.0.1:5432/cpr_scan}
    if [ "${SCAN_DB_RECREATE:-1}" = 1 ]; then
      hostport=${db_url#jdbc:postgresql://}; dbname=${hostport#*/}; dbname=${dbname%%\?*}; hostport=${hostport%%/*}
      PGPASSWORD=${SCAN_DB_PASSWORD:-} psql -q -h "${hostport%%:*}" -p "${hostport##*:}" -U "${SCAN_DB_USER:-postgres}" -d postgres \
        -c "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" -c "CREATE DATABASE $dbname"
    fi
    (cd "$out/data" && CPR_DB_URL="$db_url" CPR_DB_USER=${SCAN_DB_USER:-postgres} CPR_DB_PASSWORD=${SCAN_DB_PASSWORD:-} \
        CPR_CRYPTO_KEY=$(openssl rand -base64 32) CPR_SAFETY_MAILBOX=safety-desk@localhost CPR_AUDIT_CHECKPOINT_DIR="$out/data" \
        exec "$java" -Xmx768m -XX:TieredStopAtLevel=1 -jar "$out/cpr.jar" --spring.profiles.active=prod \
        --cpr.demo.seed=true --cpr.demo.history=true --cpr.demo.history-seed=2026 --cpr.demo.history-in-background=true \
        "${common[@]}" > "$out/node.log" 2>&1) &
  else
    (cd "$out/data" && exec "$java" -Xmx768m -XX:TieredStopAtLevel=1 -jar "$out/cpr.jar" "${common[@]}" > "$out/node.log" 2>&1) &
  fi
  node=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 900); do curl -fsS "$base/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 1; done
  echo "node ready; waiting for the demo history (seeded after readiness)"
  for _ in $(seq 1 1800); do grep -q "Demo history seeded" "$out/node.log" && break; sleep 2; done
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
wapiti_run() { # stats-file wapiti-arguments... (see the header)
  /usr/bin/python3 "$root/scripts/scan/wapiti-counted.py" "$@"
}
modules=${MODULES:-xss,permanentxss,sql,blindsql,exec,file,ssrf,redirect,crlf,csrf,http_headers,cookieflags,csp,methods}
if [[ ",$modules," == *,ssrf,* ]] && [ "${WAPITI:-1}" = 1 ]; then
  if ! curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$ssrf_port/"; then
    /usr/bin/python3 "$root/scripts/scan/ssrf-endpoint.py" "$ssrf_port" > "$out/ssrf-endpoint.log" 2>&1 &
    ssrf=$!; sleep 1
  fi
fi
scan() { # name [cookie]
  args=(-u "$base/" --scope folder --flush-session --max-scan-time "${SCAN_SECONDS:-600}"
        --max-attack-time "${ATTACK_SECONDS:-1200}" --max-links-per-page 40 --max-files-per-dir 40 -d 4
        -x "$base/logout*" -x "$base/mfa/*" -x "$base/account/password*" -x "$base/account/tokens/*"
        -x "$base/api/docs*" -x "$base/webjars/*" --endpoint "http://127.0.0.1:$ssrf_port/"
        --store-session "$out/wapiti-session-$1" -f json -o "$out/wapiti-$1.json" -m "$modules")
  [ -n "${2:-}" ] && args+=(-H "Cookie: $2")
  echo "wapiti as $1 ($(date -u +%T))"
  local t0=$(date +%s)
  wapiti_run "$out/wapiti-$1.stats.json" "${args[@]}" > "$out/wapiti-$1.log" 2>&1 || true
  local alive=""
  [ -n "${2:-}" ] && alive=", still signed in afterwards: $([ "$(still_signed_in "$2")" = 200 ] && echo yes || echo no)"
  local crawl="crawl completed"
  grep -q "Max scan time was reached" "$out/wapiti-$1.log" && crawl="crawl STOPPED at SCAN_SECONDS"
  say "== wapiti as $1: $(( $(date +%s) - t0 )) s, $(grep -oE "found [0-9]+ URLs and forms" "$out/wapiti-$1.log" | head -1), $crawl$alive"
  [ -f "$out/wapiti-$1.stats.json" ] && python3 - "$out/wapiti-$1.stats.json" <<'PY' | tee -a "$out/summary.txt"
import json, sys
s = json.load(open(sys.argv[1]))
print(f"  crawl: {s['crawl_requests']} requests; total {s['total_requests']}")
for m in s["modules"]:
    print(f"  module {m['module']}: {m['requests']} requests, {m['pages']} pages, {m['seconds']} s, "
          + ("completed" if m["completed"] else "STOPPED at ATTACK_SECONDS"))
PY
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
if [ "${WAPITI:-1}" = 1 ]; then
  for role in ${ROLES:-anonymous resident director sysadmin leader facilitator admin peer researcher clinician privacy}; do
    if [ "$role" = anonymous ]; then scan anonymous; else scan "$role" "$(signin "$role")"; fi
  done
fi
[ "${SQLMAP:-1}" = 1 ] || { echo "summary: $out/summary.txt"; exit 0; }

say "== sqlmap (no --smart) with a participant's token and signed-in forms"
token="Authorization: Bearer cpr_demo_participant_4f7d2c9a1b6e8035"
resident=$(signin resident)
offering=$(curl -fsS -H "$token" "$base/api/v1/offerings" | python3 -c 'import json,sys; o=json.load(sys.stdin); print(o[0]["id"] if o else "00000000-0000-0000-0000-000000000001")')
wave=$(curl -fsS -H "Cookie: $resident" "$base/surveys" | grep -oE '/surveys/waves/[0-9a-f-]{36}' | head -1 | cut -d/ -f4)
wave=${wave:-00000000-0000-0000-0000-000000000001}
sqlmap_run() { # name url [extra sqlmap args...]
  local name=$1 url=$2; shift 2
  # --answers: sqlmap would skip a typed parameter (enum, date, UUID: "possible type casting"); test it all the same
  sqlmap -u "$url" --batch --answers="skip those kind=N" --level "${SQLMAP_LEVEL:-2}" --risk 1 --timeout 30 --retries 1 --flush-session \
         --output-dir="$out/sqlmap" -t "$out/sqlmap-$name.traffic" "$@" > "$out/sqlmap-$name.log" 2>&1 || true
  say "  $name: $(grep -c '^HTTP request \[#' "$out/sqlmap-$name.traffic" 2>/dev/null) requests; $(grep -hoE "parameter '[^']+' (is vulnerable|appears to be injectable|does not seem to be injectable)|all tested parameters do not appear to be injectable|^[0-9]+ \([A-Za-z ]+\) - [0-9]+ times|no parameter\(s\) found[^.]*" "$out/sqlmap-$name.log" | sort | uniq | tr '\n' ';')"
}
api=(-H "$token")
form() { # page-path action-path cookie -> "body<newline>params" of that form, with the page's CSRF token
  curl -fsS ${3:+-H "Cookie: $3"} "$base$1" | python3 "$root/scripts/scan/form-fields.py" "$2"
}
sqlmap_run directory "$base/api/v1/directory?q=sleep&audience=RESIDENT&category=COUNSELING&confidentiality=CONFIDENTIAL&free=true" "${api[@]}"
sqlmap_run offerings "$base/api/v1/offerings?kind=LECTURE&from=2026-01-01&audience=RESIDENT&topic=00000000-0000-0000-0000-000000000001" "${api[@]}"
sqlmap_run slots "$base/api/v1/assistance/slots?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&modality=VIDEO&limit=20" "${api[@]}"
sqlmap_run registrations "$base/api/v1/registrations" "${api[@]}" --method POST -H "Content-Type: application/json" \
  --data "{\"offeringId\":\"$offering\"}" --ignore-code=400,404,409   # the demo may list no offering: test all the same
# The survey body from the wave's published questionnaire (the web form's a_<linkId> fields and their answer codes).
# Every item is answered with its first answer code or a short text, the codes as JSON strings: the scorer reads
# every payload and refuses the choice items ("answer.notAChoice": it wants the code as a number), so nothing is
# stored (a stored response would answer every later payload 409 before scoring) and each payload reaches the scorer.
survey_body=$(form "/surveys/waves/$wave" "/surveys/waves/$wave" "$resident" | head -1 | python3 -c '
import json, sys, urllib.parse
f = dict(urllib.parse.parse_qsl(sys.stdin.read().strip()))
items = [(k[2:], v) for k, v in f.items() if k.startswith("a_")]
print(json.dumps({"answers": dict(items),
                  "context": {"hospital": f.get("ctx_hospital", "UH"), "rotation": f.get("ctx_rotation", "icu"),
                              "pgyLevel": f.get("ctx_pgy", "PGY1")}}))')
say "  survey-response body: $survey_body"
sqlmap_run survey-response "$base/api/v1/surveys/waves/$wave/responses" "${api[@]}" --method POST -H "Content-Type: application/json" \
  --randomize=Idempotency-Key -H "Idempotency-Key: sqlmap-probe-1" --data "$survey_body" --ignore-code=422
sqlmap_run survey-response-fhir "$base/api/v1/surveys/waves/$wave/responses?hospital=UH&rotation=icu&pgyLevel=PGY1" \
  "${api[@]}" --method POST -H "Content-Type: application/fhir+json" -H "Idempotency-Key: sqlmap-probe-2" -p hospital,rotation,pgyLevel \
  --data '{"resourceType":"QuestionnaireResponse","status":"completed","item":[]}' --ignore-code=422
# Web forms with a real session (its CSRF token stays valid for the session) and the form's own fields.
for n in $(seq 1 "${SNAPSHOT_STEPS:-7}"); do
  body=$(form "/snapshot/take/$n" "/snapshot/take/$n" "$resident")
  [ -n "$(echo "$body" | tail -1)" ] || { say "  snapshot-step-$n: no form"; continue; }
  SQLMAP_LEVEL=${SNAPSHOT_LEVEL:-1} sqlmap_run "snapshot-step-$n" "$base/snapshot/take/$n" --cookie "$resident" --drop-set-cookie \
    --data "$(echo "$body" | head -1)" -p "$(echo "$body" | tail -1)" --ignore-code=422
  # leave the draft on the next step with valid answers
  curl -fsS -o /dev/null -H "Cookie: $resident" --data "$(form "/snapshot/take/$n" "/snapshot/take/$n" "$resident" | head -1)" \
    "$base/snapshot/take/$n" || true
done
body=$(form /cqi/confidential-report /cqi/confidential-report "$resident")
sqlmap_run cqi-confidential-report "$base/cqi/confidential-report" --cookie "$resident" --drop-set-cookie \
  --data "$(echo "$body" | head -1)" -p "$(echo "$body" | tail -1)" --randomize=idempotencyKey --ignore-code=422
# The anonymous speak-up channel keeps its CSRF token in a cookie of its own (Secure, scoped to /speak-up): taken
# once here and sent explicitly, since a client's cookie jar keeps a Secure cookie off plain http.
jar=$(mktemp)
page=$(curl -fsS -c "$jar" "$base/speak-up")
speak_cookie=$(awk '$6 == "CPRSPEAKUP-XSRF" { print "CPRSPEAKUP-XSRF=" $7 }' "$jar"); rm -f "$jar"
body=$(echo "$page" | python3 "$root/scripts/scan/form-fields.py" /speak-up)
sqlmap_run speak-up "$base/speak-up" --cookie "$speak_cookie" --drop-set-cookie \
  --data "$(echo "$body" | head -1)" -p "$(echo "$body" | tail -1)" --randomize=idempotencyKey --ignore-code=422
body=$(curl -fsS -H "Cookie: $speak_cookie" "$base/speak-up/replies" | python3 "$root/scripts/scan/form-fields.py" /speak-up/replies)
[ -n "$(echo "$body" | tail -1)" ] && sqlmap_run speak-up-replies "$base/speak-up/replies" --cookie "$speak_cookie" \
  --drop-set-cookie --data "$(echo "$body" | head -1)" -p "$(echo "$body" | tail -1)" --ignore-code=422
echo "summary: $out/summary.txt"
