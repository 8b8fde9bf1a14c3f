#!/usr/bin/env bash
# Start-up with a JDK 25 AOT cache (issue #16): extracts the packaged jar into a directory, makes one training
# run that records the classes the application loads and links, and starts a node from the extracted jar with
# that cache. On the 2-core machine this took a second start from 32 s (java -jar) to 11.5 s, and to 7 s with
# -XX:TieredStopAtLevel=1 (docs/benchmarks.md, "Start-up on a quiet machine" and "Session 8").
#
#   ./mvnw -DskipTests package                       # the jar (target/cpr-platform-*.jar)
#   scripts/aot-cache.sh build [dir]                 # extract + training run → dir/app.aot (default dir: app)
#   scripts/aot-cache.sh start [dir] [app args…]     # java $JAVA_OPTS -XX:AOTCache=dir/app.aot -jar dir/cpr-platform-*.jar …
#
# The cache belongs to that jar, that JDK and those JVM options: rebuild it with every release (build again).
# A cache that does not match is ignored by the JVM with a warning (the node still starts, only slower).
#
# Environment:
#   JAVA       the JDK 25 (or newer) java; default $JAVA_HOME/bin/java, else java on the PATH
#   CPR_JAR    the packaged jar; default target/cpr-platform-*.jar
#   JAVA_OPTS  JVM options for the training run and the node alike; default the README's production settings
#   TRAINING_ARGS  application arguments of the training run. Default: the embedded database in a throwaway
#              directory, so the training run needs no PostgreSQL and touches no real data. With
#              TRAINING_ARGS='--spring.profiles.active=prod' (and the production datasource in the environment)
#              the run also records the PostgreSQL driver's classes; Flyway has nothing to do on a migrated
#              database and the run stops right after the context refresh (spring.context.exit=onRefresh),
#              before the web server takes requests or any scheduled job runs.
set -euo pipefail

cmd=${1:-}
dir=${2:-app}
java=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
opts=${JAVA_OPTS:--Xms256m -Xmx512m -XX:MaxMetaspaceSize=256m -XX:MaxDirectMemorySize=64m -Xss512k -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError}

usage() {
  sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ -z "$feature" ] || [ "${feature%%.*}" -lt 25 ]; then
  echo "needs JDK 25 or newer for -XX:AOTCacheOutput (found: ${feature:-none} at $java); set JAVA or JAVA_HOME" >&2
  exit 2
fi

app_jar() {
  { ls "$dir"/cpr-platform-*.jar 2>/dev/null || true; } | grep -v plain | head -1 || true
}

case "$cmd" in
  build)
    jar=${CPR_JAR:-$({ ls target/cpr-platform-*.jar 2>/dev/null || true; } | grep -v plain | head -1 || true)}
    [ -f "$jar" ] || { echo "no application jar: ./mvnw -DskipTests package, or set CPR_JAR" >&2; exit 2; }
    rm -rf "$dir"
    echo "1/2 extract $jar → $dir"
    "$java" -Djarmode=tools -jar "$jar" extract --destination "$dir"
    extracted=$(app_jar)
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    if [ -n "${TRAINING_ARGS+x}" ]; then
      # shellcheck disable=SC2206 # word splitting wanted: a list of arguments
      training=($TRAINING_ARGS)
    else
      training=("--spring.datasource.url=jdbc:h2:file:$scratch/cpr;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE,KEY,YEAR,MONTH,DAY"
        "--server.port=0")
    fi
    echo "2/2 training run (starts the application, exits after the context refresh) → $dir/app.aot"
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    "$java" $opts -XX:AOTCacheOutput="$dir/app.aot" -Dspring.context.exit=onRefresh -jar "$extracted" "${training[@]}"
    [ -s "$dir/app.aot" ] || { echo "the training run wrote no cache" >&2; exit 1; }
    echo "done: $(du -h "$dir/app.aot" | cut -f1) in $dir/app.aot; start with: scripts/aot-cache.sh start $dir [app args]"
    ;;
  start)
    extracted=$(app_jar)
    [ -n "$extracted" ] && [ -s "$dir/app.aot" ] || { echo "no extracted jar and cache in $dir: scripts/aot-cache.sh build $dir" >&2; exit 2; }
    shift $(( $# >= 2 ? 2 : 1 ))
    # shellcheck disable=SC2086
    exec "$java" $opts -XX:AOTCache="$dir/app.aot" -jar "$extracted" "$@"
    ;;
  *)
    usage
    ;;
esac
