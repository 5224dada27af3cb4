"""Load block exports (bench/harness block-export), label blocks by the gold, group pages by site.

Shared by train.py; see bench/LEARNED.md.
"""
import json
import math
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

WORD = re.compile(r"\w+")
N = 4

#: blocks either side that the window features average over
WINDOW = 3

REASONS = ["Title", "DuplicateTitle", "Navigation", "RelatedStories", "Promo", "SourceFooter", "Date",
           "ReadingTime", "Standfirst", "Byline", "Caption", "Comments", "Advertisement", "Legal", "Boilerplate"]
KINDS = ["paragraph", "heading", "quote", "list-item", "preformatted", "table-row", "caption", "metadata"]


def tokenize(text):
    return WORD.findall(text or "")


def shingles_of_tokens(toks, n=N):
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_counts(gold_sh, pred_text):
    p = shingles_of_tokens(tokenize(pred_text))
    tp = sum((gold_sh & p).values())
    fp = sum((p - gold_sh).values())
    fn = sum((gold_sh - p).values())
    s = tp + fp + fn
    if s:
        return tp / s, fp / s, fn / s
    return 0.0, 0.0, 0.0


def aggregate(counts):
    def pp(tp, fp, fn):
        if fp == 0 and fn == 0:
            return 1.0
        return 0.0 if tp == 0 and fp == 0 else tp / (tp + fp)

    def rr(tp, fp, fn):
        if fp == 0 and fn == 0:
            return 1.0
        return 0.0 if tp == 0 and fn == 0 else tp / (tp + fn)
    ps = [pp(*c) for c in counts if c[0] + c[1] > 0]
    rs = [rr(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


CANON = re.compile(r'<link[^>]+rel=["\']?canonical[^>]*>|<meta[^>]+og:url[^>]*>', re.I)
HREF = re.compile(r'(?:href|content)=["\']?(https?://[^"\'\s>]+)', re.I)


def site_of(url):
    host = (urlparse(url).hostname or "").lower()
    parts = host.split(".")
    if parts and parts[0] in ("www", "m", "amp", "mobile"):
        parts = parts[1:]
    # registrable-ish: last two labels, three for co.uk-style suffixes
    if len(parts) >= 3 and len(parts[-2]) <= 3 and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def sites(corpus, base):
    """page id -> site, from the manifest's URL, else the page's canonical/og:url, else the id."""
    m = json.loads((corpus / base / "manifest.json").read_text())
    docs = m.get("docs") or m.get("pages")
    out = {}
    for d in docs:
        url = d.get("url")
        if not url:
            html = (corpus / base / f"{d['id']}.html").read_text(errors="replace")
            tag = CANON.search(html)
            hit = HREF.search(tag.group(0)) if tag else None
            url = hit.group(1) if hit else None
        out[d["id"]] = site_of(url) if url else f"{base}:{d['id']}"
    return out


def load(export_dir, corpus, sets):
    """[(set, id, site, gold_shingles, blocks)] with each block a dict and its label."""
    pages = []
    for s in sets:
        base = s[:-5] if s.endswith("-text") else s
        site = sites(corpus, base)
        for line in open(Path(export_dir) / f"{s}.jsonl", encoding="utf8"):
            rec = json.loads(line)
            gold = (corpus / s / f"{rec['id']}.gold.txt").read_text(encoding="utf8")
            gtoks = tokenize(gold)
            gsh = shingles_of_tokens(gtoks)
            # each gold shingle (and, for blocks under 4 tokens, each gold token) labels one block
            # at most: a teaser repeating the lead must not count as body twice
            left = Counter(gsh)
            left_tok = Counter(gtoks)
            blocks = []
            for b in rec["blocks"]:
                kind, reason, chars, words, stop, caps, end, links, reps, digits, text = b
                toks = tokenize(text)
                if len(toks) < N and toks:
                    tc = Counter(toks)
                    hit = sum(min(v, left_tok[k]) for k, v in tc.items())
                    inside_frac = hit / len(toks)
                    if inside_frac >= 0.5:
                        left_tok.subtract(tc)
                else:
                    sh = shingles_of_tokens(toks)
                    tot = sum(sh.values())
                    hit = sum(min(v, left[k]) for k, v in sh.items())
                    inside_frac = hit / tot if tot else 0.0
                    if inside_frac >= 0.5:
                        left.subtract(sh)
                        left_tok.subtract(Counter(toks))
                blocks.append(dict(kind=kind, reason=reason, chars=chars, words=words, stop=stop, caps=caps,
                                   end=end, links=links, repeats=reps, digits=digits, text=text,
                                   ntok=len(toks), toks=toks, gold=inside_frac))
            pages.append((s, rec["id"], site[rec["id"]], gsh, blocks))
    return pages


def features(blocks):
    """Per-block feature vectors (lists of floats), from the block's own numbers, the hand decision and
    the decisions around it. Every feature is something the crate has at decision time."""
    n = len(blocks)
    kept = [b["reason"] == "" for b in blocks]
    words = [b["words"] for b in blocks]
    tot_words = sum(words) or 1
    kept_words = sum(w for w, k in zip(words, kept) if k)
    # nearest kept block before / after, in blocks
    before = [math.inf] * n
    last = None
    for i in range(n):
        if last is not None:
            before[i] = i - last
        if kept[i]:
            last = i
    after = [math.inf] * n
    nxt = None
    for i in range(n - 1, -1, -1):
        if nxt is not None:
            after[i] = nxt - i
        if kept[i]:
            nxt = i
    # kept words before / after
    cum = [0]
    for w, k in zip(words, kept):
        cum.append(cum[-1] + (w if k else 0))
    rows = []
    for i, b in enumerate(blocks):
        prev = blocks[i - 1] if i > 0 else None
        nxtb = blocks[i + 1] if i + 1 < n else None
        row = [
            math.log1p(b["chars"]), math.log1p(b["words"]), b["stop"], b["caps"], float(b["end"]), b["links"],
            min(b["repeats"], 5), b["digits"],
            float(kept[i]),
            min(before[i], 20), min(after[i], 20),
            float(before[i] <= 3 and after[i] <= 3),
            math.log1p(cum[i]), math.log1p(kept_words - cum[i + 1]),
            kept_words / tot_words, math.log1p(kept_words), i / n,
            float(prev is not None and prev["reason"] == ""), float(nxtb is not None and nxtb["reason"] == ""),
            math.log1p(prev["words"]) if prev else 0.0, math.log1p(nxtb["words"]) if nxtb else 0.0,
            prev["stop"] if prev else 0.0, nxtb["stop"] if nxtb else 0.0,
        ]
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        others = [j for j in range(lo, hi) if j != i]
        m = len(others) or 1
        row += [
            sum(kept[j] for j in others) / m,
            sum(math.log1p(words[j]) for j in others) / m,
            sum(blocks[j]["stop"] for j in others) / m,
            sum(blocks[j]["links"] for j in others) / m,
            sum(blocks[j]["end"] for j in others) / m,
        ]
        row += [float(b["reason"] == r) for r in REASONS]
        row += [float(b["kind"] == k) for k in KINDS]
        rows.append(row)
    return rows


FEATURE_NAMES = (["log_chars", "log_words", "stop", "caps", "ends_sentence", "links", "repeats", "digits",
                  "kept", "dist_prev_kept", "dist_next_kept", "between_kept", "log_kept_words_before",
                  "log_kept_words_after", "kept_share", "log_kept_words", "position",
                  "prev_kept", "next_kept", "prev_log_words", "next_log_words", "prev_stop", "next_stop",
                  "win_kept", "win_log_words", "win_stop", "win_links", "win_ends_sentence"]
                 + ["reason_" + r for r in REASONS] + ["kind_" + k for k in KINDS])
