#!/usr/bin/env bash
# What PostgreSQL spends on each statement of the product: pg_stat_statements for the benchmark database.
#
#   perf/statements.sh setup    load the extension (ALTER SYSTEM shared_preload_libraries, then a restart of the
#                               local cluster with pg_ctlcluster) and create it in the database; once per machine
#   perf/statements.sh reset    forget what was counted so far (before the measured part of a run)
#   perf/statements.sh [N]      the N statements (20) with the most execution time: calls, µs a call (execution and
#                               planning), shared buffers hit and read a call, full page images and WAL bytes a call
#
# A statement whose buffers a call run into the thousands is walking an index or a table it should not; WAL bytes
# and full page images a call show what each write costs the log. Settings: PERF_DB (qualify_perf), PGHOST
# (127.0.0.1), PGPORT (5432), PGUSER (postgres).
set -euo pipefail
DB=${PERF_DB:-qualify_perf}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

case "${1:-20}" in
    setup)
        psql -d postgres -qc "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | tail -1)" main restart
        sleep 2
        psql -d postgres -qc "ALTER SYSTEM SET pg_stat_statements.track_planning = on" -c "SELECT pg_reload_conf()"
        psql -d "$DB" -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
        ;;
    reset)
        psql -d "$DB" -qAtc "SELECT pg_stat_statements_reset()" > /dev/null
        ;;
    *)
        psql -d "$DB" -c "
            SELECT calls,
                   round((total_exec_time / calls * 1000)::numeric, 1) AS exec_us,
                   round((total_plan_time / calls * 1000)::numeric, 1) AS plan_us,
                   round(shared_blks_hit::numeric / calls, 1) AS hit,
                   round(shared_blks_read::numeric / calls, 2) AS read,
                   round(wal_fpi::numeric / calls, 2) AS fpi,
                   round(wal_bytes / calls, 0) AS wal_bytes,
                   left(regexp_replace(query, '\s+', ' ', 'g'), 90) AS statement
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND calls > 0
            ORDER BY total_exec_time DESC
            LIMIT ${1:-20}"
        ;;
esac
