#!/usr/bin/env python3
"""Writes a deterministic synthetic Alpaca JSON array for import benchmarks.

usage: gen_alpaca.py N OUT.json

Records have Alpaca's shape and a realistic spread of lengths (instruction ~15 words, 40% with an
input, outputs from one sentence to several paragraphs); about 1% are exact repeats of an earlier
record, so duplicate detection does real work. Same N, same file, byte for byte.
"""
import json
import random
import sys

WORDS = ("the of and to in is that for it as with was on be by this are from at or an which have not "
         "data model train test value result method answer question explain write list describe give "
         "summarise compare translate code function python java sql table number sum average prime "
         "history science river mountain city country language music story poem letter email plan "
         "reason because therefore however example first second finally step simple short long").split()


def sentence(rng, lo, hi):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).capitalize() + "."


def record(rng, i):
    instruction = f"Task {i}: " + sentence(rng, 6, 24)
    inp = " ".join(sentence(rng, 5, 20) for _ in range(rng.randint(1, 4))) if rng.random() < 0.4 else ""
    paragraphs = []
    for _ in range(rng.choices([1, 2, 3, 5], weights=[5, 3, 2, 1])[0]):
        paragraphs.append(" ".join(sentence(rng, 6, 22) for _ in range(rng.randint(1, 5))))
    return {"instruction": instruction, "input": inp, "output": "\n\n".join(paragraphs)}


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261121)
    records = []
    for i in range(n):
        if records and rng.random() < 0.01:
            records.append(dict(rng.choice(records)))
        else:
            records.append(record(rng, i))
    with open(out, "w", encoding="utf-8") as f:
        json.dump(records, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
