#!/usr/bin/env bash
# A pull that brings a dispute, in a real window under Xvfb. Two clones of the shipped
# ledger judge one forecast two ways; the second opens the app and clicks Pull; the shot
# shows what came in and the dispute, both versions side by side.
#
#   scripts/dispute-screenshot.sh [OUT_DIR]        (default: docs/screenshots)
#
# Needs Xvfb, ImageMagick's `import` and xdotool (installed with apt-get when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-docs/screenshots}")
mkdir -p "$out"

if ! command -v Xvfb >/dev/null || ! command -v import >/dev/null || ! command -v xdotool >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb imagemagick libgl1-mesa-dri xdotool
fi
cargo build --release --quiet
bin=$PWD/target/release/hindsight
today=2026-11-22

work=$(mktemp -d)
display=:${HINDSIGHT_SCREENSHOT_DISPLAY:-96}
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=$display XDG_DATA_HOME=$work/settings XDG_CONFIG_HOME=$work/settings

# The team: the shipped ledger on a bare remote, and clones for Ana and Ben.
mkdir "$work/first"
cp -r scenarios seeds "$work/first/"
git -C "$work/first" init -q -b main
"$bin" git-setup "$work/first" >/dev/null
git -C "$work/first" add .
git -C "$work/first" -c user.name=Setup -c user.email=setup@example.org commit -qm "The ledger"
git clone -q --bare "$work/first" "$work/ledger.git"
for who in Ana Ben; do
    git clone -q "$work/ledger.git" "$work/$who"
    git -C "$work/$who" config user.name "$who"
    git -C "$work/$who" config user.email "$who@example.org"
    "$bin" git-setup "$work/$who" >/dev/null
done

# Ana and Ben judge the same forecast two ways; Ana pushes first.
forecast=trenin-big-boon-if-moscow-succeeds
"$bin" --today "$today" resolve "$forecast" false --on 2023-01-10 --by Ana \
    --evidence "No lasting gain for Moscow followed: Kazakhstan kept its distance over Ukraine." "$work/Ana/scenarios" >/dev/null
git -C "$work/Ana" commit -qam "Resolve $forecast as false"
git -C "$work/Ana" push -q
"$bin" --today "$today" resolve "$forecast" partly --on 2023-01-12 --by Ben \
    --evidence "Tokayev kept close to Moscow in 2022, but Kazakhstan kept its distance over Ukraine." "$work/Ben/scenarios" >/dev/null
git -C "$work/Ben" commit -qam "Resolve $forecast as partly"

# Ben opens the app and clicks Git → Pull.
sleep 1
"$bin" --today "$today" "$work/Ben/scenarios" --view overview &
app=$!
sleep "${HINDSIGHT_SCREENSHOT_WAIT:-4}"
window=$(xdotool search --sync --name '^Hindsight$' | head -1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
# The menu bar's "Git" (after File, Edit, View), then its second item, "Pull".
xdotool mousemove --window "$window" 121 12 click 1
sleep 0.5
xdotool mousemove --window "$window" 140 62 click 1
sleep 3
import -window root "$out/pull-dispute.png"
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
echo "saved $out/pull-dispute.png"
