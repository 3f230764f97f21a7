#!/usr/bin/env bash
# The storage benchmark (Benchmarks/storage.md): a generated collection of 100,000 cards and
# 1,000,000 reviews (generated once into DIR); (b) `recall due` as a whole process (warm and cold study index,
# and the first run after `recall import` changed the deck; each script run adds 6 cards to the deck),
# (c) durable answers, (d) peak memory,
# (e) reading progress files. Usage: bash Benchmarks/storage.sh [DIR]  (default: a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product recall >/dev/null
RECALL="$PWD/.build/release/recall"
HOME_DIR="${1:-$(mktemp -d /tmp/recall-bench.XXXXXX)}"
echo "== machine: $(nproc) cores, $(uname -sr); data in $HOME_DIR"
if [ ! -f "$HOME_DIR/Decks/bench.json" ]; then
  "$RECALL" _bench-storage --home "$HOME_DIR" --generate --cards 100000 --reviews 1000000
fi
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
ls -l "$HOME_DIR"/Decks/bench.json "$HOME_DIR"/Progress/bench/
sync

INDEX="$HOME_DIR/Progress/bench/index.bin"
FIRST_LINE='
import subprocess, sys, time, statistics, os
recall, home, runs, cold = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "cold"
index = os.path.join(home, "Progress/bench/index.bin")
times = []
for _ in range(runs):
    if cold and os.path.exists(index): os.remove(index)
    t0 = time.perf_counter()
    p = subprocess.Popen([recall, "due", "bench", "--home", home], stdout=subprocess.PIPE)
    p.stdout.readline()
    times.append((time.perf_counter() - t0) * 1000)
    p.stdout.read(); p.wait()
print(f"first line ({sys.argv[4]}): median {statistics.median(times):.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms")
'

echo "== (b) recall due bench, warm: the study index is current (first due card printed; full listing)"
"$RECALL" due bench --home "$HOME_DIR" >/dev/null  # writes the index if it is missing or stale
ls -l "$INDEX"
hyperfine --warmup 3 --runs 20 -N "$RECALL due bench --home $HOME_DIR"
"$RECALL" due bench --home "$HOME_DIR" | head -3 || true
python3 -c "$FIRST_LINE" "$RECALL" "$HOME_DIR" 20 warm
echo "== (b) cold: no index (deleted before each run), so the deck and snapshot are parsed and the index written"
python3 -c "$FIRST_LINE" "$RECALL" "$HOME_DIR" 5 cold

echo "== (b) and (d) on the first run after a deck change: recall import adds a card to the deck"
echo "   (the import rewrites the 35 MB deck and refreshes the index), then recall due; 3 rounds"
for i in 1 2 3; do
  for what in memory first-line; do
    printf 'question,answer\nBenchmark question added %s %s %s?,Added.\n' "$(date +%s%N)" "$i" "$what" >"$HOME_DIR/added.csv"
    /usr/bin/time -v "$RECALL" import "$HOME_DIR/added.csv" --deck bench --home "$HOME_DIR" 2>&1 |
      grep -E "Imported|Maximum resident|Elapsed" | sed 's/^/   import: /'
    if [ "$what" = memory ]; then
      /usr/bin/time -v "$RECALL" due bench --home "$HOME_DIR" 2>&1 >/dev/null |
        grep -E "Maximum resident|Elapsed" | sed 's/^/   due, first run: /'
    else
      python3 -c "$FIRST_LINE" "$RECALL" "$HOME_DIR" 1 after-import
    fi
  done
done

echo "== (d) peak memory (maximum resident set size)"
rm -f "$INDEX"
echo "-- recall due, cold (no index; reads the JSON files and writes the index)"
/usr/bin/time -v "$RECALL" due bench --home "$HOME_DIR" 2>&1 >/dev/null | grep -E "Maximum resident|Elapsed"
echo "-- recall due, warm"
/usr/bin/time -v "$RECALL" due bench --home "$HOME_DIR" 2>&1 >/dev/null | grep -E "Maximum resident|Elapsed"
echo "-- recall review (3 answers, warm index)"
for _ in 1 2 3; do
  /usr/bin/time -v "$RECALL" review bench "$( ("$RECALL" due bench --home "$HOME_DIR" || true) | head -1 | cut -f2)" good --home "$HOME_DIR" 2>&1 | grep -E "saved|Maximum resident|Elapsed"
done

echo "== (c) durable answers and (e) reading the progress files (3 rounds)"
/usr/bin/time -v "$RECALL" _bench-storage --home "$HOME_DIR" --answers 2000 2>&1 | grep -E "read|raw|durable|snapshot|Maximum resident"
echo "== (e) the snapshot alone, 5 more reads"
"$RECALL" _bench-storage --home "$HOME_DIR" --snapshot-reads 5
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
