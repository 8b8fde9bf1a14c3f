#!/usr/bin/env bash
# Backup and a proven restore: dumps the production database (pg_dump, custom format), restores the dump
# into a fresh scratch database, starts one application node on the copy and asks it to verify the audit
# hash chain (GET /api/v1/audit/verify). Prints the verdict and exits 0 only when the chain is intact.
#
#   PGHOST=db.example.edu PGUSER=cpr_owner PGPASSWORD=… \
#   CPR_CRYPTO_KEY=… CPR_AUDIT_CHAIN_KEY=… scripts/backup-restore-check.sh cpr /var/backups/cpr
#
# Arguments: source database name, backup directory (the dump stays there: cpr-YYYYmmddTHHMMSS.dump).
# The keys must be the production ones: without them TOTP secrets and sealed text in the copy are unreadable
# and the keyed audit chain cannot be checked. The scratch database (cpr_restore_check_<time>) is dropped at
# the end unless KEEP=1. In that throwaway copy only, the script creates a 10-minute access token for one
# active system administrator (marked as enrolled in the copy) to call the verify API; audit_log itself is
# not touched, so what is verified is exactly what was backed up.
# Optional: CPR_JAR (default target/cpr-platform-*.jar), PORT (default 18090), JAVA (default java),
# CHECKPOINTS=dir to compare with the production checkpoints (a backup older than the newest checkpoint then
# reports TRUNCATED, which is expected for a point-in-time restore).
set -euo pipefail

src=${1:?source database name}
dir=${2:?backup directory}
port=${PORT:-18090}
java=${JAVA:-java}
jar=${CPR_JAR:-$(ls target/cpr-platform-*.jar 2>/dev/null | grep -v plain | head -1)}
: "${CPR_CRYPTO_KEY:?the production CPR_CRYPTO_KEY}"
[ -f "$jar" ] || { echo "no application jar (./mvnw -DskipTests package, or set CPR_JAR)"; exit 2; }
stamp=$(date -u +%Y%m%dT%H%M%S)
scratch="cpr_restore_check_$(echo "$stamp" | tr 'A-Z' 'a-z')"
dump="$dir/cpr-$stamp.dump"
mkdir -p "$dir"
work=$(mktemp -d)
node=""
cleanup() {
  [ -n "$node" ] && kill -9 "$node" 2>/dev/null || true
  if [ "${KEEP:-0}" != 1 ]; then dropdb --if-exists "$scratch" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "1/4 backup: pg_dump -Fc $src -> $dump"
pg_dump -Fc --no-owner --no-privileges -f "$dump" "$src"
echo "    $(du -h "$dump" | cut -f1), $(pg_restore -l "$dump" | grep -c 'TABLE DATA') tables with data"

echo "2/4 restore into the fresh database $scratch"
createdb "$scratch"
pg_restore --no-owner --no-privileges --exit-on-error -d "$scratch" "$dump"

echo "3/4 start a node on the copy (port $port)"
admin=$(psql -d "$scratch" -Atc "SELECT p.id FROM person p JOIN role_grant g ON g.person_id = p.id
        WHERE g.role = 'SYSTEM_ADMIN' AND p.active LIMIT 1")
[ -n "$admin" ] || { echo "the copy has no active system administrator"; exit 1; }
token="cpr_restorecheck_$(openssl rand -hex 16)"
hash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
psql -q -d "$scratch" -v ON_ERROR_STOP=1 -c "UPDATE person SET mfa_enabled = TRUE WHERE id = '$admin'" \
  -c "INSERT INTO access_token (id, person_id, name, token_hash, token_prefix, created_at, expires_at)
      VALUES (gen_random_uuid(), '$admin', 'restore check', '$hash', '${token:0:12}', now(), now() + interval '10 minutes')"
mkdir -p "$work/checkpoints"
[ -n "${CHECKPOINTS:-}" ] && cp "$CHECKPOINTS"/* "$work/checkpoints/" 2>/dev/null || true
CPR_DB_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$scratch" CPR_DB_USER="${PGUSER:-postgres}" \
CPR_DB_PASSWORD="${PGPASSWORD:-}" CPR_AUDIT_CHECKPOINT_DIR="$work/checkpoints" \
CPR_SAFETY_MAILBOX="${CPR_SAFETY_MAILBOX:-restore-check@localhost}" \
  "$java" -Xmx768m -jar "$jar" --spring.profiles.active=prod --server.port="$port" > "$work/node.log" 2>&1 &
node=$!
for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$node" 2>/dev/null || { echo "the node stopped; its log:"; tail -20 "$work/node.log"; exit 1; }
  sleep 1
done

echo "4/4 verify the audit hash chain on the restored copy"
verdict=$(curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/audit/verify")
echo "    $verdict"
case "$verdict" in
  *'"intact":true'*) echo "RESTORE CHECK PASSED: $dump restores, a node starts on it, the audit chain is intact"; exit 0 ;;
  *) echo "RESTORE CHECK FAILED: see the verdict above"; exit 1 ;;
esac
