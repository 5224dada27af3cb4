#!/usr/bin/env python3
"""Where the bytes of an HTML corpus go, for bench/PROFILE.md: the share of
all bytes held by the parts issue 13 proposes to keep from html5ever.

    python3 bench/composition.py [DIR]      # default corpus/zyte
    python3 bench/composition.py DIR --variants OUT

With --variants, it also writes copies of every page to OUT/<variant>/ for
bench/parse_savings.sh, which times scraper's parse on each: `base` (script
and style contents removed, what deboiler's parser sees today), then `base`
less comments, less <svg> bodies, with attribute values of 200 bytes or more
emptied, all three together; `walk-attrs`, every attribute the walk does not
read dropped (and `href` values emptied), and that with the first three.

A regex approximation of the tokenizer (good enough for an estimate, not a
parser): script and style contents (already stripped before the parse),
comments, inline <svg> and <math> bodies, <template> contents, attribute
values of 200 bytes or more (split into those that look like JSON and the
rest), and <noscript> contents. Overlaps (an SVG inside a comment) are
counted once, in the order listed.
"""
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
args = [a for a in sys.argv[1:] if a != "--variants"]
variants_out = None
if "--variants" in sys.argv:
    variants_out = Path(sys.argv[sys.argv.index("--variants") + 1])
    args.remove(str(variants_out))
folder = Path(args[0]) if args else root / "corpus" / "zyte"

PARTS = [
    ("script/style contents (stripped today)", re.compile(rb"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.S | re.I), 2),
    ("comments", re.compile(rb"<!--.*?-->", re.S), 0),
    ("<svg> bodies", re.compile(rb"<svg\b[^>]*>(.*?)</svg\s*>", re.S | re.I), 1),
    ("<math> bodies", re.compile(rb"<math\b[^>]*>(.*?)</math\s*>", re.S | re.I), 1),
    ("<template> contents", re.compile(rb"<template\b[^>]*>(.*?)</template\s*>", re.S | re.I), 1),
    ("<noscript> contents", re.compile(rb"<noscript\b[^>]*>(.*?)</noscript\s*>", re.S | re.I), 1),
]
ATTR = re.compile(rb"""\s[\w:-]+\s*=\s*("([^"]{200,})"|'([^']{200,})')""")
TAG = re.compile(rb"<[a-zA-Z][^<>]*>", re.S)

total = 0
sizes = {name: 0 for name, _, _ in PARTS}
pages_with = {name: 0 for name, _, _ in PARTS}
attr_json = attr_other = 0
attr_pages = 0
tag_bytes = 0
for path in sorted(folder.glob("*.html")):
    b = path.read_bytes()
    total += len(b)
    mask = bytearray(len(b))
    for name, rx, group in PARTS:
        n = 0
        for m in rx.finditer(b):
            s, e = m.span(group)
            if any(mask[s:e]):
                continue
            n += e - s
            mask[s:e] = b"\x01" * (e - s)
        sizes[name] += n
        pages_with[name] += n > 0
    seen = False
    for t in TAG.finditer(b):
        s, e = t.span()
        if mask[s]:
            continue
        tag_bytes += e - s
        for m in ATTR.finditer(b, s, e):
            v = m.group(2) or m.group(3)
            seen = True
            if v.lstrip()[:1] in (b"{", b"[") or v.lstrip().startswith((b"&quot;", b"&#123;", b"{&quot;")):
                attr_json += len(v)
            else:
                attr_other += len(v)
    attr_pages += seen

print(f"{folder}: {total / 1e6:.2f} MB")
print("| part | MB | share of bytes | pages with it |")
print("|---|---:|---:|---:|")
for name, _, _ in PARTS:
    print(f"| {name} | {sizes[name] / 1e6:.2f} | {sizes[name] / total:.1%} | {pages_with[name]} |")
print(f"| attribute values ≥ 200 bytes, JSON-like | {attr_json / 1e6:.2f} | {attr_json / total:.1%} | |")
print(f"| attribute values ≥ 200 bytes, other | {attr_other / 1e6:.2f} | {attr_other / total:.1%} | {attr_pages} (either) |")
print(f"| all start tags outside the parts above | {tag_bytes / 1e6:.2f} | {tag_bytes / total:.1%} | |")

# How often the values words::bits scans repeat within a page: what a
# per-page memo of their bits would save.
WALK_WORDS = re.compile(rb"""\s(class|id|role|itemprop|aria-label)\s*=\s*("([^"]*)"|'([^']*)')""", re.I)
n = rep = nbytes = repbytes = 0
for path in sorted(folder.glob("*.html")):
    b = PARTS[0][1].sub(b"", path.read_bytes())
    seen = set()
    for m in WALK_WORDS.finditer(b):
        v = m.group(3) if m.group(3) is not None else m.group(4)
        n += 1
        nbytes += len(v)
        if v in seen:
            rep += 1
            repbytes += len(v)
        seen.add(v)
print(f"class/id/role/itemprop/aria-label values outside scripts: {n} ({nbytes / 1e6:.2f} MB); "
      f"repeating a value seen earlier on the page: {rep / n:.1%} ({repbytes / nbytes:.1%} of the bytes)")


if variants_out is not None:
    SCRIPT = PARTS[0][1]
    COMMENT = PARTS[1][1]
    SVG = PARTS[2][1]
    LONG = re.compile(rb"""(\s[\w:-]+\s*=\s*)("[^"<>]{200,}"|'[^'<>]{200,}')""")

    def base(b):
        return SCRIPT.sub(lambda m: m.group(0)[: m.start(2) - m.start(0)] + m.group(0)[m.end(2) - m.start(0):], b)

    def no_comments(b):
        return COMMENT.sub(b"", b)

    def no_svg(b):
        return SVG.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + m.group(0)[m.end(1) - m.start(0):], b)

    def short_attrs(b):
        # Only inside tags: a long quoted value in text is left alone.
        return TAG.sub(lambda t: LONG.sub(lambda m: m.group(1) + b'""', t.group(0)), b)

    # The attributes the walk reads (src/segment/html/mod.rs), plus those the
    # tree builder itself looks at; `href` only for its presence.
    KEEP = {b"class", b"id", b"role", b"itemprop", b"aria-label", b"hidden", b"aria-hidden",
            b"style", b"href", b"type", b"encoding", b"color", b"face", b"size"}
    ATTRS = re.compile(rb"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
    OPEN = re.compile(rb"<([a-zA-Z][^\s/>]*)([^<>]*)>", re.S)

    def walk_attrs(b):
        def tag(m):
            kept = []
            for a in ATTRS.finditer(m.group(2)):
                name = a.group(1).lower()
                if name in KEEP:
                    value = b'""' if name == b"href" else (a.group(2) or b"")
                    kept.append(name + (b"=" + value if a.group(2) else b""))
            end = b" /" if m.group(2).rstrip().endswith(b"/") else b""
            return b"<" + m.group(1) + b"".join(b" " + k for k in kept) + end + b">"
        return OPEN.sub(tag, b)

    variants = {
        "base": lambda b: base(b),
        "no-comments": lambda b: no_comments(base(b)),
        "no-svg": lambda b: no_svg(base(b)),
        "short-attrs": lambda b: short_attrs(base(b)),
        "all-three": lambda b: short_attrs(no_svg(no_comments(base(b)))),
        "walk-attrs": lambda b: walk_attrs(base(b)),
        "all-three+walk-attrs": lambda b: walk_attrs(no_svg(no_comments(base(b)))),
    }
    for name, f in variants.items():
        out = variants_out / name
        out.mkdir(parents=True, exist_ok=True)
        size = 0
        for path in sorted(folder.glob("*.html")):
            v = f(path.read_bytes())
            v.decode("utf-8")
            size += len(v)
            (out / path.name).write_bytes(v)
        print(f"variant {name}: {size / 1e6:.2f} MB")
