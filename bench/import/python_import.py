#!/usr/bin/env python3
"""The baseline Sift's import is compared with: a plain Python script doing the same work.

usage: python_import.py FILE.json DB

json.load the whole array, compute the same SHA-256 content hash as Sift (length-prefixed UTF-8
fields: system, instruction, input, output, category), and insert with sqlite3.executemany into a
samples table with the same columns, the same UNIQUE(dataset_id, content_hash) constraint and the
same secondary index, in one transaction, with the same pragmas Sift uses (WAL, synchronous=NORMAL).
Duplicates are skipped by INSERT OR IGNORE and counted.
"""
import hashlib
import json
import sqlite3
import struct
import sys

DDL = """
CREATE TABLE datasets (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, source_file TEXT NOT NULL,
  format TEXT NOT NULL, imported_at TEXT NOT NULL, record_count INTEGER NOT NULL,
  sample_count INTEGER NOT NULL, duplicate_count INTEGER NOT NULL);
CREATE TABLE samples (id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  record_index INTEGER NOT NULL, system TEXT NOT NULL, instruction TEXT NOT NULL, input TEXT NOT NULL,
  output TEXT NOT NULL, messages_json TEXT, category TEXT NOT NULL, char_count INTEGER NOT NULL,
  content_hash BLOB NOT NULL, UNIQUE (dataset_id, content_hash));
CREATE INDEX samples_by_dataset ON samples(dataset_id, record_index);
"""


def content_hash(fields):
    h = hashlib.sha256()
    for field in fields:
        b = field.encode("utf-8")
        h.update(struct.pack(">I", len(b)))
        h.update(b)
    return h.digest()


def rows(records):
    for i, r in enumerate(records):
        system, instruction = r.get("system") or "", r["instruction"]
        inp, out, cat = r.get("input") or "", r.get("output") or "", r.get("category") or ""
        chars = len(system) + len(instruction) + len(inp) + len(out)
        yield (1, i, system, instruction, inp, out, None, cat, chars,
               content_hash((system, instruction, inp, out, cat)))


def main():
    path, db = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        records = json.load(f)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.executescript(DDL)
    with con:
        con.execute("INSERT INTO datasets VALUES (1, 'bench', ?, 'alpaca-json', datetime('now'), 0, 0, 0)", (path,))
        before = con.total_changes
        con.executemany("INSERT OR IGNORE INTO samples(dataset_id, record_index, system, instruction, input, output,"
                        " messages_json, category, char_count, content_hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                        rows(records))
        stored = con.total_changes - before
        con.execute("UPDATE datasets SET record_count=?, sample_count=?, duplicate_count=?",
                    (len(records), stored, len(records) - stored))
    con.close()
    print(f"{len(records)} records, {stored} samples, {len(records) - stored} duplicates")


if __name__ == "__main__":
    main()
