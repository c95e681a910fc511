#!/usr/bin/env python3
"""The seed-import benchmark's baseline: a plain Python script doing the work of `sift seeds import`.

    python3 python_seeds.py FOLDER DB [CHUNK_TOKENS] [OVERLAP]

Walks the folder, reads .md/.txt/.py files as UTF-8, splits each into blocks at blank lines, counts tokens
with the same approximate rule as Sift (a run of letters, digits and underscores is one token per started
four characters, any other non-space character one token), packs blocks greedily into chunks of at most
CHUNK_TOKENS with the last OVERLAP tokens' worth of words repeated, hashes each chunk's whitespace-normalised
text with SHA-256, and inserts all chunks into SQLite in one transaction with the same UNIQUE key (exact
duplicates skipped) and WAL / synchronous=NORMAL. It cuts less carefully than Sift (no sentence or
heading rules), so it is a lower bound on the work.
"""
import hashlib
import os
import re
import sqlite3
import sys

WORD = re.compile(r"\w+|[^\w\s]")
KINDS = {".md": "markdown", ".txt": "text", ".py": "code"}


def tokens(text):
    return sum((len(m) + 3) // 4 if (m[0].isalnum() or m[0] == "_") else 1 for m in WORD.findall(text))


def chunks(text, budget, overlap):
    out, current, size = [], [], 0
    for block in re.split(r"\n\s*\n", text):
        if not block.strip():
            continue
        n = tokens(block)
        if current and size + n > budget:
            out.append("\n\n".join(current))
            tail = " ".join(out[-1].split()[-max(1, overlap // 2):]) if overlap else ""
            current, size = ([tail], tokens(tail)) if tail else ([], 0)
        if n > budget:  # a block over the budget: cut between words, counting as it goes
            piece, piece_tokens = [], 0
            for w in block.split():
                t = tokens(w)
                if piece and piece_tokens + t > budget:
                    out.append(" ".join(piece))
                    piece, piece_tokens = [], 0
                piece.append(w)
                piece_tokens += t
            block, n = " ".join(piece), piece_tokens
        current.append(block)
        size += n
    if current:
        out.append("\n\n".join(current))
    return out


def main():
    folder, db = sys.argv[1], sys.argv[2]
    budget = int(sys.argv[3]) if len(sys.argv) > 3 else 512
    overlap = int(sys.argv[4]) if len(sys.argv) > 4 else 64
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("""CREATE TABLE seed_chunks (id INTEGER PRIMARY KEY, collection_id INTEGER NOT NULL,
        source TEXT NOT NULL, kind TEXT NOT NULL, language TEXT NOT NULL, chunk_index INTEGER NOT NULL,
        text TEXT NOT NULL, token_count INTEGER NOT NULL, content_hash BLOB NOT NULL,
        UNIQUE (collection_id, content_hash))""")
    rows = []
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            kind = KINDS.get(os.path.splitext(name)[1])
            if kind is None:
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                text = f.read().replace("\r\n", "\n")
            for i, c in enumerate(chunks(text, budget, overlap)):
                digest = hashlib.sha256(" ".join(c.split()).encode("utf-8")).digest()
                rows.append((1, path, kind, "python" if kind == "code" else "", i, c, tokens(c), digest))
    with con:
        con.executemany("INSERT OR IGNORE INTO seed_chunks (collection_id, source, kind, language, chunk_index, "
                        "text, token_count, content_hash) VALUES (?,?,?,?,?,?,?,?)", rows)
    print(f"{len(rows)} chunks", file=sys.stderr)


if __name__ == "__main__":
    main()
