#!/usr/bin/env python3
"""Scores deboiler's metadata (date, author, title) against a manifest.

Usage:
    deboiler --quiet --format json ../shared/corpus-dev/wcxb-dev-article > out.jsonl
    python3 bench/metadata_score.py out.jsonl ../shared/corpus-dev/wcxb-dev-article/manifest.json
    python3 bench/metadata_score.py out.jsonl MANIFEST --misses date   # list the misses

With `--misses FIELD` (date, author or title) each miss is listed after the
rates, one a line: the id, the manifest's value and deboiler's, grouped by
kind ("none": deboiler gave nothing; "off-by-one": a day next to the
manifest's; "wrong": any other value).

Reads the `deboiler --format json` output (one object per line; only the
`<id>.html` pages are scored, the gold files in the same folder are
skipped) and the manifest's `docs` list (`id`, `title`, `author`,
`publish_date`). For each field the rate is matches / pages whose manifest
value is not empty; a page deboiler did not output counts as a miss.

Definitions of a match:

* date: the same calendar day. deboiler's date is the first ten characters
  of `metadata.published` (ISO 8601); when that field is absent (older
  outputs) or null, the first `YYYY-MM-DD` written in `metadata.date`.
  The manifest's `publish_date` is cut to its first ten characters.
* author: after lower-casing, dropping a leading "by " and collapsing
  whitespace, the two are equal or one contains the other. deboiler's
  author is `metadata.author` when present and not null, else
  `metadata.byline`.
* title: equal after Unicode NFKC and lower-casing, keeping only letters
  and digits (so punctuation, spacing and line breaks do not count);
  deboiler's title is `title`.
"""

import json
import re
import sys
import unicodedata
from pathlib import Path

ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def norm(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = " ".join(s.split())
    return s.strip(" \t\"'“”‘’«».,:;|-–—")


def norm_author(s):
    s = norm(s)
    if s.startswith("by "):
        s = s[3:].strip()
    return s


def norm_title(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    return "".join(c for c in s if c.isalnum())


def our_date(meta):
    published = meta.get("published")
    if published:
        return published[:10]
    m = ISO_DAY.search(meta.get("date") or "")
    return m.group(0) if m else None


def our_author(meta):
    return meta.get("author") or meta.get("byline")


def days_apart(a, b):
    from datetime import date

    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except (TypeError, ValueError):
        return None


def miss_kind(field, gold, ours):
    if not ours:
        return "none"
    if field == "date" and days_apart(gold, ours) == 1:
        return "off-by-one"
    return "wrong"


def main():
    args = sys.argv[1:]
    misses_of = None
    if "--misses" in args:
        i = args.index("--misses")
        if i + 1 >= len(args):
            sys.exit(__doc__)
        misses_of = args[i + 1]
        del args[i : i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    sys.argv[1:] = args
    outputs = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            name = Path(rec.get("source", "")).name
            if name.endswith(".html"):
                outputs[name[: -len(".html")]] = rec
    docs = json.load(open(sys.argv[2], encoding="utf-8"))["docs"]
    misses = []
    hits = {"date": 0, "author": 0, "title": 0}
    totals = {"date": 0, "author": 0, "title": 0}
    for doc in docs:
        rec = outputs.get(doc["id"]) or {}
        meta = rec.get("metadata") or {}
        gold_date = (doc.get("publish_date") or "")[:10]
        if gold_date:
            totals["date"] += 1
            ok = our_date(meta) == gold_date
            hits["date"] += ok
            if not ok and misses_of == "date":
                ours = our_date(meta)
                misses.append((miss_kind("date", gold_date, ours), doc["id"], gold_date,
                               f"{ours}  published={meta.get('published')!r} date={meta.get('date')!r}"))
        gold_author = norm_author(doc.get("author"))
        if gold_author:
            totals["author"] += 1
            ours = norm_author(our_author(meta))
            ok = bool(ours) and (
                ours == gold_author or ours in gold_author or gold_author in ours
            )
            hits["author"] += ok
            if not ok and misses_of == "author":
                misses.append((miss_kind("author", gold_author, ours), doc["id"], gold_author, ours))
        gold_title = norm_title(doc.get("title"))
        if gold_title:
            totals["title"] += 1
            ok = norm_title(rec.get("title")) == gold_title
            hits["title"] += ok
            if not ok and misses_of == "title":
                misses.append((miss_kind("title", gold_title, rec.get("title")), doc["id"],
                               doc.get("title"), rec.get("title")))
    for field in ("date", "author", "title"):
        rate = hits[field] / totals[field] if totals[field] else 0.0
        print(f"{field:7} {rate:.3f}  ({hits[field]}/{totals[field]})")
    for kind, doc_id, gold, ours in sorted(misses):
        print(f"{kind:10} {doc_id}  manifest={gold!r}  ours={ours}")


if __name__ == "__main__":
    main()
