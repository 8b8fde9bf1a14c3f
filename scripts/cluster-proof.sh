#!/usr/bin/env bash
# The several-nodes proof (README "Production on several nodes"): on this machine, a private PostgreSQL,
# two application nodes (prod profile, demo campus seeded) and nginx with deploy/nginx/cpr.conf in front.
#   1. one node behind nginx, mixed load for ONE_NODE_SECONDS (default 60): throughput baseline;
#   2. both nodes, mixed load for PROOF_SECONDS (default 300); at 1/4 node A is killed (kill -9) and restarted
#      20 s later; once it is ready again PostgreSQL is restarted (pg_ctl restart -m fast);
#   3. the ledger: every acknowledged snapshot stored once, every critical one exactly one alert, every
#      acknowledged anonymous report stored, nobody signed out, no event publication left, and the audit
#      checkpoint job (every 30 s here) ran once per period across both nodes.
# Needs: a JDK 21+, nginx (apt-get install -y nginx), PostgreSQL server binaries (initdb, pg_ctl), openssl,
# curl; run as root or a user that can run initdb via runuser -u postgres. Writes everything under
# target/proof/ (logs, nginx config, results); exits non-zero when the ledger is broken.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
ONE_NODE_SECONDS=${ONE_NODE_SECONDS:-60}
SECONDS_TOTAL=${PROOF_SECONDS:-300}
PGPORT=${PROOF_PGPORT:-55432}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
work=$(pwd)/target/proof
rm -rf "$work"; mkdir -p "$work/checkpoints" "$work/logs"
jar=$(ls target/cpr-platform-*.jar 2>/dev/null | grep -v plain | head -1 || true)
[ -n "$jar" ] || { ./mvnw -B -ntp -q -DskipTests package; jar=$(ls target/cpr-platform-*.jar | grep -v plain | head -1); }
cp "$jar" "$work/cpr.jar"; jar="$work/cpr.jar"   # a rebuild during the run does not change the nodes
pgjar=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
java=${JAVA:-$(ls -d /usr/lib/jvm/temurin-2*-jdk-amd64 2>/dev/null | tail -1)/bin/java}
[ -x "$java" ] || java=java
pids=()
cleanup() {
  for p in "${pids[@]:-}"; do kill -9 "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
log() { echo "[$(date -u +%H:%M:%S)] $*"; }

log "private PostgreSQL on port $PGPORT"
mkdir -p "$work/pg" && chown postgres "$work/pg" "$work/logs"
runuser -u postgres -- "$PGBIN/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -o "-p $PGPORT -k /tmp" -l "$work/logs/postgres.log" -w start >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres cpr
db="jdbc:postgresql://127.0.0.1:$PGPORT/cpr"

log "nginx (deploy/nginx/cpr.conf) on https://127.0.0.1:18443"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
sed -e "s#/etc/ssl/certs/cpr.example.edu.pem#$work/cert.pem#; s#/etc/ssl/private/cpr.example.edu.key#$work/key.pem#" \
    -e "s#/etc/nginx/cpr-upstream.conf#$work/upstream.conf#; s#/var/log/nginx/cpr-access.log#$work/logs/access.log#" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:18443 ssl http2;#; s#listen 80;#listen 127.0.0.1:18080;#; /listen \[::\]/d" \
    deploy/nginx/cpr.conf > "$work/cpr.conf"
cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path $work/nginx-body; proxy_temp_path $work/nginx-proxy;
  fastcgi_temp_path $work/nginx-fcgi; uwsgi_temp_path $work/nginx-uwsgi; scgi_temp_path $work/nginx-scgi;
  include $work/cpr.conf;
}
NGINX
upstream() { : > "$work/upstream.conf"; for port in "$@"; do echo "server 127.0.0.1:$port max_fails=2 fail_timeout=10s;" >> "$work/upstream.conf"; done; }
upstream 18081
nginx -t -q -c "$work/nginx.conf" -p "$work"
nginx -c "$work/nginx.conf" -p "$work"

key=$(openssl rand -base64 32)
start_node() { # port name
  CPR_DB_URL="$db" CPR_DB_USER=postgres CPR_DB_PASSWORD= CPR_CRYPTO_KEY="$key" CPR_AUDIT_CHECKPOINT_DIR="$work/checkpoints" \
  CPR_SAFETY_MAILBOX=safety-desk@localhost \
    "$java" -Xms256m -Xmx512m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -jar "$jar" --spring.profiles.active=prod --server.port="$1" \
      --cpr.demo.seed=true --cpr.proxy.trusted='127\.0\.0\.1' --cpr.identity.login-attempts-per-client=1000000 \
      --cpr.audit.checkpoint-every=PT30S --cpr.snapshot.choice-grace=PT30S --cpr.snapshot.choice-check=PT10S \
      --cpr.events.resubmit-after=PT30S --cpr.events.resubmit-check=PT15S --springdoc.api-docs.enabled=false \
      >> "$work/logs/node-$2.log" 2>&1 &
  echo $!
}
ready() { for _ in $(seq 1 900); do curl -fsS "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0; sleep 1; done; return 1; }
load() { "$java" -Djdk.internal.httpclient.disableHostnameVerification=true -cp "$pgjar" "$root/scripts/proof/ClusterProof.java" \
          https://127.0.0.1:18443 "$db" postgres "$@"; }

log "node A (18081): first start migrates and seeds the demo campus"
a=$(start_node 18081 a); pids+=("$a"); ready 18081 || { tail -30 "$work/logs/node-a.log"; exit 1; }
log "node B (18082)"
b=$(start_node 18082 b); pids+=("$b"); ready 18082 || { tail -30 "$work/logs/node-b.log"; exit 1; }

cd "$work"
log "phase 1: one node behind nginx for ${ONE_NODE_SECONDS}s"
load "$ONE_NODE_SECONDS" "one node" no-ledger | tee "$work/one-node.txt"

upstream 18081 18082; nginx -s reload -c "$work/nginx.conf" -p "$work"
log "phase 2: two nodes for ${SECONDS_TOTAL}s; kill -9 node A at $((SECONDS_TOTAL / 4))s, restart it 20 s later, restart PostgreSQL once it is back"
load "$SECONDS_TOTAL" "two nodes, node A killed and restarted, PostgreSQL restarted" no-ledger > "$work/two-nodes.txt" 2>&1 &
loadpid=$!
sleep $((SECONDS_TOTAL / 4)); log "kill -9 node A"; kill -9 "$a"
sleep 20; log "restart node A"; a=$(start_node 18081 a); pids+=("$a")
ready 18081 && log "node A ready again" || log "node A did not come back (see logs/node-a.log)"
if kill -0 "$loadpid" 2>/dev/null; then
  log "restart PostgreSQL (pg_ctl restart -m fast) under load"
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$work/pg" -m fast -o "-p $PGPORT -k /tmp" -l "$work/logs/postgres.log" -w restart >/dev/null
  log "PostgreSQL is back"
else
  log "the load ended before node A was back: PostgreSQL restart skipped (raise PROOF_SECONDS)"
fi
wait "$loadpid" || true
cat "$work/two-nodes.txt"

log "waiting 75 s for undecided critical snapshots (grace 30 s) and event resubmission (30 s)"
sleep 75
load 0 ledger-only | tee "$work/ledger.txt"
status=${PIPESTATUS[0]}
outstanding=$("$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d cpr -Atc "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
echo "event publications still incomplete: $outstanding"
# the audit checkpoint job runs every 30 s under a ShedLock; each node also writes one when it starts (3 starts).
# Run once per cluster, the scheduled ones number about (last - first) / 30 s; unlocked on two nodes, twice that.
awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^at=/) print substr($i, 4) }' "$work/checkpoints/checkpoints.log" | sort > "$work/checkpoint-times.txt"
jobs=$(python3 - "$work/checkpoint-times.txt" <<'PY'
import sys, datetime
t = [datetime.datetime.fromisoformat(l.strip().replace('Z', '+00:00')) for l in open(sys.argv[1]) if l.strip()]
scheduled = len(t) - 3
expected = int((t[-1] - t[0]).total_seconds() // 30) + 1
print(1 if scheduled <= expected + 1 else 0, scheduled, expected)
PY
)
set -- $jobs
echo "audit checkpoint job (every 30 s, both nodes): $2 scheduled runs where once-per-cluster gives about $3"
jobs_ok=$1
[ "$status" -eq 0 ] && [ "$outstanding" -eq 0 ] && [ "$jobs_ok" -eq 1 ] && { echo "PROOF PASSED"; exit 0; }
echo "PROOF FAILED"; exit 1
