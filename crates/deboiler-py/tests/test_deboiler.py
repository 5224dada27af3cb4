"""Tests of the deboiler Python package: run with pytest after installing the
wheel (.ci/python.sh does both)."""

import html as htmllib
import itertools
import json
import re
from pathlib import Path

import pytest

import deboiler

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "corpus" / "seeds"
ZYTE = sorted((ROOT / "corpus" / "zyte").glob("*.html"))
LABELS = json.loads((SEEDS / "labels.json").read_text(encoding="utf-8"))

# Non-ASCII in one, two, three and four UTF-8 bytes, so str indices and byte
# offsets differ by different amounts along the text.
NON_ASCII = (
    "Zürich café reopens\n\n"
    "Zürich café reopens\n\n"
    "The café on the Limmat, 東京 style, reopened on Monday 🎉 after a long refit.\n\n"
    "Its owner said the menu — crêpes, ramen and ½ price tea — stays as it was.\n\n"
    "Previous Story\n"
)


def all_blocks(article):
    return sorted(article.blocks + article.removed, key=lambda b: b.start)


# --- the seeds come out exactly ------------------------------------------------


@pytest.mark.parametrize("stem", sorted(p.name[: -len(".gold.txt")] for p in SEEDS.glob("*.gold.txt")))
def test_seed(stem):
    data = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    gold = (SEEDS / f"{stem}.gold.txt").read_text(encoding="utf-8")
    expected = {e["line"]: e["label"] for e in LABELS[f"{stem}.txt"]}
    article = deboiler.clean(data)

    got = {}
    for block in all_blocks(article):
        line = data[: block.start].count("\n") + 1
        got[line] = block.reason or "body"
    assert got == expected
    assert article.body.rstrip() == gold.rstrip()
    title_lines = [n for n, label in expected.items() if label == "title"]
    if title_lines:
        assert article.title == data.splitlines()[title_lines[0] - 1].strip()
    else:
        assert article.title is None


# --- the span contract --------------------------------------------------------


def check_text_spans(data, article):
    for block in all_blocks(article):
        assert data[block.start : block.end] == block.text
        assert [(s.start, s.end, s.text_start, s.text_end) for s in block.spans] == [
            (block.start, block.end, 0, len(block.text))
        ]


@pytest.mark.parametrize("stem", sorted(p.stem for p in SEEDS.glob("*.txt") if ".gold" not in p.name))
def test_text_spans_str_seeds(stem):
    data = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
    check_text_spans(data, deboiler.clean(data))


def test_text_spans_str_non_ascii():
    article = deboiler.clean(NON_ASCII)
    assert article.title == "Zürich café reopens"
    assert [b.reason for b in article.removed] == ["title", "duplicate-title", "navigation"]
    check_text_spans(NON_ASCII, article)
    assert "東京" in article.body and "🎉" in article.body


def test_text_spans_bytes_non_ascii():
    raw = NON_ASCII.encode("utf-8")
    article = deboiler.clean(raw)
    for block in all_blocks(article):
        assert raw[block.start : block.end].decode("utf-8") == block.text
    # The same blocks as from the str, with byte offsets instead of str indices.
    from_str = deboiler.clean(NON_ASCII)
    for b, s in zip(all_blocks(article), all_blocks(from_str)):
        assert b.text == s.text
        assert b.start == len(NON_ASCII[: s.start].encode("utf-8"))
        assert b.end == len(NON_ASCII[: s.end].encode("utf-8"))


def test_bytes_in_another_encoding_are_byte_offsets():
    raw = NON_ASCII.replace("東京 style, ", "").replace(" 🎉", "").encode("utf-16")
    article = deboiler.clean(raw)
    for block in all_blocks(article):
        assert raw[block.start : block.end].decode("utf-16-le") == block.text


def collapse(text):
    # HTML whitespace only: a no-break space is text, not a separator.
    return re.sub(r"[ \t\n\r\f]+", " ", htmllib.unescape(text))


def check_html_spans(source, article):
    """HTML spans: the source range holds no markup, and unescaping it and
    collapsing whitespace gives the block's text range."""
    for block in all_blocks(article):
        for span in block.spans:
            piece = source[span.start : span.end]
            if isinstance(piece, bytes):
                piece = piece.decode("utf-8")
            assert "<" not in piece
            assert collapse(piece) == block.text[span.text_start : span.text_end]


HTML_NON_ASCII = (
    "<html><head><title>Zürich café reopens – The Daily</title></head><body>"
    "<nav><a href='/'>Startseite</a> <a href='/news'>Nachrichten</a></nav>"
    "<article><h1>Zürich café reopens</h1>"
    "<p>The café on the Limmat, 東京 style, reopened on Monday 🎉 after a long refit &amp; a wait.</p>"
    "<p>Its owner said the menu — crêpes, ramen and ½ price tea — stays as it was.</p></article>"
    "<footer>© 2024 The Daily. All rights reserved.</footer></body></html>"
)


def test_html_spans_str_and_bytes_non_ascii():
    article = deboiler.clean(HTML_NON_ASCII)
    assert article.input_kind == "html"
    assert "東京" in article.body
    check_html_spans(HTML_NON_ASCII, article)
    raw = HTML_NON_ASCII.encode("utf-8")
    from_bytes = deboiler.clean(raw)
    check_html_spans(raw, from_bytes)
    for b, s in zip(all_blocks(from_bytes), all_blocks(article)):
        assert b.text == s.text
        assert b.start == len(HTML_NON_ASCII[: s.start].encode("utf-8"))


@pytest.mark.parametrize("path", ZYTE[:20], ids=lambda p: p.name[:12])
def test_html_spans_zyte(path):
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    as_str = deboiler.clean(text)
    check_html_spans(text, as_str)
    as_bytes = deboiler.clean(raw)
    assert as_bytes.to_dict()["body"] == as_str.body
    for b, s in zip(all_blocks(as_bytes), all_blocks(as_str)):
        assert (b.start, b.end) == (len(text[: s.start].encode()), len(text[: s.end].encode()))


# --- reasons, metadata, the dict form ---------------------------------------------


def test_removed_blocks_carry_reasons():
    data = (SEEDS / "004_4066d30c1cf974a5.txt").read_text(encoding="utf-8")
    article = deboiler.clean(data)
    assert article.removed
    assert all(b.reason in deboiler.REASONS for b in article.removed)
    assert all(b.reason is None for b in article.blocks)
    assert {"navigation", "promo", "title"} <= {b.reason for b in article.removed}


def test_metadata_is_present():
    data = (SEEDS / "004_4066d30c1cf974a5.txt").read_text(encoding="utf-8")
    article = deboiler.clean(data)
    labels = {e["label"]: e["line"] for e in LABELS["004_4066d30c1cf974a5.txt"]}
    lines = data.splitlines()
    meta = article.metadata
    assert set(meta) == {"date", "byline", "standfirst", "reading_time", "source_line"}
    assert meta["date"] == lines[labels["date"] - 1].strip()
    assert meta["reading_time"] == lines[labels["reading-time"] - 1].strip()
    assert meta["standfirst"] == lines[labels["standfirst"] - 1].strip()
    assert meta["byline"] is None


def test_to_dict_matches_attributes():
    article = deboiler.clean(NON_ASCII)
    d = article.to_dict()
    assert d["title"] == article.title and d["body"] == article.body
    assert d["metadata"] == article.metadata
    assert d["blocks"] == [b.to_dict() for b in article.blocks]
    assert [b["reason"] for b in d["removed"]] == [b.reason for b in article.removed]
    assert json.loads(json.dumps(d)) == d


def test_article_pickles():
    import pickle

    for data in (NON_ASCII, HTML_NON_ASCII.encode(), ZYTE[0].read_bytes()):
        article = deboiler.clean(data)
        back = pickle.loads(pickle.dumps(article))
        assert isinstance(back, deboiler.Article)
        assert back.to_dict() == article.to_dict()
        assert repr(back) == repr(article)
        assert [s.text_end for b in back.blocks for s in b.spans] == [
            s.text_end for b in article.blocks for s in b.spans
        ]


def test_keep_and_drop():
    data = "March 12, 2022\n\nPrevious Story\n\nBody text, a full sentence of it.\n"
    assert deboiler.clean(data).metadata["date"] == "March 12, 2022"
    dropped = deboiler.Cleaner(drop=["date"]).clean(data)
    assert dropped.metadata["date"] is None
    assert [b.reason for b in dropped.removed] == ["date", "navigation"]
    kept = deboiler.Cleaner(keep=["navigation"]).clean(data)
    assert "Previous Story" in kept.body


def test_policy():
    data = "March 12, 2022\n\nPrevious Story\n\nBody text, a full sentence of it.\n"
    hidden = deboiler.Cleaner(policy={"date": "hide"}).clean(data)
    assert hidden.metadata["date"] is None
    assert [b.reason for b in hidden.removed] == ["date", "navigation"]
    kept = deboiler.Cleaner(policy={"navigation": "keep", "date": "report"}).clean(data)
    assert "Previous Story" in kept.body
    assert kept.metadata["date"] == "March 12, 2022"
    # policy wins over keep for the reason it names
    back = deboiler.Cleaner(keep=["navigation"], policy={"navigation": "report"}).clean(data)
    assert "Previous Story" not in back.body


def test_attribute_and_line_limits():
    with pytest.raises(deboiler.LimitError, match="attributes"):
        deboiler.Cleaner(max_attributes=2).clean("<p a b c>text</p>", kind="html")
    with pytest.raises(deboiler.LimitError, match="lines"):
        deboiler.Cleaner(max_lines=2).clean("one line\ntwo lines\nthree lines\n", kind="text")
    assert deboiler.Cleaner(max_lines=3).clean("one line\ntwo lines\nthree lines\n", kind="text")


def test_learned_option():
    page = (ROOT / "corpus" / "zyte-text" / "abd9d6291b6bfae0c3ffad8ab7623b482c6da46face0271dc42af6324d8f0ce5.txt").read_text()
    line = "A group of physicians, alarmed that the Trump administration is denying flu vaccines to immigrants in custody, is urging the Department of Homeland Security to accept its offer to provide free flu shots to California detainees."
    assert line in deboiler.Cleaner().clean(page, kind="text").body
    hand = deboiler.Cleaner(learned=False).clean(page, kind="text")
    assert line not in hand.body
    assert any(b.text == line and b.reason in ("boilerplate", "related-stories") for b in hand.removed)


def test_forced_kind():
    page = "<p>The body of the story, one full sentence.</p>"
    assert deboiler.clean(page).input_kind == "html"
    assert deboiler.clean(page, kind="text").input_kind == "text"
    assert deboiler.clean(page.encode(), kind="text").input_kind == "text"
    assert deboiler.clean("Just text, a sentence.", kind="html").input_kind == "html"
    assert deboiler.clean(b"Just text, a sentence.", kind="html").input_kind == "html"


def test_charset_applies_to_bytes():
    raw = "Le café a rouvert lundi, après de longs travaux.".encode("latin-1")
    assert "café" in deboiler.clean(raw, charset="latin-1").body


# --- clean_many ------------------------------------------------------------------


def test_clean_many_equals_one_by_one_in_order():
    pages = [p.read_bytes() for p in ZYTE]
    cleaner = deboiler.Cleaner()
    one_by_one = [cleaner.clean(p).to_dict() for p in pages]
    many = [a.to_dict() for a in cleaner.clean_many(pages, threads=2)]
    assert len(many) == len(pages) == 181
    assert many == one_by_one


def test_clean_many_str_and_generator():
    texts = [p.read_text(encoding="utf-8") for p in ZYTE[:30]]
    got = [a.to_dict() for a in deboiler.Cleaner().clean_many((t for t in texts), threads=2)]
    assert got == [deboiler.clean(t).to_dict() for t in texts]


def test_clean_many_reads_a_bounded_window():
    pulled = []

    def endless():
        for i in itertools.count():
            pulled.append(i)
            yield f"Story number {i}, a sentence of body text."

    it = deboiler.Cleaner().clean_many(endless(), threads=2)
    first = list(itertools.islice(it, 3))
    assert [a.body for a in first] == [f"Story number {i}, a sentence of body text." for i in range(3)]
    assert len(pulled) <= 64


def test_clean_many_errors_in_place():
    items = ["Body text, one sentence.", b"\x89PNG\r\n\x1a\n\0\0\0", 42, "Another body, a sentence."]
    got = list(deboiler.Cleaner().clean_many(items, threads=2, errors="return"))
    assert isinstance(got[0], deboiler.Article)
    assert isinstance(got[1], deboiler.DecodingError)
    assert isinstance(got[2], TypeError)
    assert got[3].body == "Another body, a sentence."

    it = deboiler.Cleaner().clean_many(items, threads=2)
    assert next(it).body == "Body text, one sentence."
    with pytest.raises(deboiler.DecodingError):
        next(it)
    with pytest.raises(TypeError):
        next(it)
    assert next(it).body == "Another body, a sentence."
    with pytest.raises(StopIteration):
        next(it)


def test_clean_many_dropped_halfway():
    """Pages still in flight when the iterator goes away finish on their own;
    nothing leaks into the next iterator or crashes."""
    import gc

    pages = [p.read_bytes() for p in ZYTE[:40]]
    it = deboiler.Cleaner().clean_many(pages, threads=2)
    assert next(it).body == deboiler.clean(pages[0]).body
    del it
    gc.collect()
    again = deboiler.Cleaner().clean_many(pages[:5], threads=2)
    assert [a.body for a in again] == [deboiler.clean(p).body for p in pages[:5]]


def test_clean_many_reraises_the_iterables_error_after_its_pages():
    def failing():
        yield "Body text, one sentence."
        raise RuntimeError("source broke")

    it = deboiler.Cleaner().clean_many(failing(), threads=1)
    assert next(it).body == "Body text, one sentence."
    with pytest.raises(RuntimeError, match="source broke"):
        next(it)


# --- bad input raises ------------------------------------------------------------


def test_binary_bytes_raise():
    with pytest.raises(deboiler.DecodingError, match="binary"):
        deboiler.clean(b"\x89PNG\r\n\x1a\n\0\0\0IHDR")
    assert issubclass(deboiler.DecodingError, deboiler.DeboilerError)


def test_over_limit_raises():
    with pytest.raises(deboiler.LimitError, match="over the limit of 4 bytes"):
        deboiler.Cleaner(max_input_bytes=4).clean("too long")
    with pytest.raises(deboiler.LimitError, match="deep"):
        deboiler.Cleaner(max_depth=3).clean("<div>" * 10 + "text")
    assert issubclass(deboiler.LimitError, deboiler.DeboilerError)


def test_bad_kind_raises():
    with pytest.raises(ValueError, match="kind must be"):
        deboiler.clean("text", kind="pdf")


def test_bad_options_raise():
    with pytest.raises(TypeError):
        deboiler.Cleaner(max_pages=3)
    with pytest.raises(ValueError, match='unknown reason "adverts"'):
        deboiler.Cleaner(drop=["adverts"])
    with pytest.raises(TypeError):
        deboiler.Cleaner(keep="navigation")
    with pytest.raises(ValueError, match="max_depth must be an int from 0"):
        deboiler.Cleaner(max_depth=-1)
    with pytest.raises(ValueError, match="max_input_bytes"):
        deboiler.Cleaner(max_input_bytes=2**70)
    with pytest.raises(TypeError, match="max_nodes must be an int, not str"):
        deboiler.Cleaner(max_nodes="10")
    with pytest.raises(ValueError, match="max_depth"):
        deboiler.Cleaner(max_depth=0)
    with pytest.raises(ValueError, match='"sometimes" for "date" is not one of'):
        deboiler.Cleaner(policy={"date": "sometimes"})
    with pytest.raises(ValueError, match='unknown reason "adverts"'):
        deboiler.Cleaner(policy={"adverts": "hide"})
    with pytest.raises(ValueError, match="threads"):
        deboiler.Cleaner().clean_many([], threads=0)
    with pytest.raises(ValueError, match="errors"):
        deboiler.Cleaner().clean_many([], errors="ignore")


def test_bad_data_raises():
    with pytest.raises(TypeError, match="str or bytes"):
        deboiler.clean(42)
    with pytest.raises(ValueError, match="charset"):
        deboiler.clean("text", charset="utf-8")
    with pytest.raises(deboiler.DecodingError, match="UTF-8"):
        deboiler.clean("<p>Le café a rouvert, une phrase.</p>".encode("latin-1"), kind="text")


def test_help_and_docstrings():
    assert "offsets" in deboiler.__doc__
    for obj in (deboiler.clean, deboiler.Cleaner, deboiler.Cleaner.clean_many, deboiler.Article, deboiler.Block):
        assert obj.__doc__
    assert "str indices" in deboiler.Cleaner.clean.__doc__


def test_readme_python_example(capsys):
    """The README's Python example runs, so it cannot drift from the package."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"^## Python\n.*?```python\n(.*?)```", readme, re.S | re.M).group(1)
    exec(compile(example, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "navigation Previous Story" in out
    assert "skipped: input looks like binary data (PNG signature) at offset 0" in out
