#!/usr/bin/env bash
# Generates the benchmark data set in the running product's PostgreSQL database (started by perf/run-server.sh,
# which migrates it and seeds the demo exam year, exam points and reviewers).
#
#   perf/generate.sh [APPLICATIONS [DRAFTS]]     defaults: 1000000 100000
#
# APPLICATIONS candidates, each with an account (password Qualify-2025, the demo accounts' bcrypt hash), registration
# info and an application with 8 images (so 8 × APPLICATIONS application_image rows, each with its image_check
# result), spread over the 14 exam points. The first DRAFTS candidates are drafts (the status storm logs in as
# them); the others are spread over the review's states and have their review_queue_entry. Login names are the
# generated ID numbers; perf/target/candidates.csv lists them for the load simulations.
# Settings: PERF_DB (qualify_perf), PGHOST, PGPORT, PGUSER as for run-server.sh, PERF_CHUNK (50000 per transaction).
# PERF_RESUME_FROM=N carries on an interrupted run (same arguments) from candidate N, the first of the chunk that
# did not print "done": each chunk is one transaction, so the chunks before it are complete and the rest absent.
set -euo pipefail
cd "$(dirname "$0")/.."
APPLICATIONS=${1:-1000000}
DRAFTS=${2:-100000}
CHUNK=${PERF_CHUNK:-50000}
DB=${PERF_DB:-qualify_perf}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=$DB
if (( DRAFTS > APPLICATIONS )); then DRAFTS=$APPLICATIONS; fi
mkdir -p perf/target

start=$(date +%s)
FROM=${PERF_RESUME_FROM:-1}
if (( FROM == 1 )); then
    psql -q -v ON_ERROR_STOP=1 -f perf/sql/generate-prepare.sql
elif [[ -z $(psql -Atq -c "SELECT 1 FROM pg_tables WHERE tablename = 'perf_seed'") ]]; then
    echo "nothing to resume in $DB: run without PERF_RESUME_FROM" >&2
    exit 1
fi
for (( first = FROM; first <= APPLICATIONS; first += CHUNK )); do
    last=$(( first + CHUNK - 1 ))
    (( last > APPLICATIONS )) && last=$APPLICATIONS
    psql -q -v ON_ERROR_STOP=1 -v first="$first" -v last="$last" -v drafts="$DRAFTS" -f perf/sql/generate-chunk.sql
    echo "candidates $first..$last done after $(( $(date +%s) - start )) s"
done
psql -q -v ON_ERROR_STOP=1 -f perf/sql/generate-finish.sql
# Login names of the drafts, for the simulations' feeders (the status storm and the upload peak log in as them).
psql -Atq -c "\copy (SELECT login_name FROM account a JOIN application p ON p.candidate_id = a.id::text
    WHERE p.state = 'DRAFT' AND a.phone LIKE '139%'
    ORDER BY a.id) TO STDOUT" > perf/target/candidates.list
{ echo loginName; cat perf/target/candidates.list; } > perf/target/candidates.csv
rm perf/target/candidates.list
psql -c "SELECT state, count(*) FROM application GROUP BY state ORDER BY 2 DESC"
psql -Atc "SELECT 'application_image rows: ' || count(*) FROM application_image"
echo "generated $APPLICATIONS applications ($DRAFTS drafts) in $(( $(date +%s) - start )) s;" \
    "$(( $(wc -l < perf/target/candidates.csv) - 1 )) draft candidates in perf/target/candidates.csv"
