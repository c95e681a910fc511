#!/usr/bin/env python3
"""Writes a deterministic synthetic seed corpus for the seed-import benchmark.

    python3 gen_seeds.py MEGABYTES OUT_DIR

About 60% Markdown articles (headings and paragraphs), 20% plain text and 20% Python source, made from a
fixed word list and a fixed random seed, so every run of the benchmark reads the same bytes.
"""
import os
import random
import sys

WORDS = ("river tide moon bridge load beam arch span soil compost starter flour water yeast engineer "
         "support weight deck ground cost simple stiff squeeze stretch season heap green brown nitrogen "
         "carbon worm fungus bacteria kitchen garden warm cool moist dry layer turn week month measure "
         "cause effect reason because therefore however although which would could should").split()


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 22))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 7)))


def article(rng, markdown):
    parts = []
    for section in range(rng.randint(3, 9)):
        if markdown:
            parts.append(("# " if section == 0 else "## ") + " ".join(rng.choice(WORDS) for _ in range(3)).title())
        parts.extend(paragraph(rng) for _ in range(rng.randint(1, 5)))
    return "\n\n".join(parts) + "\n"


def module(rng):
    out = ['"""' + sentence(rng) + '"""', ""]
    for f in range(rng.randint(3, 12)):
        name = "_".join(rng.choice(WORDS) for _ in range(2))
        out.append(f"def {name}_{f}(a, b):")
        out.append(f'    """{sentence(rng)}"""')
        for _ in range(rng.randint(2, 10)):
            out.append(f"    a = a * {rng.randint(2, 9)} + b  # {rng.choice(WORDS)}")
        out.append("    return a")
        out.append("")
    return "\n".join(out) + "\n"


def main():
    megabytes, out_dir = float(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261121)
    os.makedirs(out_dir, exist_ok=True)
    written, n = 0, 0
    while written < megabytes * 1024 * 1024:
        kind = rng.random()
        if kind < 0.6:
            name, text = f"article_{n:05d}.md", article(rng, True)
        elif kind < 0.8:
            name, text = f"note_{n:05d}.txt", article(rng, False)
        else:
            name, text = f"module_{n:05d}.py", module(rng)
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write(text)
        written += len(text.encode("utf-8"))
        n += 1
    print(f"{n} files, {written / 1024 / 1024:.1f} MB in {out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
