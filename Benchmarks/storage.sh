#!/usr/bin/env bash
# The storage benchmark (Benchmarks/storage.md): a generated collection of 100,000 cards and
# 1,000,000 reviews (generated once into DIR); (b) `recall due` as a whole process, (c) durable answers, (d) peak memory,
# (e) reading progress files. Usage: bash Benchmarks/storage.sh [DIR]  (default: a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product recall >/dev/null
RECALL="$PWD/.build/release/recall"
HOME_DIR="${1:-$(mktemp -d /tmp/recall-bench.XXXXXX)}"
echo "== machine: $(nproc) cores, $(uname -sr); data in $HOME_DIR"
if [ ! -f "$HOME_DIR/Decks/bench.json" ]; then
  "$RECALL" _bench-storage --home "$HOME_DIR" --generate --cards 100000 --reviews 1000000
fi
ls -l "$HOME_DIR"/Decks/bench.json "$HOME_DIR"/Progress/bench/
sync

echo "== (b) recall due bench, whole process (first due card printed; full listing)"
hyperfine --warmup 3 --runs 20 -N "$RECALL due bench --home $HOME_DIR"
"$RECALL" due bench --home "$HOME_DIR" | head -3 || true
echo "== (b') until the first line: process start to first byte on stdout"
python3 - "$RECALL" "$HOME_DIR" <<'PY'
import subprocess, sys, time, statistics
times = []
for _ in range(20):
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.argv[1], "due", "bench", "--home", sys.argv[2]], stdout=subprocess.PIPE)
    p.stdout.readline()
    times.append((time.perf_counter() - t0) * 1000)
    p.stdout.read(); p.wait()
print(f"first line: median {statistics.median(times):.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms")
PY

echo "== (d) peak memory (maximum resident set size)"
/usr/bin/time -v "$RECALL" due bench --home "$HOME_DIR" 2>&1 >/dev/null | grep -E "Maximum resident|Elapsed"
/usr/bin/time -v "$RECALL" review bench "$( ("$RECALL" due bench --home "$HOME_DIR" || true) | head -1 | cut -f2)" good --home "$HOME_DIR" 2>&1 | grep -E "saved|Maximum resident|Elapsed"

echo "== (c) durable answers and (e) reading the progress files (3 rounds)"
/usr/bin/time -v "$RECALL" _bench-storage --home "$HOME_DIR" --answers 2000 2>&1 | grep -E "read|raw|durable|snapshot|Maximum resident"
