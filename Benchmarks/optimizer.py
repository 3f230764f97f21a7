#!/usr/bin/env python3
"""Compare recall's FSRS-6 optimizer with the Rust fsrs crate (fsrs-rs-python) on simulated
review logs.

    swift build -c release --product OptimizerBenchmark
    .venv/bin/python Benchmarks/optimizer.py 1000 10000 100000 [--seed=7 --seed=8 ...]

For each size it simulates a learner with known ("true") parameters, writes the log as CSV,
fits on the same four fifths of the cards with both implementations (recall's fixed held-out
rule: FNV-1a of the card id, one in five), and scores both fits on the held-out fifth with
recall's evaluator and with the crate's own `evaluate`. Times are wall-clock seconds of the
fit alone (building the crate's FSRSItems and parsing recall's CSV are not counted).
"""
import json
import math
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fsrs_rs_python import FSRS, FSRSItem, FSRSReview, DEFAULT_PARAMETERS

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / ".build" / "release" / "OptimizerBenchmark"

# A learner who forgets faster than the default one and is harsher on lapses.
TRUE_PARAMETERS = [
    0.35, 1.05, 3.1, 10.5, 6.9, 0.62, 2.45, 0.02, 1.55, 0.21, 1.05,
    1.7, 0.09, 0.33, 1.9, 0.48, 2.3, 0.62, 0.18, 0.11, 0.22,
]


class Model:
    def __init__(self, w):
        self.w = w
        self.decay = -w[20]
        self.factor = 0.9 ** (1 / self.decay) - 1

    def r(self, t, s):
        return (1 + self.factor * t / s) ** self.decay

    def init(self, g):
        w = self.w
        return max(w[g - 1], 0.001), min(max(w[4] - math.exp(w[5] * (g - 1)) + 1, 1), 10)

    def step(self, s, d, t, g):
        w = self.w
        if t == 0:
            growth = math.exp(w[17] * (g - 3 + w[18])) * s ** -w[19]
            if g >= 2:
                growth = max(growth, 1)
            ns = s * growth
        else:
            r = self.r(t, s)
            if g == 1:
                ns = min(
                    w[11] * d ** -w[12] * ((s + 1) ** w[13] - 1) * math.exp(w[14] * (1 - r)),
                    s / math.exp(w[17] * w[18]),
                )
            else:
                hard = w[15] if g == 2 else 1
                easy = w[16] if g == 4 else 1
                ns = s * (1 + math.exp(w[8]) * (11 - d) * s ** -w[9] * (math.exp(w[10] * (1 - r)) - 1) * hard * easy)
        d0_easy = w[4] - math.exp(3 * w[5]) + 1
        damped = d + (10 - d) * (-w[6] * (g - 3)) / 9
        nd = min(max(w[7] * (d0_easy - damped) + damped, 1), 10)
        return min(max(ns, 0.001), 36500), nd


def simulate(cards, reviews, seed, retention=0.9):
    rng = random.Random(seed)
    model = Model(TRUE_PARAMETERS)
    start = 1_700_000_000.0
    spacing = 86400 * 2 / cards
    rows = []
    for index in range(cards):
        card = f"sim-{seed}-{index}"
        t = start + index * spacing
        g = rng.choices([1, 2, 3, 4], [0.2, 0.15, 0.5, 0.15])[0]
        rows.append((card, t, g))
        s, d = model.init(g)
        for _ in range(reviews - 1):
            if g == 1 and rng.random() < 0.5:
                days = 0
                t += 600 + 3000 * rng.random()
                g = 1 if rng.random() < 0.2 else 3
            else:
                interval = s / model.factor * (retention ** (1 / model.decay) - 1) * (0.6 + 0.8 * rng.random())
                days = max(1, round(interval))
                t += days * 86400 + 3600 * rng.random()
                if rng.random() >= model.r(days, s):
                    g = 1
                else:
                    g = rng.choices([2, 3, 4], [0.15, 0.75, 0.1])[0]
            rows.append((card, t, g))
            s, d = model.step(s, d, days, g)
    return rows


def held_out(card):
    h = 0xCBF29CE484222325
    for byte in card.encode():
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h % 5 == 0


def items_by_card(rows):
    """FSRSItems as Anki builds them: one per review a day or more after the previous one,
    holding the card's whole history up to it; ordered by review time (the crate weights by
    that order)."""
    cards = {}
    for card, t, g in rows:
        cards.setdefault(card, []).append((t, g))
    train, test = [], []
    for card, reviews in cards.items():
        reviews.sort()
        fsrs_reviews = []
        previous = None
        for t, g in reviews:
            days = 0 if previous is None else max(0, math.floor((t - previous) / 86400))
            previous = t
            fsrs_reviews.append(FSRSReview(g, days))
            if len(fsrs_reviews) > 1 and days >= 1:
                (test if held_out(card) else train).append((t, FSRSItem(list(fsrs_reviews))))
    train.sort(key=lambda pair: pair[0])
    test.sort(key=lambda pair: pair[0])
    return [item for _, item in train], [item for _, item in test]


def run(cards, reviews=10, seed=7):
    rows = simulate(cards, reviews, seed)
    train, test = items_by_card(rows)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as log:
        log.write("card,time_ms,rating\n")
        for card, t, g in rows:
            log.write(f"{card},{int(t * 1000)},{g}\n")
        path = log.name

    started = time.perf_counter()
    rust_parameters = FSRS(DEFAULT_PARAMETERS).compute_parameters(train)
    rust_seconds = time.perf_counter() - started

    output = subprocess.run(
        [str(BINARY), path, "--evaluate", ",".join(repr(x) for x in rust_parameters)],
        check=True, capture_output=True, text=True,
    ).stdout
    swift = json.loads(output)
    Path(path).unlink()

    rust_eval_rust = FSRS(rust_parameters).evaluate(test)
    rust_eval_swift = FSRS(swift["parameters"]).evaluate(test)
    rust_eval_true = FSRS(TRUE_PARAMETERS).evaluate(test)
    return {
        "cards": cards,
        "reviews": len(rows),
        "training_items": len(train),
        "held_out_items": len(test),
        "rust_seconds": rust_seconds,
        "recall_seconds": swift["seconds"],
        "held_out_log_loss": {
            "recall": swift["heldOut"]["logLoss"],
            "rust": swift["heldOutOther"]["logLoss"],
            "defaults": swift["heldOutDefaults"]["logLoss"],
        },
        "held_out_rmse_bins": {
            "recall": swift["heldOut"]["rmseBins"],
            "rust": swift["heldOutOther"]["rmseBins"],
        },
        "crate_evaluate_log_loss": {
            "recall": rust_eval_swift.log_loss,
            "rust": rust_eval_rust.log_loss,
            "true": rust_eval_true.log_loss,
        },
        "parameters": {"recall": swift["parameters"], "rust": rust_parameters, "true": TRUE_PARAMETERS},
    }


def main():
    seeds = [int(arg.split("=")[1]) for arg in sys.argv[1:] if arg.startswith("--seed=")] or [7]
    sizes = [int(arg) for arg in sys.argv[1:] if not arg.startswith("--")] or [1000, 10000]
    for cards, seed in [(cards, seed) for cards in sizes for seed in seeds]:
        result = run(cards, seed=seed)
        ll = result["held_out_log_loss"]
        print(
            f"{cards:>7} cards  seed {seed:>2}  {result['reviews']:>8} reviews  "
            f"time recall {result['recall_seconds']:.3f}s  rust {result['rust_seconds']:.3f}s  "
            f"held-out log loss recall {ll['recall']:.5f}  rust {ll['rust']:.5f}  defaults {ll['defaults']:.5f}  "
            f"(crate evaluate: recall {result['crate_evaluate_log_loss']['recall']:.5f}  "
            f"rust {result['crate_evaluate_log_loss']['rust']:.5f}  true {result['crate_evaluate_log_loss']['true']:.5f})",
            flush=True,
        )
        print(json.dumps(result), file=sys.stderr)


if __name__ == "__main__":
    main()
