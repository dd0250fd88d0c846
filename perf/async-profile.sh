#!/usr/bin/env bash
# CPU profile of the perf server with async-profiler, kernel time included (JFR's samples show Java frames only,
# so a thread inside a system call, writing to a socket or forcing a file to disk, is invisible to it).
#
#   perf/async-profile.sh start [PID]              fetch async-profiler from Maven Central once, start sampling
#   perf/async-profile.sh stop FILE [PID]          stop, write the collapsed stacks (one line a stack) to FILE
#   perf/async-profile.sh breakdown FILE [THREADS] where the request threads' CPU went, by part of the upload
#
# PID defaults to the server's (perf/target/server/server.pid); THREADS to Tomcat's request threads. The profile
# samples every thread's CPU time every 10 ms, with the thread's name as the first frame. The breakdown leaves out
# the log-ins' samples (BCrypt and the log-in endpoints), so that a CpuPerUpload round reads as its uploads.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=${ASYNC_PROFILER_VERSION:-4.1}
HOME_DIR=perf/target/async-profiler
LIB=$HOME_DIR/linux-x64/libasyncProfiler.so

fetch() {
    [[ -f $LIB ]] && return
    ./mvnw -q -ntp dependency:copy -Dartifact="tools.profiler:async-profiler:$VERSION:jar:linux-x64" \
        -DoutputDirectory="$HOME_DIR"
    (cd "$HOME_DIR" && unzip -q -o "async-profiler-$VERSION-linux-x64.jar" 'linux-x64/*')
}

pid() { echo "${1:-$(cat perf/target/server/server.pid)}"; }

# jcmd reads "key=value" as its own option: the agent's options go in quotes.
agent() { jcmd "$1" JVMTI.agent_load "$(pwd)/$LIB" "\"$2\"" > /dev/null; }

case ${1:-} in
    start)
        fetch
        agent "$(pid "${2:-}")" "start,event=cpu,interval=10000000,threads"
        echo "profiling $(pid "${2:-}")"
        ;;
    stop)
        out=$(realpath -m "${2:?stop FILE [PID]}")
        agent "$(pid "${3:-}")" "stop,collapsed,file=$out"
        echo "collapsed stacks in $out"
        ;;
    breakdown)
        file=${2:?breakdown FILE [THREADS]}
        threads=${3:-http-nio}
        grep "^\[$threads" "$file" | grep -v 'BCrypt\|UsernamePasswordAuthenticationFilter\|AuthApiController' | awk '
            {
                n = $NF; total += n; part = "everything else (server, framework, product code)"
                if ($0 ~ /FilesystemDocumentStore|S3DocumentStore/) part = "document store (write, force, rename)"
                else if ($0 ~ /org\/postgresql/) part = "JDBC driver (PostgreSQL round trips)"
                else if ($0 ~ /sha256|SHA2|SHA5/) part = "digest (intake)"
                else if ($0 ~ /JpegStructure|KeptRanges/) part = "JPEG structure (intake)"
                else if ($0 ~ /MultipartResolver|MultipartParser/) part = "multipart body"
                else if ($0 ~ /ObjectInputStream/) part = "session attributes read"
                else if ($0 ~ /_\[k\]/) part = "kernel, other (sockets, locks)"
                samples[part] += n
            }
            END { for (part in samples) printf "%d\t%d\t%s\n", samples[part], total, part }' | sort -rn | awk -F'\t' '
            NR == 1 { printf "%d samples (10 ms of CPU each)\n\n| part | samples | share |\n|---|---|---|\n", $2 }
            { printf "| %s | %d | %.1f%% |\n", $3, $1, 100 * $1 / $2 }'
        ;;
    *)
        sed -n 2,11p "$0"
        exit 2
        ;;
esac
