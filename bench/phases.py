#!/usr/bin/env python3
"""Time per phase of deboiler from `perf script -F ip,sym` output of a
`perf record --call-graph dwarf` profile (bench/PROFILE.md says how).

    perf script -i perf.data -F ip,sym | python3 bench/phases.py html|text

Each sample under `Cleaner::clean_bytes` (html) or `Cleaner::clean_text`
(text) goes to the first phase of the list below that any frame of its call
chain names (inlined frames included), so the order of the list is the
priority; samples under `drop_in_place<deboiler::article::Article>`
go to "drop the Article". Allocator time is split out within each phase.
"""
import sys
from collections import Counter

HTML = [
    ("decode (charset prescan, UTF-8 check, controls)", "deboiler::decode::"),
    ("depth guard pre-scan", "deboiler::guard::"),
    ("raw-text strip (copy without script/style)", "deboiler::segment::html::strip::"),
    ("drop of the parsed tree", "drop_in_place<scraper::html::Html>"),
    ("html5ever parse: tree builder", "as html5ever::tokenizer::interface::TokenSink>::process_token"),
    ("html5ever parse: tokenizer", "scraper::html::Html::parse_document"),
    ("source map: scan of the source", "deboiler::segment::html::sourcemap::scan"),
    ("source map: mapping text to source (Mapper, SpanBuilder)", ("sourcemap::Mapper", "sourcemap::SpanBuilder")),
    ("source map: other", "deboiler::segment::html::sourcemap::"),
    ("walk: class/id word bits (aho-corasick)", "deboiler::segment::html::words::"),
    ("walk: metadata (meta, JSON-LD)", "deboiler::segment::html::meta::"),
    ("walk: container choice", "deboiler::segment::html::content::"),
    ("walk: the rest of segment()", "deboiler::segment::html::"),
    ("features: fingerprint (fold + hash)", "deboiler::textutil::fingerprint"),
    ("features: word split, stop words, character counts", "deboiler::features::"),
    ("classify (patterns, rules)", "deboiler::classify::"),
    ("assemble", "deboiler::assemble::"),
    ("drop of the Article", "drop_in_place<deboiler::article::Article>"),
]
TEXT = [
    ("segment (lines, kind)", "deboiler::segment::text::"),
    ("features: fingerprint (fold + hash)", "deboiler::textutil::fingerprint"),
    ("word split (FastWords/unicode_words, in features or classify)", ("deboiler::textutil::uax29_words", "deboiler::textutil::FastWords", "UnicodeWords")),
    ("per-character classes (digits, CJK)", ("deboiler::textutil::is_cjk", "unicode_data::n::")),
    ("features: stop words", "deboiler::lexicon::is_stop_word"),
    ("features: the rest of measure (loop, repeats)", "deboiler::features::"),
    ("classify: Line::new (lowercase, squash, word count, marks)", "deboiler::classify::patterns::Line::new"),
    ("classify: the line patterns on the lowered line", "deboiler::classify::patterns::"),
    ("classify: title keys", "deboiler::classify::text::TitleKeys"),
    ("classify: the rest (context rules)", "deboiler::classify::"),
    ("assemble", "deboiler::assemble::"),
    ("drop of the Article", "drop_in_place<deboiler::article::Article>"),
]
ALLOC = ("malloc", "free", "realloc", "_int_", "tcache", "unlink_chunk", "malloc_consolidate", "cfree")

mode = sys.argv[1]
phases, root = (HTML, "Cleaner::clean_bytes") if mode == "html" else (TEXT, "Cleaner::clean_text")
counts = Counter()
alloc = Counter()
total = 0
chain = []


def flush():
    global total
    if not chain:
        return
    top = any(root in f for f in chain) or any("drop_in_place<deboiler::article::Article>" in f for f in chain)
    if not top:
        return
    total += 1
    phase = "other (clean_bytes/clean_text glue, span mapping)"
    for name, keys in phases:
        keys = (keys,) if isinstance(keys, str) else keys
        if any(k in f for f in chain for k in keys):
            phase = name
            break
    counts[phase] += 1
    if any(chain[0].startswith(a) or a in chain[0] for a in ALLOC):
        alloc[phase] += 1


for line in sys.stdin:
    line = line.strip()
    if not line:
        flush()
        chain = []
        continue
    p = line.split(None, 1)
    if len(p) == 2:
        chain.append(p[1].replace(" (inlined)", ""))
flush()

print(f"{total} samples")
print("| phase | share of time | of which allocator |")
print("|---|---:|---:|")
for name, c in counts.most_common():
    print(f"| {name} | {c / total:.1%} | {alloc[name] / total:.1%} |")
