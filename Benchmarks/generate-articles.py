#!/usr/bin/env python3
"""Writes N articles of about 5 KB each in the seed article's shape (title, keyword line,
intro, parents and children, a restated section, a closing paragraph, an FAQ, footer noise).

Deterministic: the same N, seed and format give the same files. Usage:
    generate-articles.py OUT_DIR [N=1000] [SEED=7] [FORMAT=text|markdown|html]
"""
import os
import random
import sys

SYLLABLES = ["ka", "lo", "ren", "tis", "mar", "do", "vel", "shi", "an", "po", "ru", "gen", "tal", "mi",
             "sor", "be", "nu", "qua", "zel", "fi", "hor", "ya", "ost", "lim"]
COMMON = ("the of and to in a is that for it as with was on be by this are from at or an have "
          "which their has its but not more can also been were after other these such into most "
          "when over than many some only new time about between both under during through").split()


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))


def sentence(rng, vocabulary):
    words = [rng.choice(vocabulary) if rng.random() < 0.45 else rng.choice(COMMON)
             for _ in range(rng.randint(10, 22))]
    return " ".join(words).capitalize() + "."


def paragraph(rng, vocabulary, sentences=(2, 4)):
    return " ".join(sentence(rng, vocabulary) for _ in range(rng.randint(*sentences)))


def heading(rng, vocabulary):
    return " ".join(w.capitalize() for w in (rng.choice(vocabulary) for _ in range(rng.randint(2, 4))))


def article(rng):
    """The structure of one article: title, keyword line, intro, groups of sections, a
    restated section, closing, FAQ."""
    vocabulary = [word(rng) for _ in range(220)]
    topic = " ".join(rng.choice(vocabulary) for _ in range(3))
    a = {
        "title": f"Exploring {topic.title()}: A {heading(rng, vocabulary)} Guide",
        "keyword": topic,
        "intro": [paragraph(rng, vocabulary) + f" The {topic} matters."],
        "groups": [],
        "closing": paragraph(rng, vocabulary),
        "faq": [(" ".join(rng.choice(vocabulary) for _ in range(6)).capitalize() + "?",
                 paragraph(rng, vocabulary, (1, 2))) for _ in range(3)],
    }
    restated = None
    for _ in range(rng.randint(2, 3)):
        children = []
        for _ in range(rng.randint(2, 3)):
            text = paragraph(rng, vocabulary)
            restated = restated or text
            children.append((heading(rng, vocabulary), text))
        a["groups"].append((heading(rng, vocabulary), children))
    a["groups"][-1][1].append((heading(rng, vocabulary), restated.replace(".", ", indeed.", 1)))
    return a


def render_text(a):
    parts = [a["title"], "", "", a["keyword"], ""] + [p + "\n" for p in a["intro"]]
    for parent, children in a["groups"]:
        parts += [parent, ""]
        for child, text in children:
            parts += [child, "", text, ""]
    parts += ["", a["closing"], "", ""]
    for q, answer in a["faq"]:
        parts += [q, "", answer, ""]
    parts += ["Share this:", "Facebook Twitter", "", "Leave a Comment"]
    return "\n".join(parts) + "\n"


def render_markdown(a):
    parts = [f"# {a['title']}", "", a["keyword"], ""] + [p + "\n" for p in a["intro"]]
    for parent, children in a["groups"]:
        parts += [f"## {parent}", ""]
        for child, text in children:
            parts += [f"### {child}", "", text, ""]
    parts += [a["closing"], "", "## FAQ", ""]
    for q, answer in a["faq"]:
        parts += [f"**{q}**", "", answer, ""]
    parts += ["Share this:", "", "Leave a Comment"]
    return "\n".join(parts) + "\n"


def render_html(a):
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'>", f"<title>{a['title']}</title>",
             "<script>window.track = function () {};</script></head><body>",
             "<nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav><article>",
             f"<h1>{a['title']}</h1>", f"<p>{a['keyword']}</p>"] + [f"<p>{p}</p>" for p in a["intro"]]
    for parent, children in a["groups"]:
        parts.append(f"<h2>{parent}</h2>")
        for child, text in children:
            parts += [f"<h3>{child}</h3>", f"<p>{text}</p>"]
    parts += [f"<p>{a['closing']}</p>", "<h2>FAQ</h2>"]
    for q, answer in a["faq"]:
        parts.append(f"<details><summary>{q}</summary><p>{answer}</p></details>")
    parts += ["</article><footer><p>Leave a Comment</p></footer></body></html>"]
    return "\n".join(parts) + "\n"


RENDER = {"text": (render_text, "txt"), "markdown": (render_markdown, "md"), "html": (render_html, "html")}


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    render, extension = RENDER[sys.argv[4] if len(sys.argv) > 4 else "text"]
    os.makedirs(out, exist_ok=True)
    total = 0
    for i in range(count):
        a = article(rng)
        text = render(a)
        while len(text.encode()) < 4800:
            a["intro"].append(paragraph(rng, [word(rng) for _ in range(50)]))
            text = render(a)
        with open(os.path.join(out, f"article-{i:04d}.{extension}"), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode())
    print(f"{count} articles, {total} bytes, {total / count:.0f} bytes each on average")


if __name__ == "__main__":
    main()
