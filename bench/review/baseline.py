#!/usr/bin/env python3
"""Baseline for `sift bench review`: plain Python sqlite3 doing the review's reads on the same project file.

The same SELECTs the review's row loader runs (samples, candidates, decisions that hold, notes, one per score
column) fetched into lists, plus the first page of 200 sample texts; then the same filter (ifd >= 0.3, ifd < 1,
undecided) and sort (by IFD, descending) over plain lists, and the same warm full-text search. Prints one JSON
object of timings in milliseconds (medians over --repeats, the open is the first one). Standard library only.
"""
import argparse
import json
import sqlite3
import statistics
import sys
import time

COLUMNS = ("id, dataset_id, record_index, system, instruction, input, output, messages_json, category,"
           " content_hash")


def load(path, columns):
    start = time.perf_counter()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    datasets = [r[0] for r in con.execute("SELECT id FROM datasets")]
    scope = "(" + ",".join(str(d) for d in datasets) + ")" if datasets else "(NULL)"
    samples = con.execute(f"SELECT id, dataset_id FROM samples WHERE dataset_id IN {scope} ORDER BY id").fetchall()
    of_scope = f" JOIN samples s ON s.id = x.sample_id WHERE s.dataset_id IN {scope}"
    candidates = con.execute("SELECT x.id, x.sample_id, x.origin, x.agent_pair_id, x.run_id FROM candidates x"
                             + of_scope + " ORDER BY x.id").fetchall()
    decisions = con.execute("SELECT x.sample_id, x.candidate_id, x.action, x.decided_by, x.run_id FROM decisions x"
                            + of_scope + " AND x.undone_at IS NULL ORDER BY x.sample_id, x.id").fetchall()
    notes = con.execute("SELECT x.sample_id, x.note FROM sample_notes x" + of_scope
                        + " AND x.undone_at IS NULL ORDER BY x.sample_id, x.id").fetchall()
    scores = {}
    for c in columns:
        value = "sc.value" if not c["details"] else f"json_extract(sc.details_json, '$.{c['details']}')"
        scores[c["key"]] = con.execute(
            f"SELECT sc.candidate_id, {value} FROM scores sc JOIN candidates x ON x.id = sc.candidate_id"
            f" JOIN samples s ON s.id = x.sample_id WHERE s.dataset_id IN {scope}"
            " AND sc.metric=? AND sc.scorer=? AND sc.template=?",
            (c["metric"], c["scorer"], c["template"])).fetchall()
    first = [r[0] for r in samples[:200]]
    page = con.execute(f"SELECT {COLUMNS} FROM samples WHERE id IN ({','.join('?' * len(first))})",
                       first).fetchall() if first else []
    elapsed = (time.perf_counter() - start) * 1000
    return con, scope, samples, candidates, decisions, scores, page, elapsed


def rows_of(samples, candidates, decisions, scores):
    """Per sample: undecided or not, and the IFD of its shown candidate (the decision's, else the original)."""
    original = {}
    for cid, sid, origin, _pair, _run in candidates:
        if origin == "original" and sid not in original:
            original[sid] = cid
    current = {}
    for sid, cid, _action, _by, _run in decisions:
        current[sid] = cid
    ifd = dict(scores.get("ifd", []))
    rows = []
    for sid, _dataset in samples:
        shown = current.get(sid) or original.get(sid)
        rows.append((sid, sid not in current, ifd.get(shown)))
    return rows


def median_ms(repeats, work):
    times = []
    result = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--project", required=True)
    parser.add_argument("--columns", required=True, help="JSON list of {key, metric, scorer, template, details}")
    parser.add_argument("--match", required=True, help="FTS5 query for the warm search")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    columns = json.loads(args.columns)
    con, scope, samples, candidates, decisions, scores, _page, open_ms = load(args.project, columns)
    rows = rows_of(samples, candidates, decisions, scores)
    filter_ms, kept = median_ms(args.repeats, lambda: [r for r in rows
                                                        if r[1] and r[2] is not None and 0.3 <= r[2] < 1])
    sort_ms, _ = median_ms(args.repeats, lambda: sorted(rows, key=lambda r: (r[2] is None, -(r[2] or 0))))
    search_sql = (f"SELECT f.rowid FROM review_search f JOIN samples s ON s.id = f.rowid WHERE review_search"
                  f" MATCH ? AND s.dataset_id IN {scope} ORDER BY f.rowid")
    try:
        search_ms, hits = median_ms(args.repeats, lambda: [r[0] for r in con.execute(search_sql, (args.match,))])
    except sqlite3.OperationalError as e:
        # e.g. an SQLite older than 3.43 cannot read the index's contentless_delete option: no search baseline
        print(f"baseline search skipped: {e}", file=sys.stderr)
        search_ms, hits = None, []
    json.dump({"python": f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}",
               "openMs": open_ms, "filterMs": filter_ms, "sortMs": sort_ms, "searchWarmMs": search_ms,
               "filteredRows": len(kept), "searchHits": len(hits)}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
