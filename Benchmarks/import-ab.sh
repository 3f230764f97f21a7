#!/usr/bin/env bash
# Import of 100,000 cards by two recall binaries, run alternately so that both see the same
# load: into a new deck, and into the deck it made with every card unchanged. Prints the wall,
# user and system times per binary and case (see interchange.md).
# Usage: Benchmarks/import-ab.sh BEFORE AFTER [RUNS]
set -euo pipefail
before=$1 after=$2 runs=${3:-10}
work=$(mktemp -d /tmp/recall-import-ab.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$(dirname "$0")/make-cards.py" 100000 "$work/cards.csv"
"$after" import "$work/cards.csv" --deck bench --home "$work/home" >/dev/null
for case in new unchanged; do
    for _ in $(seq "$runs"); do
        for binary in "$before" "$after"; do
            home=$work/home
            if [ "$case" = new ]; then rm -rf "$work/fresh"; home=$work/fresh; fi
            /usr/bin/time -a -o "$work/times" -f "$case $binary %e %U %S" \
                "$binary" import "$work/cards.csv" --deck bench --home "$home" >/dev/null
        done
    done
done
python3 - "$work/times" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    case, binary, *times = line.split()
    runs[(case, binary)].append([float(t) for t in times])
for (case, binary), rows in runs.items():
    wall, user, system = zip(*rows)
    print(f"{case:9} {binary}: wall {statistics.mean(wall):.3f} s ± {statistics.stdev(wall):.3f} "
          f"(median {statistics.median(wall):.3f}, min {min(wall):.3f}), "
          f"user {statistics.median(user):.3f} s, system {statistics.median(system):.3f} s (medians)")
PY
