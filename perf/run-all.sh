#!/usr/bin/env bash
# Runs every benchmark of docs/performance.md in order and writes the results to perf/target/results/:
#   summary.md            machine, every simulation's table, JMH, backlog drain, CPU/heap/GC of each phase
#   <Simulation>.md       a simulation's phases (also printed); Gatling's HTML reports: perf/target/gatling/
#   <Simulation>/         the server's GC log, CPU/RSS samples and jstat log during that simulation
#
#   perf/run-all.sh            the full measurement (about 1 h 15 min, most of it generating 1,000,000 applications)
#   perf/run-all.sh --smoke    the same steps with small data, rates and durations (a few minutes), to check the
#                              harness; its numbers measure nothing
#
# Needs: JDK 17, PostgreSQL reachable as PGUSER (postgres) on PGHOST:PGPORT (127.0.0.1:5432) with trust or
# PGPASSWORD, curl, and a machine left alone for the run. Extra simulation settings: PERF_GATLING_ARGS="-Dname=value …"
# (see docs/performance.md). Each simulation gets a freshly started server on the same database.
# Parts of a run: PERF_KEEP_DATA=true measures on the data set already generated in PERF_DB (no fresh database, no
# generation; the upload peak then needs a -Dupload.offset past the candidates earlier runs uploaded for);
# PERF_SIMULATIONS="StatusStormSimulation …" runs only those; PERF_SKIP_IMAGE_BENCH=true skips JMH and the drain;
# PERF_SKIP_COST=true skips the CPU per request of the status page and the static file (CpuPerRequest) and per
# upload of the product and the bare endpoint (CpuPerUpload).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# Gatling holds a socket per connection of its virtual users (and the server one per request); the status storm
# has run out of the usual limits. Raise the soft limit to what the hard limit allows.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
RESULTS=$ROOT/perf/target/results
SMOKE=false
[[ ${1:-} == --smoke ]] && SMOKE=true
export PERF_PORT=${PERF_PORT:-18080}
BARE_PORT=${PERF_BARE_PORT:-18090}
TOMCAT_BARE_PORT=${PERF_TOMCAT_BARE_PORT:-18091}
MVN=("$ROOT/mvnw" -q -ntp)

if $SMOKE; then
    APPLICATIONS=${PERF_APPLICATIONS:-3000}
    DRAFTS=${PERF_DRAFTS:-1000}
    IMAGES=4
    SIM_ARGS=(-Dlogin.rate=10
        -Dqueue.rate=2 -Dqueue.ramp=2 -Dqueue.hold=8
        -Dstatus.rate=10 -Dstatus.ramp=2 -Dstatus.hold=5 -Dstatus.sessions=20 -Dstatus.offset=500
        -Dstatus.capacity.from=2 -Dstatus.capacity.step=2 -Dstatus.capacity.levels=2 -Dstatus.capacity.level=4
        -Dstatus.capacity.ramps=1 -Dstatus.drain=2
        -Dupload.warmup=3 -Dupload.rate=3 -Dupload.ramp=2 -Dupload.hold=5 -Dupload.hostileRate=1
        -Dupload.capacity.from=4 -Dupload.capacity.step=4 -Dupload.capacity.levels=2 -Dupload.capacity.level=4
        -Dupload.capacity.ramps=1 -Dupload.capacity.quiet=2
        -Dupload.bareCapacity.from=4 -Dupload.bareCapacity.step=4 -Dupload.bareCapacity.levels=2
        -Dupload.bareCapacity.level=4 -Dupload.bareCapacity.ramps=1)
    JMH_ARGS="-f 1 -wi 1 -w 2s -i 1 -r 3s -rf json -rff perf/target/results/jmh.json ImagePipelineBenchmark"
    BACKLOG="perf/target/images 100 2 perf/target/results 1"
    COST_ARGS=(--offset 600 --sessions 4 --requests 200 --rounds 2)
    UPLOAD_COST_ARGS=(--offset 700 --uploads 56 --rounds 2)
else
    APPLICATIONS=${PERF_APPLICATIONS:-1000000}
    DRAFTS=${PERF_DRAFTS:-100000}
    IMAGES=24
    SIM_ARGS=()
    JMH_ARGS="-rf json -rff perf/target/results/jmh.json ImagePipelineBenchmark"
    BACKLOG="perf/target/images 10000 2 perf/target/results 3"
    COST_ARGS=(--offset 60000 --rounds 8)
    UPLOAD_COST_ARGS=(--offset 70000 --rounds 10)
fi
# shellcheck disable=SC2206
SIM_ARGS+=(${PERF_GATLING_ARGS:-} -DbaseUrl=http://127.0.0.1:$PERF_PORT -DbareUrl=http://127.0.0.1:$BARE_PORT)

step() { echo; echo "=== $(date -u +%H:%M:%S) $*"; }
BARE_PID=
TOMCAT_BARE_PID=
cleanup() {
    [[ -n $BARE_PID ]] && kill "$BARE_PID" 2>/dev/null
    [[ -n $TOMCAT_BARE_PID ]] && kill "$TOMCAT_BARE_PID" 2>/dev/null
    perf/run-server.sh stop > /dev/null 2>&1
}
trap cleanup EXIT

rm -rf "$RESULTS" && mkdir -p "$RESULTS"
{
    echo "# Benchmark run $(date -u +%Y-%m-%dT%H:%MZ)$($SMOKE && echo ' — SMOKE RUN: small data, rates and durations; these numbers measure nothing')"
    echo
    echo "- commit: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
    echo "- cores (nproc): $(nproc); CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
    echo "- memory (free -g): $(free -g | awk '/^Mem:/{print $2 " GB total, " $7 " GB available"}')"
    echo "- JDK: $(java -version 2>&1 | head -1)"
    echo "- PostgreSQL: $(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d postgres -Atc 'SHOW server_version' 2>/dev/null)," \
        "autovacuum $(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d postgres -Atc 'SHOW autovacuum' 2>/dev/null)" \
        "(PERF_AUTOVACUUM=${PERF_AUTOVACUUM:-unset})"
    echo "- load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- data: $APPLICATIONS applications ($DRAFTS drafts), $((APPLICATIONS * 8)) image rows"
} > "$RESULTS/summary.md"

if [[ ${PERF_KEEP_DATA:-false} == true ]]; then
    step "product jar; the data set already in the database"
    [[ -f perf/target/candidates.csv ]] || { echo "no perf/target/candidates.csv: generate first" >&2; exit 1; }
    perf/run-server.sh || exit 1
    echo "- data set kept from an earlier generation: $(($(wc -l < perf/target/candidates.csv) - 1)) drafts listed" \
        >> "$RESULTS/summary.md"
else
    step "product jar, fresh database, demo seed"
    perf/run-server.sh --fresh || exit 1

    step "generating $APPLICATIONS applications"
    perf/generate.sh "$APPLICATIONS" "$DRAFTS" | tee "$RESULTS/generate.log" || exit 1
fi

step "benchmark images and hostile files; compiling the simulations"
"${MVN[@]}" -Pbench test-compile exec:exec -Dbench.main=cn.qualify.materials.BenchImages \
    -Dbench.args="perf/target/images $IMAGES" || exit 1
"${MVN[@]}" -f perf/pom.xml test-compile || exit 1
# TomcatBareUploadServer needs the perf module's Tomcat on its class path
"${MVN[@]}" -f perf/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt || exit 1

# The bare endpoint keeps every file it receives and nothing reads them: about 17 GB an upload peak run.
rm -rf perf/target/bare
java -Xms512m -Xmx512m -cp perf/target/classes cn.qualify.perf.BareUploadServer --port "$BARE_PORT" \
    --bind "${PERF_BARE_BIND:-127.0.0.1}" --dir perf/target/bare > "$RESULTS/bare-server.log" 2>&1 &
BARE_PID=$!

# Server-side resources of one phase: CPU (average and peak, % of one core), RSS, heap after GC, GC pauses.
resources() {
    local dir=$1
    awk -F, 'NR > 1 && $2 > 0 {n++; cpu += $2; if ($2 > maxcpu) maxcpu = $2; mcpu += $3; if ($4 > rss) rss = $4}
        END {if (n) printf "server CPU avg %.0f%% / peak %d%% of one core, machine CPU avg %.0f%%, peak RSS %d MiB; ",
            cpu / n, maxcpu, mcpu / n, rss}' "$dir/samples.csv" 2>/dev/null
    grep -h 'Pause' "$dir"/gc.log* 2>/dev/null | grep -o '[0-9]*M->[0-9]*M([0-9]*M) [0-9.]*ms' | awk '
        {s = $1; sub(/^[0-9]+M->/, "", s); after = s + 0; ms = $2 + 0; n++; total += ms; if (ms > max) max = ms;
         if (after > heap) heap = after}
        END {printf "GC pauses %d (max %.0f ms, total %.0f ms), peak heap after GC %d MiB of 512\n", n, max, total, heap}'
    grep -q 'OutOfMemoryError' "$dir/server.log" 2>/dev/null && echo "**OutOfMemoryError in the server log**"
}

FAILED=()
for simulation in ${PERF_SIMULATIONS:-ReviewerQueueSimulation StatusStormSimulation UploadPeakSimulation}; do
    step "$simulation"
    perf/run-server.sh --no-build || exit 1
    if ! "${MVN[@]}" -f perf/pom.xml gatling:test -Dgatling.simulationClass=cn.qualify.perf.$simulation \
        "${SIM_ARGS[@]}" > "$RESULTS/$simulation.log" 2>&1; then
        FAILED+=("$simulation")
    fi
    cat "$RESULTS/$simulation.md" 2>/dev/null
    grep -E ' : (true|false)' "$RESULTS/$simulation.log"
    perf/run-server.sh stop > /dev/null
    mkdir -p "$RESULTS/$simulation"
    cp perf/target/server/{gc.log*,samples.csv,jstat.log,server.log} "$RESULTS/$simulation/" 2>/dev/null
    {
        echo
        cat "$RESULTS/$simulation.md" 2>/dev/null || echo "## $simulation: no results (see $simulation.log)"
        echo
        echo "Assertions: $(grep -E ' : (true|false)' "$RESULTS/$simulation.log" | grep -c ': false') failed of" \
            "$(grep -cE ' : (true|false)' "$RESULTS/$simulation.log")."
        echo "Server: $(resources "$RESULTS/$simulation")"
    } >> "$RESULTS/summary.md"
done

# Targets 3 and 1 without the load generator: the CPU a status page and the static file cost the server and
# PostgreSQL, then the CPU an upload costs them against the bare endpoint's.
if [[ ${PERF_SKIP_COST:-false} != true ]]; then
    step "CPU per request (status page, static file) and per upload (product, bare endpoint, on Tomcat too)"
    perf/run-server.sh --no-build || exit 1
    # the second baseline, only for this step: the bare endpoint's work on the product's servlet container
    rm -rf perf/target/bare-tomcat
    java -Xms512m -Xmx512m -cp "perf/target/classes:$(cat perf/target/classpath.txt)" \
        cn.qualify.perf.TomcatBareUploadServer --port "$TOMCAT_BARE_PORT" --dir perf/target/bare-tomcat \
        > "$RESULTS/tomcat-bare-server.log" 2>&1 &
    TOMCAT_BARE_PID=$!
    for _ in $(seq 1 30); do curl -sf "http://127.0.0.1:$TOMCAT_BARE_PORT/health" > /dev/null && break; sleep 1; done
    {
        echo
        echo "## CPU per request (CpuPerRequest)"
        echo
        java -cp perf/target/classes cn.qualify.perf.CpuPerRequest --pid "$(cat perf/target/server/server.pid)" \
            --base "http://127.0.0.1:$PERF_PORT" "${COST_ARGS[@]}" 2>&1
        echo
        echo "## CPU per upload (CpuPerUpload)"
        echo
        java -cp perf/target/classes cn.qualify.perf.CpuPerUpload --pid "$(cat perf/target/server/server.pid)" \
            --bare-pid "$BARE_PID" --base "http://127.0.0.1:$PERF_PORT" --bare "http://127.0.0.1:$BARE_PORT/upload" \
            --tomcat-bare-pid "$TOMCAT_BARE_PID" --tomcat-bare "http://127.0.0.1:$TOMCAT_BARE_PORT/upload" \
            "${UPLOAD_COST_ARGS[@]}" 2>&1
    } | tee -a "$RESULTS/summary.md"
    perf/run-server.sh stop > /dev/null
    kill "$TOMCAT_BARE_PID" 2>/dev/null; TOMCAT_BARE_PID=
fi
kill "$BARE_PID" 2>/dev/null; BARE_PID=

if [[ ${PERF_SKIP_IMAGE_BENCH:-false} == true ]]; then
    echo "Simulations with failed assertions: ${FAILED[*]:-none}" >> "$RESULTS/summary.md"
    step "done (JMH and the backlog drain skipped): $RESULTS/summary.md"
    cat "$RESULTS/summary.md"
    exit 0
fi

step "JMH: image verification against a plain decode (server stopped)"
"${MVN[@]}" -Pbench exec:exec -Dbench.args="$JMH_ARGS" | tee "$RESULTS/jmh.log" | tail -4
step "backlog drain"
"${MVN[@]}" -Pbench exec:exec -Dbench.main=cn.qualify.materials.BacklogDrain -Dbench.args="$BACKLOG" \
    | tee "$RESULTS/backlog.log"
{
    echo
    echo "## JMH (images/s, 2 threads)"
    echo
    echo '```'
    grep -A3 '^Benchmark ' "$RESULTS/jmh.log"
    echo '```'
    echo
    echo "## Backlog drain (images/s through the verification pool vs a plain decode loop; target ratio ≥ 0.90)"
    echo
    echo '```'
    cat "$RESULTS/backlog-drain.csv" 2>/dev/null
    echo '```'
    echo
    echo "Simulations with failed assertions: ${FAILED[*]:-none}"
} >> "$RESULTS/summary.md"
step "done: $RESULTS/summary.md"
cat "$RESULTS/summary.md"
