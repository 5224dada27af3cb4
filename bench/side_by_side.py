#!/usr/bin/env python3
"""The Python half of bench/side_by_side.sh.

    side_by_side.py resiliparse [--rounds N] [--min-seconds S] [--html DIR]
    side_by_side.py report FILE.jsonl

`resiliparse` times `resiliparse.extract.html2text.extract_plain_text(html,
main_content=True)` over every `*.html` page of DIR (default corpus/zyte),
read into memory and decoded to `str` before the clock starts. One untimed
sweep over every page first (warm-up), then N timed passes (default 5) of as
many sweeps as fill S seconds (default 0.5, as the Rust harness), each
printing one JSON line in the format of the Rust harness
(bench/harness/src/main.rs): tool, round, pages, bytes, sweeps, cpu_s, wall_s,
errors, out_chars, the times being those of one sweep. `cpu_s` is
`time.thread_time()`: this thread's CPU time (CLOCK_THREAD_CPUTIME_ID), the
same clock as the Rust harness's /proc/thread-self/schedstat.

`report` reads the JSON lines of one run and prints, per tool, the best pass
(least CPU time) as pages/s and MB/s, and the ratios issue 13 checks.
"""
import argparse
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (label, deboiler's tool, the peer, the target: deboiler at least
# this many times the peer's speed)
RATIOS = [
    ("HTML path / Resiliparse", "deboiler-html", "resiliparse", 1.0),
    ("HTML path / dom_smoothie", "deboiler-html", "dom_smoothie", 1.6),
    ("HTML path / scraper parse only", "deboiler-html", "parse-only", None),
    ("text path / bare unicode_words()", "deboiler-text", "unicode-words", 1.0),
]

CALLS = {
    "deboiler-html": "`Cleaner::clean_bytes(bytes)` (decode included), corpus/zyte",
    "resiliparse": "`extract_plain_text(html, main_content=True)` on the decoded str, corpus/zyte",
    "dom_smoothie": "`Readability::new(html, None, None)?.parse()`, corpus/zyte",
    "parse-only": "`scraper::Html::parse_document(html)`, corpus/zyte",
    "deboiler-text": "`Cleaner::clean_text(text)`, corpus/zyte-text",
    "unicode-words": "`text.unicode_words().count()`, corpus/zyte-text",
}


def run_resiliparse(args):
    from resiliparse.extract.html2text import extract_plain_text

    paths = sorted(p for p in Path(args.html).glob("*.html"))
    raw = [p.read_bytes() for p in paths]
    docs = [b.decode("utf-8") for b in raw]
    nbytes = sum(len(b) for b in raw)

    def one_pass():
        errors = chars = 0
        for doc in docs:
            try:
                chars += len(extract_plain_text(doc, main_content=True))
            except Exception:  # noqa: BLE001 - a page that raises counts as an error
                errors += 1
        return errors, chars

    c0 = time.thread_time()
    one_pass()
    took = time.thread_time() - c0
    sweeps = max(1, min(10_000, math.ceil(args.min_seconds / max(took, 1e-6))))
    for r in range(args.rounds):
        c0, w0 = time.thread_time(), time.perf_counter()
        for _ in range(sweeps):
            errors, chars = one_pass()
        c1, w1 = time.thread_time(), time.perf_counter()
        print(json.dumps({"tool": "resiliparse", "round": r, "pages": len(docs), "bytes": nbytes,
                          "sweeps": sweeps, "cpu_s": round((c1 - c0) / sweeps, 6),
                          "wall_s": round((w1 - w0) / sweeps, 6),
                          "errors": errors, "out_chars": chars}), flush=True)


def report(args):
    rows = [json.loads(line) for line in Path(args.file).read_text().splitlines() if line.strip()]
    best = {}
    passes = {}
    for row in rows:
        t = row["tool"]
        passes.setdefault(t, []).append(row["cpu_s"])
        if t not in best or row["cpu_s"] < best[t]["cpu_s"]:
            best[t] = row
    order = [t for t in CALLS if t in best] + [t for t in best if t not in CALLS]
    print("| tool | call | pages | MB | passes | pages/s | MB/s | worst pass / best | wall pages/s | errors |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for t in order:
        b = best[t]
        pps = b["pages"] / b["cpu_s"]
        mbs = b["bytes"] / 1e6 / b["cpu_s"]
        spread = max(passes[t]) / b["cpu_s"]
        wall = b["pages"] / min(r["wall_s"] for r in rows if r["tool"] == t)
        print(f"| {t} | {CALLS.get(t, '')} | {b['pages']} | {b['bytes'] / 1e6:.2f} | {len(passes[t])} "
              f"| {pps:,.0f} | {mbs:.1f} | {spread:.2f} | {wall:,.0f} | {b['errors']} |")
    print()
    print("| ratio (deboiler's speed / the other's, best passes) | measured | issue 13 target |")
    print("|---|---:|---:|")
    for label, mine, other, target in RATIOS:
        if mine in best and other in best:
            # Same pages on both sides, so pages/s ratio = MB/s ratio = CPU time ratio.
            ratio = (best[mine]["pages"] / best[mine]["cpu_s"]) / (best[other]["pages"] / best[other]["cpu_s"])
            goal = f"≥ {target:.1f}×" if target is not None else ""
            print(f"| {label} | {ratio:.2f}× | {goal} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("resiliparse")
    r.add_argument("--rounds", type=int, default=5)
    r.add_argument("--min-seconds", type=float, default=0.5)
    r.add_argument("--html", default=str(ROOT / "corpus" / "zyte"))
    p = sub.add_parser("report")
    p.add_argument("file")
    args = ap.parse_args()
    if args.cmd == "resiliparse":
        run_resiliparse(args)
    else:
        report(args)


if __name__ == "__main__":
    sys.exit(main())
