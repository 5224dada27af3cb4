"""Runs the Spark job in local mode (local[2]) on small WARC and JSON Lines
files built from corpus pages, and checks every row against the package."""

import json
import os
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import deboiler  # noqa: E402
import deboiler_spark  # noqa: E402
from make_warc import make_warc  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PAGES = [(p.stem[:16], p.read_bytes()) for p in sorted((ROOT / "corpus" / "zyte").glob("*.html"))[:12]]


@pytest.fixture(scope="module")
def spark():
    # The workers must run this interpreter, the one the wheel is installed in.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("deboiler-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def rows_by_url(spark, output):
    return {row["url"]: row.asDict() for row in spark.read.parquet(str(output)).collect()}


def test_warc_job(spark, tmp_path):
    # Two files, so both local cores get a task, as with Common Crawl's many files.
    first = make_warc(PAGES[:6], tmp_path / "a.warc.gz")
    second = make_warc(PAGES[6:], tmp_path / "b.warc.gz", extra_records=False)
    listing = tmp_path / "warc.paths"
    listing.write_text("a.warc.gz\nb.warc.gz\n")
    out = tmp_path / "out"
    count, _ = deboiler_spark.run(spark, [str(listing)], str(out), prefix=f"{tmp_path}/")
    assert count == first + second == len(PAGES)

    rows = rows_by_url(spark, out)
    assert set(rows) == {f"https://news.example/0/{name}" for name, _ in PAGES}
    for name, html in PAGES:
        row = rows[f"https://news.example/0/{name}"]
        article = deboiler.clean(html, charset="utf-8")
        assert row["error"] is None
        assert row["title"] == article.title
        assert row["body"] == article.body and row["body"]
        assert row["removed"] == dict(Counter(b.reason for b in article.removed))
        assert row["metadata"] == {k: v for k, v in article.metadata.items() if v is not None}


def test_jsonl_job_reports_bad_records(spark, tmp_path):
    path = tmp_path / "pages.jsonl"
    lines = [json.dumps({"url": f"https://news.example/{name}", "html": html.decode()}) for name, html in PAGES[:3]]
    lines.append(json.dumps({"url": "https://news.example/text", "text": "Go to Top\nThe body, one sentence."}))
    lines.append("{not json")
    path.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    count, _ = deboiler_spark.run(spark, [str(path), str(tmp_path / "missing.jsonl")], str(out), fmt="jsonl")
    assert count == 6

    rows = rows_by_url(spark, out)
    assert rows["https://news.example/text"]["body"] == "The body, one sentence."
    assert rows["https://news.example/text"]["removed"] == {"navigation": 1}
    assert "not a JSON object" in rows[f"{path}:5"]["error"]
    missing = str(tmp_path / "missing.jsonl")
    assert rows[missing]["error"].startswith(f"cannot read {missing}")
    for name, html in PAGES[:3]:
        assert rows[f"https://news.example/{name}"]["body"] == deboiler.clean(html.decode()).body
