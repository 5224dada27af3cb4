#!/usr/bin/env python3
"""Run one peer extractor over a corpus folder, timing only the extraction.

    python3 bench/run_peers.py --tool trafilatura --corpus corpus/zyte --out PRED

writes PRED/<tool>/<id>.txt for every `<id>.gold.txt` of the folder, and
PRED/<tool>/_meta.json (version, call, seconds, docs/s, MB/s, errors) in the
layout bench/score.py reads. Every input is read into memory first; the clock
runs around the extractor call alone (for readability-lxml that includes
turning its HTML summary into text, which is part of getting a body). The
clock is the process's CPU time (`time.process_time`), as deboiler-eval's is
its thread's: on a shared machine wall time mostly measures the neighbours.
Wall time is kept in _meta.json as `wall_seconds`.

Inputs are `<id>.html`, or `<id>.txt` (scraped text, one block a line): the
peers take HTML only, so each line of a text input becomes one `<p>`, as in
the field table of corpus/README.md.

A page that raises, or takes longer than --timeout seconds, counts as an
empty output and is listed under `errors` in _meta.json.
"""
import argparse
import html
import json
import signal
import sys
import time
from importlib import metadata
from pathlib import Path

TOOLS = ["trafilatura", "readability", "justext", "justext_all", "resiliparse", "boilerpy3", "html_text"]


def make_extractor(tool):
    """(function html_str -> text, version, description of the call)."""
    if tool == "trafilatura":
        import trafilatura

        def f(doc):
            return trafilatura.extract(doc, include_comments=False) or ""
        return f, metadata.version("trafilatura"), "trafilatura.extract(html, include_comments=False)"
    if tool == "readability":
        import html_text
        from readability import Document

        def f(doc):
            return html_text.extract_text(Document(doc).summary(html_partial=True))
        return (f, metadata.version("readability-lxml"),
                "html_text.extract_text(readability.Document(html).summary(html_partial=True))")
    if tool in ("justext", "justext_all"):
        import justext
        # jusText needs one language's stop words. `justext` uses English for
        # every page, as the field table does; the corpus mixes eight
        # languages and most pages do not declare theirs, so `justext_all`
        # uses the union of all its stop lists, the usual
        # language-independent setting.
        if tool == "justext":
            stop, which = justext.get_stoplist("English"), "English stoplist"
        else:
            stop = frozenset().union(*(justext.get_stoplist(lang) for lang in justext.get_stoplists()))
            which = "union of all stoplists"

        def f(doc):
            paras = justext.justext(doc.encode("utf-8"), stop, encoding="utf-8")
            return "\n".join(p.text for p in paras if not p.is_boilerplate)
        return f, metadata.version("jusText"), f"justext.justext(html, {which}), non-boilerplate paragraphs"
    if tool == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text

        def f(doc):
            return extract_plain_text(doc, main_content=True)
        return f, metadata.version("resiliparse"), "extract_plain_text(html, main_content=True)"
    if tool == "boilerpy3":
        from boilerpy3 import extractors
        ex = extractors.ArticleExtractor(raise_on_failure=False)

        def f(doc):
            return ex.get_content(doc) or ""
        return f, metadata.version("boilerpy3"), "ArticleExtractor(raise_on_failure=False).get_content(html)"
    if tool == "html_text":
        import html_text

        def f(doc):
            return html_text.extract_text(doc)
        return f, metadata.version("html-text"), "html_text.extract_text(html) (keeps everything)"
    sys.exit(f"unknown tool {tool!r}; known: {', '.join(TOOLS)}")


def text_as_html(text):
    """Scraped text, one block a line, as the HTML the peers take."""
    paras = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><head></head><body>\n{paras}</body></html>"


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def load(corpus):
    docs = []
    for gold in sorted(corpus.glob("*.gold.txt")):
        pid = gold.name[: -len(".gold.txt")]
        h, t = corpus / f"{pid}.html", corpus / f"{pid}.txt"
        if h.exists():
            raw = h.read_bytes()
            docs.append((pid, raw.decode("utf-8", errors="replace"), len(raw)))
        elif t.exists():
            raw = t.read_bytes()
            docs.append((pid, text_as_html(raw.decode("utf-8", errors="replace")), len(raw)))
    if not docs:
        sys.exit(f"no *.gold.txt with an input in {corpus}")
    return docs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tool", required=True, choices=TOOLS)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True, help="PRED root; writes OUT/<tool>/")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per page")
    args = ap.parse_args()

    extract, version, call = make_extractor(args.tool)
    docs = load(args.corpus)
    out = args.out / args.tool
    out.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGALRM, _alarm)
    # One untimed call first, so lazy imports and caches are not billed to
    # the first page.
    try:
        extract(docs[0][1])
    except Exception:
        pass
    seconds, wall, errors, timeouts = 0.0, 0.0, {}, []
    for pid, doc, _ in docs:
        signal.setitimer(signal.ITIMER_REAL, args.timeout)
        c0, t0 = time.process_time(), time.perf_counter()
        try:
            text = extract(doc)
        except Timeout:
            text = ""
            timeouts.append(pid)
            errors[pid] = f"timeout after {args.timeout} s"
        except Exception as e:  # a peer failing on a page is a result, not a crash
            text = ""
            errors[pid] = f"{type(e).__name__}: {e}"[:300]
        finally:
            seconds += time.process_time() - c0
            wall += time.perf_counter() - t0
            signal.setitimer(signal.ITIMER_REAL, 0)
        (out / f"{pid}.txt").write_text(text or "", encoding="utf-8")
    nbytes = sum(n for _, _, n in docs)
    meta = {
        "tool": args.tool, "lang": "Python", "version": version, "call": call,
        "docs": len(docs), "seconds": seconds, "clock": "CPU", "wall_seconds": wall,
        "docs_per_s": len(docs) / seconds, "mb_per_s": nbytes / 1e6 / seconds,
        "errors": errors, "timeouts": timeouts,
    }
    (out / "_meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print(f"{args.tool} {version}: {len(docs)} pages in {seconds:.2f} s of CPU, {wall:.2f} s wall "
          f"({len(docs) / seconds:.1f} pages/s by CPU time), {len(errors)} errors", file=sys.stderr)


if __name__ == "__main__":
    main()
