#!/usr/bin/env python3
"""Inclusive and self shares per function from `perf script -F ip,sym`
output (a `perf record --call-graph dwarf` profile; inlined frames count as
functions of their own, which is what one wants for Rust's heavy inlining).

    perf script -i perf.data -F ip,sym | python3 bench/fold_perf.py ROOT [N] [ONLY]

Only samples whose call chain passes through a function whose name contains
ROOT (say `Cleaner::clean_bytes`) count; shares are of those samples. A
function is counted once per sample however often it recurs in the chain.
Prints the N (default 40) functions with the largest inclusive share whose
name matches the regex ONLY (default: any), then the N largest self shares,
self being the innermost function that was not inlined (perf's own "self").
"""
import re
import sys
from collections import Counter

root = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 40
only = re.compile(sys.argv[3] if len(sys.argv) > 3 else "")


def clean(sym):
    sym = sym.replace(" (inlined)", "")
    sym = re.sub(r"::h[0-9a-f]{16}$", "", sym)
    return sym


samples = 0
incl = Counter()
leaf = Counter()
chain = []


def flush():
    global samples
    if not chain or not any(root in f for f, _ in chain):
        return
    samples += 1
    for f, _ in set(chain):
        incl[f] += 1
    leaf[next((f for f, inl in chain if not inl), chain[0][0])] += 1


for line in sys.stdin:
    line = line.rstrip("\n")
    if not line.strip():
        flush()
        chain = []
        continue
    parts = line.strip().split(None, 1)
    if len(parts) == 2:
        chain.append((clean(parts[1]), parts[1].endswith("(inlined)")))
flush()

print(f"{samples} samples under {root}")
print("| function | inclusive |")
print("|---|---:|")
for f, c in [(f, c) for f, c in incl.most_common() if only.search(f)][:n]:
    print(f"| `{f}` | {c / samples:.1%} |")
print()
print("| function (self) | self |")
print("|---|---:|")
for f, c in leaf.most_common(n):
    print(f"| `{f}` | {c / samples:.1%} |")
