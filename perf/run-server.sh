#!/usr/bin/env bash
# Builds the product jar and starts it against PostgreSQL for a benchmark run.
#
#   perf/run-server.sh [--fresh] [--no-build]   start (in the background) and wait until healthy
#   perf/run-server.sh stop                     stop the server and its samplers
#
# --fresh drops and recreates the database first; without it the database is created only if missing, so that a
# generated data set (perf/generate.sh) is kept between runs. The server runs with the `postgresql` profile (the
# production pool and driver settings) and the `demo` profile: on an empty database it creates the exam district,
# its 14 exam points, the exam year 2025 with its windows open around today, the demo reviewers (shenyang, dalian,
# district) and the seven demo candidates; on a filled database it adds nothing.
#
# Settings (environment):
#   PERF_DB (qualify_perf)  PERF_PORT (18080)  PGHOST (127.0.0.1)  PGPORT (5432)  PGUSER (postgres)
#   PERF_HEAP (512m)        PERF_JAVA_OPTS (extra JVM options)     PERF_APP_ARGS (extra --spring.* arguments)
#   PERF_METRICS_TOKEN (perf-metrics)  the bearer token for /actuator/prometheus (-DmetricsToken in the simulations)
#   PERF_JAR                a product jar to run instead of target/qualify-*.jar (with --no-build), e.g. a copy
#                           built from an earlier commit, to compare two builds on the same data
#   PERF_AUTOVACUUM=on      turn PostgreSQL's autovacuum on for the run where it is off (ALTER SYSTEM, superuser);
#                           `stop` turns it off again
# Output under perf/target/server/: server.log, gc.log, samples.csv (CPU and RSS each second), jstat.log (heap),
# server.pid, documents/ (the filesystem document store).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DB=${PERF_DB:-qualify_perf}
PORT=${PERF_PORT:-18080}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
OUT=$ROOT/perf/target/server
mkdir -p "$OUT"

stop() {
    if [[ -f $OUT/autovacuum.reset ]]; then
        psql -q -d postgres -c "ALTER SYSTEM RESET autovacuum" -c "SELECT pg_reload_conf()" > /dev/null
        rm -f "$OUT/autovacuum.reset"
        echo "autovacuum back to the server's own setting"
    fi
    for f in "$OUT"/sampler.pid "$OUT"/jstat.pid "$OUT"/server.pid; do
        if [[ -f $f ]]; then
            pid=$(cat "$f")
            if kill -0 "$pid" 2>/dev/null; then
                kill "$pid" 2>/dev/null || true
                for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
            fi
            rm -f "$f"
        fi
    done
}

if [[ ${1:-} == stop ]]; then
    stop
    echo "stopped"
    exit 0
fi

FRESH=false
BUILD=true
for arg in "$@"; do
    case $arg in
        --fresh) FRESH=true ;;
        --no-build) BUILD=false ;;
        *) echo "unknown argument $arg" >&2; exit 2 ;;
    esac
done

stop
if $BUILD; then
    echo "building the product jar"
    ./mvnw -q -ntp -DskipTests package
fi
JAR=${PERF_JAR:-$(ls "$ROOT"/target/qualify-*.jar | grep -v original | head -1)}

if $FRESH; then
    echo "recreating database $DB"
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
    rm -rf "$OUT/documents"
fi
if [[ -z $(psql -Atq -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'") ]]; then
    psql -q -d postgres -c "CREATE DATABASE $DB"
fi

# Production runs PostgreSQL with autovacuum; without it the rows a run updates over and over (each session's last
# access, once a minute) pile up dead versions that every later read walks through: a status page's database cost
# doubled within ten minutes of load (docs/performance.md, ninth run). Some machines (CI) turn it off.
if [[ $(psql -Atq -d postgres -c "SHOW autovacuum") != on ]]; then
    if [[ ${PERF_AUTOVACUUM:-} == on ]]; then
        psql -q -d postgres -c "ALTER SYSTEM SET autovacuum = on" -c "SELECT pg_reload_conf()" > /dev/null
        touch "$OUT/autovacuum.reset"
        echo "autovacuum turned on for the run"
    else
        echo "WARNING: autovacuum is off on this PostgreSQL, so dead rows pile up during a run and later phases" \
            "measure them; PERF_AUTOVACUUM=on turns it on for the run" >&2
    fi
fi

# The JVM rotates an existing gc.log into gc.log.N when it starts: the GC figures of a run must not include the
# pauses of the servers before it.
rm -f "$OUT"/gc.log*

# -Xms = -Xmx: the heap the targets allow, from the start, so that heap growth is not measured.
# GC log with every pause and the heap before/after it; a heap dump if 512 MB is not enough.
JAVA_OPTS=(
    -Xms${PERF_HEAP:-512m} -Xmx${PERF_HEAP:-512m}
    -XX:+UseG1GC
    "-Xlog:gc*,safepoint:file=$OUT/gc.log:time,uptime,level,tags:filecount=5,filesize=50m"
    -XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$OUT"
    -XX:NativeMemoryTracking=summary
    -Duser.timezone=Asia/Shanghai
)
# shellcheck disable=SC2206
JAVA_OPTS+=(${PERF_JAVA_OPTS:-})
APP_ARGS=(
    --spring.profiles.active=demo,postgresql
    --spring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/$DB
    --spring.datasource.username=$PGUSER
    --spring.datasource.password=
    --server.port=$PORT
    --qualify.documents.directory=$OUT/documents
    # for the simulations that read the product's meters (the verification backlog)
    --qualify.identity.metrics-token=${PERF_METRICS_TOKEN:-perf-metrics}
    # one access line per request would cost more than some of the requests measured
    --logging.level.root=WARN
    --logging.level.cn.qualify=INFO
    --logging.level.org.springframework.boot.web=INFO
)
# shellcheck disable=SC2206
APP_ARGS+=(${PERF_APP_ARGS:-})

echo "starting $JAR on port $PORT against $DB"
nohup java "${JAVA_OPTS[@]}" -jar "$JAR" "${APP_ARGS[@]}" > "$OUT/server.log" 2>&1 &
echo $! > "$OUT/server.pid"
SERVER_PID=$(cat "$OUT/server.pid")

for i in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
        echo "healthy after ${i}s (pid $SERVER_PID)"
        break
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "the server stopped; see $OUT/server.log" >&2
        tail -40 "$OUT/server.log" >&2
        exit 1
    fi
    sleep 1
    if [[ $i == 240 ]]; then echo "not healthy after 240 s" >&2; exit 1; fi
done

# Samplers: CPU of the server process and of the whole machine, RSS, each second; heap and GC counters (jstat).
nohup "$ROOT/perf/sample.sh" "$SERVER_PID" > "$OUT/samples.csv" 2>/dev/null &
echo $! > "$OUT/sampler.pid"
nohup jstat -gc -t "$SERVER_PID" 1000 > "$OUT/jstat.log" 2>/dev/null &
echo $! > "$OUT/jstat.pid"
