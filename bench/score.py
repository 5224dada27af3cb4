#!/usr/bin/env python3
"""Score extractor outputs against gold article bodies, Zyte-benchmark style.

    python3 bench/score.py --gold corpus/zyte PRED_DIR [PRED_DIR ...]
           [--tools a,b] [--n-bootstrap 1000] [--seed 0] [--json out.json]
           [--sort f1|name] [--self-test]

PRED_DIR holds one sub-folder per tool with `<id>.txt` files (a missing file
counts as an empty prediction) and optionally `_meta.json` (version, timings)
as written by bench/run_peers.py and deboiler-eval --write-preds.

Scoring is a re-implementation (written from reading it, no code copied) of
`evaluate.py` in scrapinghub/article-extraction-benchmark:

  * tokens   = every match of the regex \\w+ (Python `re`, Unicode word
               characters), case kept, punctuation dropped;
  * units    = 4-token shingles (overlapping word 4-grams) of that token list,
               counted as a multiset; a text of 1-3 tokens gives one shorter
               shingle, a text of 0 tokens gives none;
  * per page = tp = sum over shingles of min(gold count, pred count),
               fp = surplus in the prediction, fn = surplus in the gold;
               (tp, fp, fn) are divided by tp+fp+fn, which leaves P and R as is;
  * P(page)  = 1 if fp = fn = 0; 0 if tp = fp = 0; else tp/(tp+fp);
    R(page)  = 1 if fp = fn = 0; 0 if tp = fn = 0; else tp/(tp+fn);
  * P = mean of P(page) over pages whose prediction has >= 1 shingle
        (an empty prediction is left out of precision, it only costs recall);
    R = mean of R(page) over pages whose gold has >= 1 shingle;
  * F1 = 2PR/(P+R) of those two means (not a mean of per-page F1s);
  * accuracy = share of pages whose token list equals the gold's exactly;
  * +- = standard deviation over bootstrap resamples of pages (default 1000;
    the original uses an unseeded RNG, here --seed fixes it).

Extra columns that are not in the original: `F1/doc` (mean over all pages of
per-page F1, an empty prediction scoring 0), `empty` (pages with no tokens in
the prediction) and `err` (pages the tool raised on or timed out on, from
_meta.json).
"""
import argparse
import json
import math
import random
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

WORD = re.compile(r"\w+")
N = 4


def tokenize(text):
    return WORD.findall(text or "")


def shingles(text, n=N):
    toks = tokenize(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_counts(gold, pred, n=N):
    """(tp, fp, fn) for one page, normalised to sum to 1 (or all 0)."""
    g, p = shingles(gold, n), shingles(pred, n)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    s = tp + fp + fn
    if s:
        return tp / s, fp / s, fn / s
    return 0.0, 0.0, 0.0


def page_precision(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def _mean(xs):
    return sum(xs) / len(xs) if xs else float("nan")


def aggregate(counts):
    ps = [page_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [page_recall(*c) for c in counts if c[0] + c[2] > 0]
    p, r = _mean(ps), _mean(rs)
    f1 = 2 * p * r / (p + r) if (p + r) > 0 else 0.0
    return p, r, f1


def per_page_f1(c):
    p, r = page_precision(*c), page_recall(*c)
    if c[0] + c[1] == 0 and c[0] + c[2] == 0:  # both empty
        return 1.0
    if c[0] + c[1] == 0:  # empty prediction
        return 0.0
    return 2 * p * r / (p + r) if (p + r) > 0 else 0.0


def _std(xs):
    if len(xs) < 2:
        return 0.0
    m = _mean(xs)
    return math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1))


def score_tool(gold, preds, n_boot, rng):
    ids = sorted(gold)
    counts = [page_counts(gold[i], preds.get(i, "")) for i in ids]
    acc = [float(tokenize(gold[i]) == tokenize(preds.get(i, ""))) for i in ids]
    p, r, f1 = aggregate(counts)
    boot = {"p": [], "r": [], "f1": [], "acc": []}
    n = len(ids)
    for _ in range(n_boot):
        idx = [rng.randrange(n) for _ in range(n)]
        bp, br, bf = aggregate([counts[k] for k in idx])
        boot["p"].append(bp)
        boot["r"].append(br)
        boot["f1"].append(bf)
        boot["acc"].append(_mean([acc[k] for k in idx]))
    return {
        "precision": p, "recall": r, "f1": f1, "accuracy": _mean(acc),
        "precision_std": _std(boot["p"]), "recall_std": _std(boot["r"]),
        "f1_std": _std(boot["f1"]), "accuracy_std": _std(boot["acc"]),
        "f1_per_doc_mean": _mean([per_page_f1(c) for c in counts]),
        "empty_predictions": sum(1 for i in ids if not tokenize(preds.get(i, ""))),
        "missing_files": sum(1 for i in ids if i not in preds),
        "docs": n,
        "per_doc": {i: {"tp": c[0], "fp": c[1], "fn": c[2]} for i, c in zip(ids, counts)},
    }


def load_gold(gold_dir):
    gold = {}
    for p in sorted(Path(gold_dir).glob("*.gold.txt")):
        gold[p.name[: -len(".gold.txt")]] = p.read_text(encoding="utf8")
    if not gold:
        sys.exit(f"no *.gold.txt in {gold_dir}")
    return gold


def load_tool(tdir, ids):
    preds = {}
    for i in ids:
        f = tdir / f"{i}.txt"
        if f.exists():
            preds[i] = f.read_text(encoding="utf8", errors="replace")
    meta_path = tdir / "_meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf8")) if meta_path.exists() else {}
    return preds, meta


def self_test():
    # behaviour the original's unit tests pin down (3-gram variant), re-expressed
    assert tokenize("a b,cd:e(foo,bar) ") == ["a", "b", "cd", "e", "foo", "bar"]
    assert shingles("!", 4) == Counter()
    assert shingles("a,b c ", 5) == Counter([("a", "b", "c")])
    assert shingles("a b c a b c", 3) == Counter([("a", "b", "c"), ("b", "c", "a"), ("c", "a", "b"), ("a", "b", "c")])
    cases = [("a b c", "a b c", (1, 0, 0)), ("a b c d", "a b c", (0.5, 0, 0.5)),
             ("a b c", "a b c d", (0.5, 0.5, 0)), ("", "", (0, 0, 0)), ("a", "", (0, 0, 1)),
             ("", "a", (0, 1, 0)), ("a b c a b c", "a b c", (0.25, 0, 0.75)),
             ("a b c", "a b c a b c", (0.25, 0.75, 0))]
    for g, p, want in cases:
        got = page_counts(g, p, 3)
        assert all(abs(x - y) < 1e-12 for x, y in zip(got, want)), (g, p, got, want)
    # empty prediction: left out of precision, counts 0 in recall
    p, r, f = aggregate([(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)])
    assert p == 1.0 and r == 0.5 and abs(f - 2 / 3) < 1e-12
    print("self-test ok")


def fmt(x, nd=3):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{nd}f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred_dirs", type=Path, nargs="*")
    ap.add_argument("--gold", type=Path)
    ap.add_argument("--tools", help="comma-separated subset of tool folder names")
    ap.add_argument("--n-bootstrap", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, help="write all metrics (with per-doc tp/fp/fn) here")
    ap.add_argument("--sort", choices=["f1", "name"], default="f1")
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("--timings-from", type=Path, nargs="+", metavar="RUN_DIR",
                    help="other run folders of the same tools: docs/s and MB/s become the median "
                         "over PRED_DIR's _meta.json and these")
    args = ap.parse_args()
    if args.self_test:
        self_test()
        if not args.pred_dirs:
            return
    if not args.gold or not args.pred_dirs:
        ap.error("--gold and at least one PRED_DIR are required")

    gold = load_gold(args.gold)
    ids = sorted(gold)
    wanted = set(args.tools.split(",")) if args.tools else None
    rows = []
    for pdir in args.pred_dirs:
        for tdir in sorted(d for d in pdir.iterdir() if d.is_dir()):
            if wanted and tdir.name not in wanted:
                continue
            preds, meta = load_tool(tdir, ids)
            if not preds and not meta:
                continue
            m = score_tool(gold, preds, args.n_bootstrap, random.Random(args.seed))
            m.update({
                "tool": tdir.name,
                "lang": meta.get("lang", ""),
                "version": meta.get("version") or "",
                "call": meta.get("call", ""),
                "seconds": meta.get("seconds"),
                "docs_per_s": meta.get("docs_per_s"),
                "mb_per_s": meta.get("mb_per_s"),
                "errors": len(meta.get("errors", {}) or {}),
                "timeouts": len(meta.get("timeouts", []) or []),
                "crashed": bool(meta.get("crashed")),
            })
            if args.timings_from and meta.get("seconds"):
                metas = [meta] + [json.loads((r / tdir.name / "_meta.json").read_text(encoding="utf8"))
                                  for r in args.timings_from if (r / tdir.name / "_meta.json").exists()]
                metas = [x for x in metas if x.get("seconds")]
                m["docs_per_s"] = statistics.median(x["docs_per_s"] for x in metas)
                m["mb_per_s"] = statistics.median(x["mb_per_s"] for x in metas)
                m["timing_runs"] = len(metas)
            rows.append(m)
    if args.sort == "f1":
        rows.sort(key=lambda m: -m["f1"])
    else:
        rows.sort(key=lambda m: m["tool"])

    print(f"gold: {len(ids)} pages; tokens=\\w+, 4-gram shingles, P/R averaged over pages, "
          f"F1=2PR/(P+R); +-: bootstrap sd (n={args.n_bootstrap}, seed={args.seed})"
          + ("; docs/s, MB/s: median over runs" if args.timings_from else "") + "\n")
    print("| tool | lang | version | F1 | ± | precision | recall | accuracy | F1/doc | empty | err | docs/s | MB/s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for m in rows:
        err = max(m["errors"], m["timeouts"])  # time-outs are also listed among errors
        print(f"| {m['tool']}{' (CRASHED)' if m['crashed'] else ''} | {m['lang']} | {m['version']} | "
              f"{fmt(m['f1'])} | {fmt(m['f1_std'])} | {fmt(m['precision'])} | {fmt(m['recall'])} | "
              f"{fmt(m['accuracy'])} | {fmt(m['f1_per_doc_mean'])} | {m['empty_predictions']} | {err} | "
              f"{fmt(m['docs_per_s'], 1)} | {fmt(m['mb_per_s'], 2)} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf8")


if __name__ == "__main__":
    main()
