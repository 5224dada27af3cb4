#!/usr/bin/env python3
"""Checks a batch run against one-by-one runs of the same binary.

    scripts/check_batch.py OUT.jsonl PAGES_DIR [DEBOILER]

OUT.jsonl is `deboiler --format jsonl` over a JSONL or WARC file built by
`examples/make_batch.rs` from PAGES_DIR (record n holds the n-th page modulo
the number of pages, in name order). Checks: one output record per input
page, in input order, no errors, and every body equal to the body that
`deboiler PAGE` prints for that page alone.
"""
import json
import pathlib
import subprocess
import sys

out_path, pages_dir = sys.argv[1], pathlib.Path(sys.argv[2])
binary = sys.argv[3] if len(sys.argv) > 3 else "target/release/deboiler"
pages = sorted(p for p in pages_dir.iterdir() if p.suffix == ".html")
alone = {}
for p in pages:
    run = subprocess.run([binary, str(p)], capture_output=True, check=True)
    alone[p.stem] = run.stdout.decode("utf-8")

count = errors = mismatched = 0
with open(out_path, encoding="utf-8") as f:
    for n, line in enumerate(f):
        rec = json.loads(line)
        page = pages[n % len(pages)].stem
        # JSONL records carry "n"; WARC records carry the page in their URL.
        if "n" in rec and rec["n"] != n:
            sys.exit(f"record {n} is out of order: got n={rec['n']}")
        if not rec.get("url", "").endswith(page):
            sys.exit(f"record {n} is out of order: {rec.get('url')} is not {page}")
        if rec.get("error"):
            errors += 1
        elif rec["body"] + "\n" != alone[page]:
            mismatched += 1
        count += 1
print(f"{count} records in order, {errors} errors, {mismatched} bodies differ from one-by-one runs")
sys.exit(1 if errors or mismatched else 0)
