#!/usr/bin/env python3
"""Track records by forecaster computed with pandas and scikit-learn, timed against
`hindsight report` on the same ledger, and the two checked against each other.

benches/versus_pandas.sh makes the ledger, its CSV export and the virtualenv, then runs
`versus_pandas.py bench`; `versus_pandas.py score` is the computation that is timed. Not part
of `cargo test` or CI.

  versus_pandas.py score EXPORT.csv [--format table|json]
  versus_pandas.py bench --hindsight BIN --ledger DIR --csv EXPORT.csv --today DATE [--rounds N]
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

import numpy as np
import pandas as pd
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, log_loss

# What hindsight scores and how (README, "How forecasts are scored").
SCORED_OUTCOMES = {"true": 1, "false": 0}
LOG_CLIP = (0.01, 0.99)
RESAMPLES = 2000
N_BINS = 10
BIN_EDGES = np.linspace(0.0, 1.0, N_BINS + 1)
# Resample indices drawn at a time: the overall record (about 70,000 forecasts) drawn
# 2,000 times at once would need 1 GB of indices.
INDICES_PER_DRAW = 4_000_000
SEED = 42
# Brier scores must match hindsight's to this (both are a mean of squares in doubles).
TOLERANCE = 1e-9


# ---- the computation that is timed -------------------------------------------------------


def load_scored(csv_path):
    """The forecasts hindsight scores: a true or false verdict and a probability."""
    frame = pd.read_csv(
        csv_path,
        usecols=["author", "probability", "outcome"],
        dtype={"author": str, "outcome": str, "probability": float},
        # Only an empty probability is missing; a forecaster called "NA" stays a name.
        keep_default_na=False,
        na_values={"probability": [""]},
    )
    scored = frame[frame["outcome"].isin(SCORED_OUTCOMES.keys()) & frame["probability"].notna()]
    return frame, scored.assign(happened=scored["outcome"].map(SCORED_OUTCOMES).astype(int))


def brier_interval(errors, rng):
    """Percentile bootstrap 95% interval of the mean squared error, or None below two."""
    n = len(errors)
    if n < 2:
        return None
    means = np.empty(RESAMPLES)
    per_draw = max(1, INDICES_PER_DRAW // n)
    for start in range(0, RESAMPLES, per_draw):
        stop = min(start + per_draw, RESAMPLES)
        indices = rng.integers(0, n, size=(stop - start, n))
        means[start:stop] = errors[indices].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return [float(low), float(high)]


def track_record(name, forecasts, probability, happened, rng):
    lean = probability != 0.5
    hits = int(((probability[lean] > 0.5) == (happened[lean] == 1)).sum())
    decided = int(lean.sum())
    return {
        "name": name,
        "forecasts": int(forecasts),
        "scored": len(probability),
        "brier": float(brier_score_loss(happened, probability, labels=[0, 1])),
        "brier_ci": brier_interval((probability - happened) ** 2, rng),
        "log_score": float(log_loss(happened, np.clip(probability, *LOG_CLIP), labels=[0, 1])),
        "hit_rate": hits / decided if decided else None,
        "hits": hits,
        "decided": decided,
    }


def calibration_table(probability, happened):
    observed, mean_forecast = calibration_curve(
        happened, probability, n_bins=N_BINS, strategy="uniform"
    )
    # calibration_curve leaves out empty bins and gives no counts; these are its bins
    # (closed on the right: 0.3 falls in 0.2–0.3).
    counts = np.bincount(np.searchsorted(BIN_EDGES[1:-1], probability), minlength=N_BINS)
    filled = iter(zip(mean_forecast, observed))
    table = []
    for lower, upper, count in zip(BIN_EDGES[:-1], BIN_EDGES[1:], counts):
        mean, seen = next(filled) if count else (None, None)
        table.append(
            {
                "lower": float(lower),
                "upper": float(upper),
                "count": int(count),
                "mean_forecast": None if mean is None else float(mean),
                "observed": None if seen is None else float(seen),
            }
        )
    return table


def score(csv_path):
    frame, scored = load_scored(csv_path)
    if scored.empty:
        raise SystemExit(f"{csv_path}: no forecast with a true or false verdict and a probability")
    rng = np.random.default_rng(SEED)
    forecasts = frame.groupby("author", sort=False).size()
    groups = [
        track_record(
            name,
            forecasts[name],
            group["probability"].to_numpy(),
            group["happened"].to_numpy(),
            rng,
        )
        for name, group in scored.groupby("author", sort=False)
    ]
    # Best Brier score first, as hindsight ranks them.
    groups.sort(key=lambda record: (record["brier"], record["name"]))
    probability, happened = scored["probability"].to_numpy(), scored["happened"].to_numpy()
    return {
        "groups": groups,
        "overall": track_record("All forecasts", len(frame), probability, happened, rng),
        "calibration": calibration_table(probability, happened),
    }


def number(value, digits=3):
    return "—" if value is None else f"{value:.{digits}f}"


def print_table(result):
    overall = result["overall"]
    print(
        f"Track records by forecaster: {overall['forecasts']} forecasts, {overall['scored']} scored\n"
    )
    print(
        f"{'FORECASTER':<24} {'N':>6} {'SCORED':>7} {'BRIER':>6}  {'95% CI':<11} {'LOG':>6}  HIT RATE"
    )
    for record in result["groups"] + [overall]:
        ci = (
            "—"
            if record["brier_ci"] is None
            else "–".join(number(v, 2) for v in record["brier_ci"])
        )
        hit_rate = (
            "—"
            if record["hit_rate"] is None
            else f"{record['hit_rate']:.0%} ({record['hits']}/{record['decided']})"
        )
        print(
            f"{record['name']:<24} {record['forecasts']:>6} {record['scored']:>7} "
            f"{number(record['brier']):>6}  {ci:<11} {number(record['log_score']):>6}  {hit_rate}"
        )
    print(f"\n{'CALIBRATION':<12} {'N':>6} {'MEAN':>6} {'OBSERVED':>9}")
    for row in result["calibration"]:
        print(
            f"{row['lower']:.1f}–{row['upper']:.1f}{'':<5} {row['count']:>6} "
            f"{number(row['mean_forecast']):>6} {number(row['observed']):>9}"
        )


# ---- the harness ---------------------------------------------------------------------------


def timed(command):
    """Wall-clock and CPU seconds of one whole process, its output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def json_of(command):
    return json.loads(subprocess.run(command, stdout=subprocess.PIPE, check=True).stdout)


def check_agreement(hindsight_command, pandas_command):
    """Fails unless every forecaster has the same Brier score on both sides."""
    # hindsight also lists forecasters with nothing scored yet, their Brier score null.
    by_hindsight = {
        group["name"]: group["brier"]
        for group in json_of(hindsight_command + ["--format", "json"])["groups"]
        if group["brier"] is not None
    }
    by_pandas = {
        group["name"]: group["brier"]
        for group in json_of(pandas_command + ["--format", "json"])["groups"]
    }
    if by_hindsight.keys() != by_pandas.keys():
        only = sorted(by_hindsight.keys() ^ by_pandas.keys())
        raise SystemExit(
            f"the scored forecasters differ: {len(only)} on one side only, e.g. {only[:3]}"
        )
    worst = max(by_pandas, key=lambda name: abs(by_pandas[name] - by_hindsight[name]))
    difference = abs(by_pandas[worst] - by_hindsight[worst])
    if not difference <= TOLERANCE:
        raise SystemExit(
            f"per-forecaster Brier scores disagree: {worst}: hindsight {by_hindsight[worst]!r}, "
            f"pandas {by_pandas[worst]!r} (tolerance {TOLERANCE})"
        )
    print(
        f"per-forecaster Brier scores agree ({len(by_pandas)} forecasters, "
        f"largest difference {difference:.1e})"
    )


def bench(args):
    hindsight = [args.hindsight, "--today", args.today, "report", args.ledger]
    pandas_side = [sys.executable, os.path.abspath(__file__), "score", args.csv]
    # The agreement check also warms both up (page cache, Python's bytecode cache), so no
    # timed round pays for a cold start the others do not.
    check_agreement(hindsight, pandas_side)
    print(
        f"timing {args.rounds} rounds, alternating; {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f} (wall clock; cpu = user + system)"
    )
    hindsight_times, pandas_times, ratios = [], [], []
    for round_number in range(1, args.rounds + 1):
        hindsight_wall, hindsight_cpu = timed(hindsight)
        pandas_wall, pandas_cpu = timed(pandas_side)
        hindsight_times.append(hindsight_wall)
        pandas_times.append(pandas_wall)
        ratios.append(pandas_wall / hindsight_wall)
        print(
            f"round {round_number}: "
            f"hindsight report {hindsight_wall:.2f} s (cpu {hindsight_cpu:.2f} s), "
            f"pandas + scikit-learn {pandas_wall:.2f} s (cpu {pandas_cpu:.2f} s), "
            f"ratio {ratios[-1]:.2f}"
        )
    ratio = statistics.median(ratios)
    verdict = (
        f"hindsight is {ratio:.1f}x faster"
        if ratio >= 1
        else f"pandas + scikit-learn is {1 / ratio:.1f}x faster"
    )
    print(
        f"hindsight report: median {statistics.median(hindsight_times):.2f} s; "
        f"pandas + scikit-learn: median {statistics.median(pandas_times):.2f} s; "
        f"{verdict} (median of the rounds' ratios, {ratio:.2f})"
    )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    score_parser = commands.add_parser(
        "score", help="track records from a `hindsight list --format csv` export"
    )
    score_parser.add_argument("csv")
    score_parser.add_argument("--format", choices=["table", "json"], default="table")
    bench_parser = commands.add_parser(
        "bench", help="time score against `hindsight report`, check they agree"
    )
    bench_parser.add_argument("--hindsight", required=True, help="the hindsight binary")
    bench_parser.add_argument("--ledger", required=True, help="the scenarios folder")
    bench_parser.add_argument(
        "--csv", required=True, help="the same folder exported with list --format csv"
    )
    bench_parser.add_argument("--today", required=True)
    bench_parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    if args.command == "bench":
        if args.rounds < 1:
            parser.error("--rounds must be at least 1")
        bench(args)
    elif args.format == "json":
        json.dump(score(args.csv), sys.stdout)
        print()
    else:
        print_table(score(args.csv))


if __name__ == "__main__":
    main()
