#!/usr/bin/env bash
# Times `hindsight report` against the same track records computed with pandas and
# scikit-learn (benches/versus_pandas.py), on the 100,000-forecast demo ledger, and checks
# that both give every forecaster the same Brier score.
#
#   benches/versus_pandas.sh [ROUNDS]        (default: 5; each round times both once)
#
# Needs python3 with its venv module, and PyPI: pandas, numpy and scikit-learn are installed
# into a virtualenv kept between runs in ${XDG_CACHE_HOME:-~/.cache}/hindsight/versus-pandas-venv
# (HINDSIGHT_BENCH_VENV puts it elsewhere). A benchmark, not a test: neither `cargo test` nor
# .ci/run runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-5}
today=2026-11-22
forecasts=100000
venv=${HINDSIGHT_BENCH_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/hindsight/versus-pandas-venv}

say() { printf '== %s\n' "$*"; }
fail() { printf 'versus_pandas.sh: %s\n' "$*" >&2; exit 1; }

[[ $rounds =~ ^[1-9][0-9]*$ ]] || fail "ROUNDS must be a positive whole number, not '$rounds'"
command -v cargo >/dev/null || fail "cargo is missing: install Rust (https://rustup.rs) first"
command -v python3 >/dev/null || fail "python3 is missing"

work=$(mktemp -d "${TMPDIR:-/tmp}/hindsight-versus-pandas.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "cargo build --release --no-default-features"
cargo build --release --no-default-features --quiet
hindsight=$PWD/target/release/hindsight

say "the demo ledger: $forecasts forecasts, as of $today"
ledger=$work/ledger
"$hindsight" --today "$today" demo --forecasts "$forecasts" "$ledger"
"$hindsight" --today "$today" list --format csv "$ledger" >"$work/export.csv"
printf 'exported to CSV: %s MB\n' "$(( $(stat -c %s "$work/export.csv") / 1000000 ))"

say "virtualenv with pandas, numpy and scikit-learn: $venv"
if [[ ! -x $venv/bin/python ]]; then
    # A folder without a python is what an interrupted run leaves: start it again.
    rm -rf "$venv"
    mkdir -p "$(dirname "$venv")"
    python3 -m venv "$venv" ||
        fail "could not create a virtualenv (on Debian or Ubuntu: apt-get install python3-venv)"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check pandas numpy scikit-learn ||
    fail "pip could not install pandas, numpy and scikit-learn into $venv (delete it to start over)"
"$venv/bin/python" -c 'import platform, pandas, numpy, sklearn
print(f"python {platform.python_version()}, pandas {pandas.__version__}, "
      f"numpy {numpy.__version__}, scikit-learn {sklearn.__version__}")'

say "hindsight report against pandas + scikit-learn"
"$venv/bin/python" benches/versus_pandas.py bench --hindsight "$hindsight" --ledger "$ledger" \
    --csv "$work/export.csv" --today "$today" --rounds "$rounds"
