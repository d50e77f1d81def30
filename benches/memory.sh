#!/usr/bin/env bash
# Peak memory (and wall time) of the command line by ledger size, beside the criterion
# timings of benches/scale.rs; and the desktop app's resident memory with the ledger
# loaded, in a real window under Xvfb. Prints a Markdown table.
#
#   benches/memory.sh                          1,000, 10,000 and 100,000 forecasts
#   HINDSIGHT_BENCH_MILLION=1 benches/memory.sh   … and 1,000,000 (600 MB on disk)
#
# Needs GNU time (/usr/bin/time); the app's row needs Xvfb (skipped without it).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/hindsight
today=2026-11-22
sizes=(1000 10000 100000)
if [[ -n "${HINDSIGHT_BENCH_MILLION:-}" ]]; then
    sizes+=(1000000)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure ARGS…: "wall s, peak MB" of one run of hindsight ARGS… (output discarded).
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" --today "$today" "$@" >/dev/null 2>&1 || true
    read -r seconds kilobytes <"$work/time"
    printf '%s s, %d MB' "$seconds" $((kilobytes / 1024))
}

# app_memory DIR: the app's resident and peak memory once it has loaded DIR.
app_memory() {
    if ! command -v Xvfb >/dev/null; then
        echo "— (no Xvfb)"
        return
    fi
    local display=:${HINDSIGHT_BENCH_DISPLAY:-95}
    Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
    local xvfb=$!
    sleep 1
    DISPLAY=$display XDG_DATA_HOME=$work/settings XDG_CONFIG_HOME=$work/settings \
        "$bin" --today "$today" "$1" --view forecasts >/dev/null 2>&1 &
    local app=$!
    # Loaded when the resident size stops growing for a second.
    local last=0 now
    for _ in $(seq 1 120); do
        sleep 1
        now=$(awk '/VmRSS/ {print $2}' "/proc/$app/status" 2>/dev/null || echo 0)
        if [[ $now -gt 0 && $now -eq $last ]]; then
            break
        fi
        last=$now
    done
    local peak
    peak=$(awk '/VmHWM/ {print $2}' "/proc/$app/status" 2>/dev/null || echo 0)
    kill "$app" "$xvfb" 2>/dev/null || true
    wait "$app" "$xvfb" 2>/dev/null || true
    printf '%d MB resident (%d MB peak)' $((now / 1024)) $((peak / 1024))
}

echo "| forecasts | check | report | list --format json | resolve one | the app |"
echo "|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
    dir=$work/demo-$n
    "$bin" --today "$today" demo --forecasts "$n" "$dir" >/dev/null
    id=$("$bin" --today "$today" list --outcome open --format csv "$dir" | sed -n 2p | cut -d, -f1)
    check=$(measure check "$dir")
    report=$(measure report "$dir")
    list=$(measure list --format json "$dir")
    resolve=$(measure resolve "$id" true --on "$today" --by Bench "$dir")
    app=$(app_memory "$dir")
    echo "| $n | $check | $report | $list | $resolve | $app |"
    rm -rf "$dir"
done
