#!/usr/bin/env bash
# Export and import of 100,000 cards with the release build; see interchange.md.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product recall >/dev/null
recall=.build/release/recall
work=$(mktemp -d /tmp/recall-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/make-cards.py 100000 "$work/cards.csv"
"$recall" import "$work/cards.csv" --deck bench --home "$work/home" >/dev/null
ls -l "$work/cards.csv" "$work/home/Decks/bench.json"
hyperfine -N --runs 5 --export-markdown "$work/results.md" \
    -n 'export csv' "$recall export bench --format csv -o $work/out.csv --home $work/home" \
    -n 'export tsv' "$recall export bench --format tsv -o $work/out.tsv --home $work/home" \
    -n 'export anki' "$recall export bench --format anki -o $work/out.txt --home $work/home" \
    -n 'export quizlet' "$recall export bench --format quizlet --card-separator '\n\n' -o $work/out.q --home $work/home" \
    -n 'import csv (new deck)' --prepare "rm -rf $work/fresh" "$recall import $work/cards.csv --deck bench --home $work/fresh" \
    -n 'import csv (update, all unchanged)' "$recall import $work/cards.csv --deck bench --home $work/home"
cat "$work/results.md"
