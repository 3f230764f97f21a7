#!/usr/bin/env python3
"""Writes a recall CSV of N cards (default 100,000) with text shaped like real decks:
a question of ~60 characters, an answer of ~140, a context paragraph of ~280, a section path
and tags, with commas, quotes, line breaks and non-ASCII text sprinkled in. Seeded, so every
run writes the same file."""
import csv
import random
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
out = sys.argv[2] if len(sys.argv) > 2 else "/dev/stdout"
rng = random.Random(6)
words = ("cell membrane protein energy café naïve \"quoted\" comma, line the of and a to in is "
         "mitochondria ribosome nucleus 日本語 enzyme =sum -minus photosynthesis").split(" ")

def text(k):
    t = " ".join(rng.choice(words) for _ in range(k))
    return t.replace(" line ", "\n", 1) if rng.random() < 0.2 else t

with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["id", "front", "back", "kind", "section", "tags", "context"])
    for i in range(n):
        w.writerow([f"{i:012x}", f"Q{i}: {text(8)}?", text(20), "faq",
                    f"Chapter {i % 50} > Part {i % 7}", "bio exam", text(40)])
