#!/usr/bin/env bash
# Deck-building benchmark: N generated articles of about 5 KB each (default 1,000) built into one
# deck by the release binary, on one core. Prints throughput and peak memory.
# Usage: bash Benchmarks/deck-building.sh [N] [FORMAT: text|markdown|html]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
format=${2:-text}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --static-swift-stdlib --product recall >/dev/null
python3 Benchmarks/generate-articles.py "$work/articles" "$n" 7 "$format"
bytes=$(cat "$work"/articles/* | wc -c)

# Peak memory and one timed run.
/usr/bin/time -f "%e s elapsed, %U s user, %S s system, %M KB peak resident" \
    taskset -c 0 .build/release/recall build "$work/articles" --deck bench --home "$work/home"
# Repeated timings, each into a fresh data directory.
hyperfine --warmup 2 --runs 15 --export-json "$work/hyperfine.json" --prepare "rm -rf $work/home" \
    "taskset -c 0 .build/release/recall build $work/articles --deck bench --home $work/home" >/dev/null 2>&1
python3 - "$work/hyperfine.json" "$bytes" "$n" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))["results"][0]
size, n = int(sys.argv[2]), int(sys.argv[3])
mean, low, user = result["mean"], result["min"], result["user"]
print(f"{n} articles, {size} bytes: wall mean {mean:.3f} s (min {low:.3f} s) = {size / mean / 1e6:.1f} MB/s "
      f"(best {size / low / 1e6:.1f}); CPU (user) mean {user:.3f} s = {size / user / 1e6:.1f} MB/s")
PY
