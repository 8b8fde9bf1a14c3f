#!/usr/bin/env bash
# The several-nodes proof (README "Production on several nodes"): on this machine, a private PostgreSQL,
# two application nodes (prod profile, demo campus seeded) and nginx with deploy/nginx/cpr.conf in front.
#
# PROOF_MODE=faults (default, ~10 min):
#   1. one node behind nginx, mixed load for ONE_NODE_SECONDS (default 45): throughput baseline;
#   2. both nodes, mixed load for PROOF_SECONDS (default 240): at 1/6 PostgreSQL is restarted (pg_ctl restart
#      -m fast) while both nodes serve, and the script times how long each node takes to answer healthy again by
#      itself; at 1/3 node A is killed (kill -9) and restarted 10 s later (the load does not wait for it);
#   3. the ledger, once nothing is left to deliver (checks below).
# PROOF_MODE=short (what CI runs, ~3 min on an idle 2-core machine): the same faults and the same checks, with
# no one-node phase, a two-node phase of PROOF_SECONDS (default 60), 8 participants, and the application's
# timers shortened (audit checkpoint every 10 s, snapshot choice grace 10 s, event resubmission and safety
# redelivery after 20 s) so that the ledger can be read a few seconds after the load.
# PROOF_MODE=throughput: no fault; after a warm-up of both nodes (WARMUP_SECONDS, default 30), the same load
# through one node and through two (both behind nginx) for THROUGHPUT_SECONDS (default 120) each, alternating,
# THROUGHPUT_ROUNDS (default 2) times; requests per second and the nodes' CPU time per request; then the ledger.
#
# Checks (each failing one prints a "FAILED:" line; the script then ends with "PROOF FAILED" and exit 1):
#   every acknowledged snapshot stored exactly once, every critical one with exactly one safety alert, every
#   acknowledged anonymous report stored, nobody signed out (sessions are in PostgreSQL), no event publication
#   left incomplete, no undecided critical snapshot left past its grace, both nodes healthy again by themselves
#   after the PostgreSQL restart, the killed node ready again after its restart and then serving: a session
#   signed in through nginx before the faults is sent straight to the restarted node (GET /home and /account,
#   signed in, no detour to sign-in), and a further load of AFTER_SECONDS (default 15 short, 30 faults) through
#   nginx once it is ready must have some of its requests answered by it; the audit checkpoint job
#   (scheduled, ShedLock) at most once per period across both nodes, and redirects through nginx keep https and
#   the public address (X-Forwarded-Host/-Port from nginx, relative Locations from Tomcat).
#
# Ports (defaults): PROOF_PGPORT (55432), PROOF_NODE_A (18081), PROOF_NODE_B (18082), PROOF_HTTPS (18443),
# PROOF_HTTP (18080). PROOF_USERS: participants driving the load (default 24, short mode 8; fewer on a starved
# machine, where 24 simultaneous password sign-ins alone outrun the CPU). The private PostgreSQL (a fresh initdb
# in a temporary directory, removed at the end) is the only one it starts, stops or connects to.
# Needs: a JDK 21+ (JAVA, else JAVA_HOME, else the newest under /usr/lib/jvm), nginx (apt-get install -y nginx;
# run with its own -c config and -p prefix, the system service is not used), PostgreSQL server binaries
# (initdb, pg_ctl), openssl, curl, python3; run as root (initdb and pg_ctl run as the postgres user via runuser).
# Uses the packaged jar in target/ (builds it only when there is none). Writes logs, nginx config and results
# under target/proof/. On exit, also on failure or Ctrl-C, stops the nodes, the load, nginx and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
began=$(date +%s)
MODE=${PROOF_MODE:-faults}
case "$MODE" in
  faults | throughput)
    ONE_NODE_SECONDS=${ONE_NODE_SECONDS:-45}; SECONDS_TOTAL=${PROOF_SECONDS:-240}; USERS=${PROOF_USERS:-24}
    CHECKPOINT_EVERY=30; GRACE=30; CHOICE_CHECK=10; RESUBMIT_AFTER=30; RESUBMIT_CHECK=15
    REDELIVERY_AFTER=60; REDELIVERY_CHECK=30; SETTLE_MAX=150; START_WAIT=900; AFTER_SECONDS=${AFTER_SECONDS:-30} ;;
  short)
    ONE_NODE_SECONDS=${ONE_NODE_SECONDS:-0}; SECONDS_TOTAL=${PROOF_SECONDS:-60}; USERS=${PROOF_USERS:-8}
    CHECKPOINT_EVERY=10; GRACE=10; CHOICE_CHECK=5; RESUBMIT_AFTER=20; RESUBMIT_CHECK=5
    REDELIVERY_AFTER=20; REDELIVERY_CHECK=5; SETTLE_MAX=90; START_WAIT=300; AFTER_SECONDS=${AFTER_SECONDS:-15} ;;
  *) echo "PROOF_MODE must be faults, short or throughput (got '$MODE')" >&2; exit 2 ;;
esac
PG_AT=$((SECONDS_TOTAL / 6))     # PostgreSQL restarted this many seconds into the two-node phase
KILL_AT=$((SECONDS_TOTAL / 3))   # node A killed then, restarted 10 s later
PGPORT=${PROOF_PGPORT:-55432}
A=${PROOF_NODE_A:-18081}
B=${PROOF_NODE_B:-18082}
HTTPS=${PROOF_HTTPS:-18443}
HTTP=${PROOF_HTTP:-18080}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
# not NGINX: nginx itself reads that variable (sockets inherited in a binary upgrade) and would complain
NGINX_BIN=${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}
unset NGINX
work=$root/target/proof
rm -rf "$work"; mkdir -p "$work/checkpoints" "$work/logs"

# a JDK 21 or newer (the default java of the machine may be older)
java_feature() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
java=${JAVA:-}
if [ -z "$java" ]; then
  for candidate in ${JAVA_HOME:+$JAVA_HOME/bin/java} $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV) java; do
    f=$(java_feature "$candidate" || true)
    if [ -n "$f" ] && [ "${f%%.*}" -ge 21 ]; then java=$candidate; break; fi
  done
fi
[ -n "$java" ] || { echo "FAILED: no JDK 21 or newer found (set JAVA)" >&2; exit 2; }

jar=$(ls "$root"/target/cpr-platform-*.jar 2>/dev/null | grep -v plain | head -1 || true)
[ -n "$jar" ] || { ./mvnw -B -ntp -q -DskipTests package; jar=$(ls "$root"/target/cpr-platform-*.jar | grep -v plain | head -1); }
pgjar=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)

pids=()
loadpid=
pgdir=
cleanup() {
  status=$?
  trap - EXIT INT TERM
  [ -n "$loadpid" ] && kill -9 "$loadpid" 2>/dev/null || true
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  if [ -n "$pgdir" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
    cp "$pgdir/postgres.log" "$work/logs/" 2>/dev/null || true
    rm -rf "$pgdir"
  fi
  echo "[$(date -u +%H:%M:%S)] $MODE proof: $(( $(date +%s) - began )) s wall time, exit $status; logs in $work/logs"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { echo "[$(date -u +%H:%M:%S)] $*"; }
failures=()
fail() { log "FAILED: $*"; failures+=("$*"); }

log "$MODE proof: jar $(basename "$jar"), $("$java" -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
# the nodes run the extracted jar (starts faster than java -jar); a rebuild during the run does not change them
"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
app=$(ls "$work"/app/cpr-platform-*.jar | head -1)

log "private PostgreSQL on port $PGPORT"
# in /tmp, not under the checkout: the postgres user may not be allowed into the checkout's parents (e.g. /root)
pgdir=$(mktemp -d /tmp/cpr-proof-pg.XXXXXX)
chown postgres "$pgdir"
runuser -u postgres -- "$PGBIN/initdb" -D "$pgdir/data" -A trust -U postgres >/dev/null
pg_ctl() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$pgdir/data" -o "-p $PGPORT -k $pgdir -c listen_addresses=127.0.0.1" \
             -l "$pgdir/postgres.log" -w "$@" >/dev/null; }
pg_ctl start
"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres cpr
db="jdbc:postgresql://127.0.0.1:$PGPORT/cpr"
sql() { "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d cpr -Atc "$1"; }

log "nginx (deploy/nginx/cpr.conf) on https://127.0.0.1:$HTTPS"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
# the access log also names the node that answered (which node served what, after the kill and restart)
sed -e "s#/etc/ssl/certs/cpr.example.edu.pem#$work/cert.pem#; s#/etc/ssl/private/cpr.example.edu.key#$work/key.pem#" \
    -e "s#/etc/nginx/cpr-upstream.conf#$work/upstream.conf#; s#access_log /var/log/nginx/cpr-access.log cpr_noquery;#access_log $work/logs/access.log cpr_proof;#" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$HTTPS ssl http2;#; s#listen 80;#listen 127.0.0.1:$HTTP;#; /listen \[::\]/d" \
    deploy/nginx/cpr.conf > "$work/cpr.conf"
cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path $work/nginx-body; proxy_temp_path $work/nginx-proxy;
  fastcgi_temp_path $work/nginx-fcgi; uwsgi_temp_path $work/nginx-uwsgi; scgi_temp_path $work/nginx-scgi;
  log_format cpr_proof '\$msec \$status \$upstream_addr "\$request_method \$uri" \$request_time';
  include $work/cpr.conf;
}
NGINX
upstream() { : > "$work/upstream.conf"; for port in "$@"; do echo "server 127.0.0.1:$port max_fails=2 fail_timeout=10s;" >> "$work/upstream.conf"; done; }
upstream "$A"
"$NGINX_BIN" -t -q -c "$work/nginx.conf" -p "$work"
"$NGINX_BIN" -c "$work/nginx.conf" -p "$work"

key=$(openssl rand -base64 32)
start_node() { # port name [seed the demo campus: true (default) / false]
  CPR_DB_URL="$db" CPR_DB_USER=postgres CPR_DB_PASSWORD= CPR_CRYPTO_KEY="$key" CPR_AUDIT_CHECKPOINT_DIR="$work/checkpoints" \
  CPR_SAFETY_MAILBOX=safety-desk@localhost \
    "$java" -Xms256m -Xmx512m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -jar "$app" --spring.profiles.active=prod --server.port="$1" \
      --cpr.demo.seed="${3:-true}" --cpr.proxy.trusted='127\.0\.0\.1' --cpr.identity.login-attempts-per-client=1000000 \
      --cpr.audit.checkpoint-every=PT${CHECKPOINT_EVERY}S --cpr.snapshot.choice-grace=PT${GRACE}S --cpr.snapshot.choice-check=PT${CHOICE_CHECK}S \
      --cpr.events.resubmit-after=PT${RESUBMIT_AFTER}S --cpr.events.resubmit-check=PT${RESUBMIT_CHECK}S \
      --cpr.safety.redelivery-after=PT${REDELIVERY_AFTER}S --cpr.safety.redelivery-check=PT${REDELIVERY_CHECK}S --springdoc.api-docs.enabled=false \
      >> "$work/logs/node-$2.log" 2>&1 &
  echo $!
}
ready() { # port [seconds] [pid: give up as soon as that process has ended]
  for _ in $(seq 1 "${2:-$START_WAIT}"); do
    curl -fsS -m 5 "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
    [ -z "${3:-}" ] || kill -0 "$3" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}
# the whole health (its database check included): 200 once the node reaches PostgreSQL again
healthy() { for _ in $(seq 1 "$2"); do curl -fsS -m 5 "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1 && return 0; sleep 1; done; return 1; }
# the load generator, compiled once (the source launcher compiles it at every run)
generator="$root/scripts/proof/ClusterProof.java"
[ -x "$(dirname "$java")/javac" ] && "$(dirname "$java")/javac" -nowarn -d "$work/classes" "$generator" && generator=ClusterProof
load() { "$java" -Djdk.internal.httpclient.disableHostnameVerification=true -Dproof.users="$USERS" -cp "$work/classes:$pgjar" "$generator" \
          "https://127.0.0.1:$HTTPS" "$db" postgres "$@"; }
is_ready() { # port name pid started-at: wait until the node is ready, or end the proof
  if ready "$1" "$START_WAIT" "$3"; then log "node $2 ($1) ready $(( $(date +%s) - $4 )) s after its start"; return 0; fi
  tail -30 "$work/logs/node-$2.log"; fail "node $2 did not become ready (within $START_WAIT s, or its process ended)"; exit 1
}

log "node A ($A): first start migrates the empty database and seeds the demo campus"
t_a=$(date +%s); a=$(start_node "$A" a); pids+=("$a")
# node B starts once A's migrations are in (Flyway then has nothing left to do on B), while A seeds; B does not
# seed (A does)
for _ in $(seq 1 "$START_WAIT"); do
  grep -qE 'Successfully applied [0-9]+ migrations|is up to date. No migration necessary' "$work/logs/node-a.log" && break
  kill -0 "$a" 2>/dev/null || break
  sleep 1
done
log "node B ($B), schema migrated by A"
t_b=$(date +%s); b=$(start_node "$B" b false); pids+=("$b")
is_ready "$A" a "$a" "$t_a"
is_ready "$B" b "$b" "$t_b"

check_redirect() { # path expected-public-url [curl arguments...]
  local path=$1 expected=$2 loc resolved; shift 2
  loc=$(curl -sk -o /dev/null -D - "$@" "https://127.0.0.1:$HTTPS$path" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
  resolved=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urljoin(sys.argv[1], sys.argv[2]))' "https://127.0.0.1:$HTTPS$path" "$loc")
  if [[ "$loc" == http:* ]] || [ "$resolved" != "$expected" ]; then
    fail "redirect through nginx left https or the public host: $path -> Location: $loc"
  else
    log "redirect through nginx keeps https and the public host: $path -> Location: $loc"
  fi
}
# Spring Security's redirect to the sign-in page (an absolute URL built from X-Forwarded-Host/-Port) ...
check_redirect /snapshot/take "https://127.0.0.1:$HTTPS/login"
# ... and a redirect the application sends as a path (Tomcat's sendRedirect: a refused sign-in)
cookies="$work/redirect-cookies"
csrf=$(curl -sk -c "$cookies" "https://127.0.0.1:$HTTPS/login" | sed -n 's/.*name="_csrf"[[:space:]]*value="\([^"]*\)".*/\1/p' | head -1)
check_redirect /login "https://127.0.0.1:$HTTPS/login?error=bad" -b "$cookies" --data-urlencode username=nobody-here \
  --data-urlencode password=not-the-password-1 --data-urlencode "_csrf=$csrf"

# The ledger, once nothing is left to deliver: no incomplete event publication and no critical snapshot still
# waiting for its person's choice (both settle within the grace and resubmission times unless something is stuck).
settle_and_check_ledger() {
  local t0 outstanding pending
  t0=$(date +%s)
  log "waiting (at most $SETTLE_MAX s) for event publications to complete and choice graces (${GRACE} s) to pass"
  while :; do
    outstanding=$(sql "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
    pending=$(sql "SELECT COUNT(*) FROM assessment_submission WHERE safety_state = 'PENDING'")
    [ "$outstanding" -eq 0 ] && [ "$pending" -eq 0 ] && break
    [ $(( $(date +%s) - t0 )) -ge "$SETTLE_MAX" ] && break
    sleep 2
  done
  log "after $(( $(date +%s) - t0 )) s: $outstanding event publications incomplete, $pending critical snapshots undecided past their grace"
  [ "$outstanding" -eq 0 ] || fail "$outstanding event publications still incomplete $SETTLE_MAX s after the load"
  [ "$pending" -eq 0 ] || fail "$pending critical snapshots still undecided (no pseudonymous review raised) $SETTLE_MAX s after the load"
  set +e; load 0 ledger-only | tee "$work/ledger.txt"; local status=${PIPESTATUS[0]}; set -e
  [ "$status" -eq 0 ] || fail "$(grep '^LEDGER BROKEN' "$work/ledger.txt" | sed 's/^LEDGER BROKEN/ledger broken/')"
}
finish() {
  grep -q "snapshot redirects: .*http://" "$work"/*-node*.txt && fail "a snapshot submission's redirect named plain http"
  if [ "${#failures[@]}" -eq 0 ]; then echo "PROOF PASSED ($MODE)"; exit 0; fi
  echo "PROOF FAILED ($MODE): ${#failures[@]} check(s) failed:"; printf '  - %s\n' "${failures[@]}"; exit 1
}

cd "$work"
if [ "$MODE" = throughput ]; then
  # Fairer than one phase of each: both nodes warmed up first with the same load, then the one-node and two-node
  # phases alternate (THROUGHPUT_ROUNDS times), so a change of the machine's other load hits both alike; besides
  # requests per second (wall clock, which other processes on the machine distort), the nodes' own CPU time per
  # request (from /proc, both nodes' JVMs together).
  T=${THROUGHPUT_SECONDS:-120}; ROUNDS=${THROUGHPUT_ROUNDS:-2}; W=${WARMUP_SECONDS:-30}
  tick=$(getconf CLK_TCK)
  nodes_cpu() { local t=0 p; for p in "$a" "$b"; do t=$(( t + $(awk '{ print $14 + $15 }' "/proc/$p/stat") )); done; echo "$t"; }
  phase() { # label result-file upstream-port...
    local label=$1 file=$2 c0 n ms; shift 2
    upstream "$@"; "$NGINX_BIN" -s reload -c "$work/nginx.conf" -p "$work"; sleep 2
    log "throughput: $label for ${T}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    c0=$(nodes_cpu)
    load "$T" "$label" no-ledger | tee "$work/$file"
    n=$(sed -n 's/^== .*: \([0-9]*\) requests in .*/\1/p' "$work/$file" | head -1)
    ms=$(( ($(nodes_cpu) - c0) * 1000 / tick ))
    log "$label: $n requests; the nodes used $ms ms of CPU, $(( n > 0 ? ms / n : 0 )) ms per request;" \
        "load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/throughput.txt"
  }
  upstream "$A" "$B"; "$NGINX_BIN" -s reload -c "$work/nginx.conf" -p "$work"
  log "warm-up: the same load through both nodes for ${W}s (not counted)"
  load "$W" "warm-up, both nodes" no-ledger > "$work/warmup.txt"
  for r in $(seq 1 "$ROUNDS"); do
    phase "one node, round $r" "one-node-$r.txt" "$A"
    phase "two nodes, round $r" "two-nodes-$r.txt" "$A" "$B"
  done
  grep -h "^== \|^   all" "$work"/one-node-*.txt "$work"/two-nodes-*.txt
  cat "$work/throughput.txt"
  settle_and_check_ledger
  finish
fi
if [ "$ONE_NODE_SECONDS" -gt 0 ]; then
  log "phase 1: one node behind nginx for ${ONE_NODE_SECONDS}s"
  load "$ONE_NODE_SECONDS" "one node" no-ledger | tee "$work/one-node.txt"
fi

upstream "$A" "$B"; "$NGINX_BIN" -s reload -c "$work/nginx.conf" -p "$work"
# one person signs in through nginx before the faults; after node A's restart their session cookie is sent straight
# to node A (sessions are in PostgreSQL, so any node must know it)
witness=facilitator
jar="$work/witness-cookies"
csrf=$(curl -sk -c "$jar" -b "$jar" "https://127.0.0.1:$HTTPS/login" | sed -n 's/.*name="_csrf"[[:space:]]*value="\([^"]*\)".*/\1/p' | head -1)
curl -sk -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$witness" --data-urlencode password=demo-resilience-2026 \
  --data-urlencode "_csrf=$csrf" "https://127.0.0.1:$HTTPS/login"
session=$(awk '$6 == "CPRSESSION" { print $7 }' "$jar" | tail -1)
# (to a file: "curl | grep -q" under pipefail fails when grep stops reading early)
curl -sk -m 30 -b "$jar" -o "$work/witness-page.html" "https://127.0.0.1:$HTTPS/account" || true
if [ -n "$session" ] && grep -q 'action="/logout"' "$work/witness-page.html"; then
  log "$witness signed in through nginx (session kept for the restarted node)"
else
  fail "$witness could not sign in through nginx before the faults"; session=
fi
log "two nodes for ${SECONDS_TOTAL}s, $USERS participants: PostgreSQL restarted at ${PG_AT}s, node A killed (kill -9) at ${KILL_AT}s and restarted 10 s later"
load "$SECONDS_TOTAL" "two nodes, PostgreSQL restarted, node A killed and restarted" no-ledger > "$work/two-nodes.txt" 2>&1 &
loadpid=$!
phase=$(date +%s)
sleep "$PG_AT"
log "restart PostgreSQL (pg_ctl restart -m fast) under load, both nodes up"
t0=$(date +%s)
pg_ctl -m fast restart
log "PostgreSQL is back after $(( $(date +%s) - t0 )) s"
for n in "$A" "$B"; do  # each node must reach the database again by itself (nobody touches the nodes)
  if healthy "$n" 120; then
    log "node on $n healthy (database check included) $(( $(date +%s) - t0 )) s after the restart began" | tee -a "$work/pg-restart.txt"
  else
    fail "node on $n not healthy 120 s after the PostgreSQL restart began (it did not reconnect by itself)"
  fi
done
wait_until=$(( phase + KILL_AT )); [ "$(date +%s)" -lt "$wait_until" ] && sleep $(( wait_until - $(date +%s) ))
log "kill -9 node A"; kill -9 "$a"
sleep 10; log "restart node A (the load goes on through node B)"
restarted=$(date +%s); a=$(start_node "$A" a); pids+=("$a")
wait "$loadpid" || true; loadpid=
cat "$work/two-nodes.txt"
if ready "$A" "$START_WAIT" "$a"; then
  log "node A ready again $(( $(date +%s) - restarted )) s after its restart"
else
  fail "node A not ready $START_WAIT s after its restart (see logs/node-a.log)"
fi
served=$(awk -v since="$restarted" -v node="127.0.0.1:$A" '$1 >= since && $3 == node && $2 < 500' "$work/logs/access.log" | wc -l)
log "through nginx after its restart, node A answered $served requests (before the load ended)"
# the restarted node serves: the witness's session (signed in before the faults, through nginx) straight to node A
if [ -n "$session" ]; then
  ok=0; sent=0
  for path in /home /account /home /account /home /account; do
    sent=$((sent + 1))
    answer=$(curl -s -m 30 -o "$work/witness-page.html" -w '%{http_code} %{redirect_url}' -H "Cookie: CPRSESSION=$session" "http://127.0.0.1:$A$path" || true)
    if [ "${answer%% *}" = 200 ] && grep -q 'action="/logout"' "$work/witness-page.html"; then ok=$((ok + 1)); else log "  $path on node A: $answer"; fi
  done
  if [ "$ok" -eq "$sent" ]; then
    log "node A after its restart: $ok of $sent requests with $witness's session (signed in before the faults) answered signed in"
  else
    fail "node A after its restart answered only $ok of $sent requests with $witness's session signed in (session lost or node not serving)"
  fi
fi
# ... and takes its share of the load through nginx again
after=$(date +%s)
log "load through nginx for ${AFTER_SECONDS}s after node A's restart"
load "$AFTER_SECONDS" "after node A's restart" no-ledger > "$work/after-restart.txt" 2>&1 || true
grep -h "^== \|^   all" "$work/after-restart.txt" || true
served=$(awk -v since="$after" -v node="127.0.0.1:$A" '$1 >= since && $3 == node && $2 < 500' "$work/logs/access.log" | wc -l)
total=$(awk -v since="$after" '$1 >= since' "$work/logs/access.log" | wc -l)
if [ "$served" -gt 0 ]; then
  log "after its restart, node A answered $served of $total requests through nginx"
else
  fail "after its restart, node A answered none of $total requests through nginx"
fi

settle_and_check_ledger
# the audit checkpoint job runs every CHECKPOINT_EVERY s under a ShedLock held for the whole period; each node
# also writes one when it starts (counted from the nodes' logs). Once per cluster, two scheduled runs are at
# least a period apart, so they number at most (last - first) / period + 1 (plus 1 s because the file's times
# are truncated to the second); with the lock released at once (before the fix), about twice that on two nodes.
starts=$(cat "$work"/logs/node-*.log | grep -cE "Started [A-Za-z]+ in [0-9.]+ seconds" || true)
touch "$work/checkpoints/checkpoints.log"
awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^at=/) print substr($i, 4) }' "$work/checkpoints/checkpoints.log" | sort > "$work/checkpoint-times.txt"
jobs=$(python3 - "$work/checkpoint-times.txt" "$starts" "$CHECKPOINT_EVERY" <<'PY'
import sys, datetime
t = [datetime.datetime.fromisoformat(l.strip().replace('Z', '+00:00')) for l in open(sys.argv[1]) if l.strip()]
period = int(sys.argv[3])
scheduled = len(t) - int(sys.argv[2])
at_most = int(((t[-1] - t[0]).total_seconds() + 1) // period) + 1 if t else 0
print(1 if t and scheduled <= at_most else 0, scheduled, at_most, sys.argv[2])
PY
)
set -- $jobs
log "audit checkpoint job (every ${CHECKPOINT_EVERY} s, both nodes): $2 scheduled runs (plus $4 at node starts); once per period allows at most $3"
[ "$1" -eq 1 ] || fail "the audit checkpoint job ran more often than once per ${CHECKPOINT_EVERY} s across the nodes ($2 runs, at most $3)"
finish
