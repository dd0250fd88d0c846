#!/usr/bin/env bash
# Prints one CSV line a second while process $1 lives: time, its CPU (% of one core), the machine's CPU (% of all
# cores, busy = not idle and not iowait), its RSS in MiB and the load average.
set -u
PID=$1
HZ=$(getconf CLK_TCK)
CORES=$(nproc)
proc_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat" 2>/dev/null; }
machine() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
echo "time,process_cpu_pct,machine_cpu_pct,rss_mib,load1"
prev_p=$(proc_ticks) || exit 0
read -r prev_busy prev_total < <(machine)
while kill -0 "$PID" 2>/dev/null; do
    sleep 1
    p=$(proc_ticks) || break
    read -r busy total < <(machine)
    rss=$(awk '/VmRSS/{print int($2/1024)}' "/proc/$PID/status" 2>/dev/null)
    load=$(cut -d' ' -f1 /proc/loadavg)
    pcpu=$(( (p - prev_p) * 100 / HZ ))
    dt=$(( total - prev_total ))
    mcpu=$(( dt > 0 ? (busy - prev_busy) * 100 / dt : 0 ))
    echo "$(date -u +%H:%M:%S),$pcpu,$mcpu,$rss,$load"
    prev_p=$p; prev_busy=$busy; prev_total=$total
done
