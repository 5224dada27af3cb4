#!/usr/bin/env python3
"""Scraped-text variants of a dev set, the way other scrapers flatten a page.

For every ``<id>.html`` in a set folder of ``../shared/corpus-dev`` this writes
three folders beside each other, each holding ``<id>.txt`` (the input) and a
copy of ``<id>.gold.txt``:

* ``<out>/<set>-bs4``: BeautifulSoup's ``get_text("\\n")`` over lxml's parse,
  one text node a line, so a paragraph is split at every link;
* ``<out>/<set>-inscriptis``: inscriptis, which lays tables out in columns;
* ``<out>/<set>-resiliparse``: Resiliparse's ``extract_plain_text`` with
  ``main_content=False`` (the whole page).

The output goes outside the repository: it is derived from dev pages that
may not be committed. Score a folder with
``target/release/deboiler-eval /tmp/variants/<set>-bs4``.

Needs: ``pip install beautifulsoup4 lxml inscriptis resiliparse``.

Usage: ``python3 bench/make_variants.py [--out /tmp/variants] SET_DIR...``
"""

import argparse
import shutil
import sys
from pathlib import Path


def bs4_text(html: str) -> str:
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    # A few dev pages are XHTML with an XML declaration; lxml's HTML parser
    # reads them as the scrapers we imitate do.
    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)

    soup = BeautifulSoup(html, "lxml")
    # What a scraper that follows the BeautifulSoup docs does: drop scripts
    # and styles, then one line per text node.
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    return soup.get_text("\n")


def inscriptis_text(html: str) -> str:
    from inscriptis import get_text

    return get_text(html)


def resiliparse_text(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(html, main_content=False)


SCRAPERS = {
    "bs4": bs4_text,
    "inscriptis": inscriptis_text,
    "resiliparse": resiliparse_text,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="/tmp/variants", type=Path)
    ap.add_argument("--only", choices=sorted(SCRAPERS), action="append")
    ap.add_argument("sets", nargs="+", type=Path)
    args = ap.parse_args()
    names = args.only or sorted(SCRAPERS)
    for set_dir in args.sets:
        pages = sorted(set_dir.glob("*.html"))
        if not pages:
            print(f"{set_dir}: no .html pages", file=sys.stderr)
            return 1
        for name in names:
            out = args.out / f"{set_dir.name}-{name}"
            out.mkdir(parents=True, exist_ok=True)
            failed = 0
            for page in pages:
                gold = page.with_name(page.stem + ".gold.txt")
                if not gold.exists():
                    continue
                html = page.read_bytes().decode("utf-8", errors="replace")
                try:
                    text = SCRAPERS[name](html)
                except Exception as e:  # a scraper's failure skips the page, loudly
                    failed += 1
                    print(f"{page}: {name} failed: {e}", file=sys.stderr)
                    continue
                (out / f"{page.stem}.txt").write_text(text, encoding="utf-8")
                shutil.copyfile(gold, out / f"{page.stem}.gold.txt")
            print(f"{out}: {len(pages) - failed} pages ({failed} failed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
