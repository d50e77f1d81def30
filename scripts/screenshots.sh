#!/usr/bin/env bash
# Launches the Hindsight app in a real window under Xvfb and saves a PNG of each main view
# (overview, forecasts, detail, track records, calibration, an article read with the
# ledger, a candidate from an article the folder does not know being accepted) of the
# shipped scenarios.
#
#   scripts/screenshots.sh [OUT_DIR]        (default: docs/screenshots)
#
# Needs Xvfb, ImageMagick's `import` and xdotool (Debian: xvfb imagemagick libgl1-mesa-dri
# xdotool); installs them with apt-get when missing and allowed to.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"

if ! command -v Xvfb >/dev/null || ! command -v import >/dev/null || ! command -v xdotool >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb imagemagick libgl1-mesa-dri xdotool
fi
cargo build --release --quiet

# A private X display the size of the app's default window, and a private settings folder
# so the shots never depend on (or change) the user's remembered window and folders.
display=:${HINDSIGHT_SCREENSHOT_DISPLAY:-97}
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
settings=$(mktemp -d)
# A copy of the shipped ledger outside any git repository: the shots show the views, not
# this clone's git state.
ledger=$(mktemp -d)
cp -r scenarios seeds "$ledger/"
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$settings" "$ledger"' EXIT
export DISPLAY=$display XDG_DATA_HOME=$settings XDG_CONFIG_HOME=$settings
sleep 1

# shoot NAME ARGS…: start the app with ARGS, wait for it to draw, capture, quit.
shoot() {
    local name=$1
    shift
    ./target/release/hindsight --today 2026-11-22 "$ledger/scenarios" "$@" &
    local app=$!
    sleep "${HINDSIGHT_SCREENSHOT_WAIT:-4}"
    # Keys to press before the shot (HINDSIGHT_SCREENSHOT_KEYS), e.g. Return to accept.
    if [ -n "${HINDSIGHT_SCREENSHOT_KEYS:-}" ]; then
        # No window manager under Xvfb: the keys go to the app's window once focused.
        local window
        window=$(xdotool search --sync --name '^Hindsight$' | head -1)
        xdotool windowfocus --sync "$window" 2>/dev/null || true
        for key in $HINDSIGHT_SCREENSHOT_KEYS; do
            xdotool key --window "$window" "$key"
            sleep 1
        done
    fi
    import -window root "$out/$name.png"
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    echo "saved $out/$name.png"
}

shoot overview --view overview
shoot forecasts --view forecasts
shoot detail --view forecasts --select barbashin-in-and-out-few-weeks
shoot track-records --view track-records
shoot calibration --view track-records --forecaster "Andrew A. Michta"
shoot article --article "$ledger/seeds/002-rferl-week-in-russia-kazakhstan.txt"
# An article from outside the folder, with a speaker the registry does not know: Enter
# accepts its first candidate, and the form proposes a new person and a new source.
cat >"$settings/grain-corridor.txt" <<'ARTICLE'
Grain corridor talks stall as deadline nears

By Maya Lind

March 14, 2023

Negotiators ended a third day in Istanbul without agreement on the Black Sea grain corridor.

"The corridor will most likely be extended for another 60 days," said Omer Celik, a senior adviser at the Black Sea Trade Institute. "Nobody wants to be blamed for a food crisis."

Shipping insurers were more cautious.
ARTICLE
HINDSIGHT_SCREENSHOT_KEYS=Return shoot accept --article "$settings/grain-corridor.txt"
