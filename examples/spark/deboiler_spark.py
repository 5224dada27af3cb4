"""Clean news pages at scale with PySpark: WARC files (Common Crawl's layout)
or JSON Lines in, Parquet out.

    spark-submit examples/spark/deboiler_spark.py \\
        --input warc.paths.gz --prefix https://data.commoncrawl.org/ \\
        --output s3a://bucket/cleaned/ --partitions 400

--input takes WARC or JSON Lines files (local paths or http(s) URLs), or a
listing of them with one path per line, as Common Crawl's warc.paths.gz is
(a listing is any input ending in .paths or .paths.gz). --prefix is put in
front of every listed path. Each file is one task: the task streams it and
cleans every HTML response in it with one deboiler.Cleaner, built once per
partition.

JSON Lines records are objects with "url" and "html" (or "text") fields.

The Parquet rows are: url, title, body, metadata (map of field to text),
removed (map of reason to the number of blocks removed for it), and error
(null, or why the page could not be cleaned: a page that fails is a row
with its error, never a silent gap).

--extractor trafilatura or resiliparse runs the same job with that library
instead, for comparison (metadata and removed are then empty).
"""

import argparse
import gzip
import io
import json
import os
import sys
import time
import urllib.request
from collections import Counter

HTML_TYPES = ("text/html", "application/xhtml+xml")


def open_stream(path):
    """A binary stream of `path`: a local file or an http(s) URL, gunzipped
    when the name ends in .gz and it is not a WARC (warcio reads .warc.gz
    itself, record by record)."""
    if path.startswith(("http://", "https://")):
        raw = urllib.request.urlopen(path, timeout=300)  # noqa: S310 (the user's own URL)
    else:
        raw = open(path.removeprefix("file://"), "rb")
    if path.endswith(".gz") and ".warc" not in path:
        return gzip.GzipFile(fileobj=raw)
    return raw


def expand_inputs(inputs, prefix):
    """Input files, with every listing (.paths, .paths.gz) replaced by the
    paths it lists, each with `prefix` in front."""
    paths = []
    for item in inputs:
        if item.endswith((".paths", ".paths.gz")):
            with open_stream(item) as stream:
                for line in io.TextIOWrapper(stream, encoding="utf-8"):
                    if line.strip():
                        paths.append(prefix + line.strip())
        else:
            paths.append(prefix + item if prefix and "://" not in item else item)
    return paths


def charset_of(content_type):
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def warc_pages(path):
    """(url, payload bytes, declared charset or None) for every HTML response
    record of one WARC file."""
    from warcio.archiveiterator import ArchiveIterator

    with open_stream(path) as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if not content_type.lower().startswith(HTML_TYPES):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            yield url, record.content_stream().read(), charset_of(content_type)


def jsonl_pages(path):
    """(url, str or None, None) for every record of one JSON Lines file; a
    line that is not a JSON object with "html" or "text" gives a None page
    and is reported as an error row."""
    with open_stream(path) as stream:
        for number, line in enumerate(io.TextIOWrapper(stream, encoding="utf-8"), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                page = record.get("html", record.get("text"))
                url = record.get("url")
            except (ValueError, AttributeError):
                page, url = None, None
            if not isinstance(page, str):
                yield url or f"{path}:{number}", None, None
            else:
                yield url, page, None


def deboiler_extractor():
    import deboiler

    cleaner = deboiler.Cleaner()

    def extract(page, charset):
        article = cleaner.clean(page, charset=charset if isinstance(page, bytes) else None)
        removed = Counter(block.reason for block in article.removed)
        metadata = {k: v for k, v in article.metadata.items() if v is not None}
        return article.title, article.body, metadata, dict(removed)

    return extract


def trafilatura_extractor():
    import trafilatura

    def extract(page, charset):
        document = trafilatura.bare_extraction(page, with_metadata=True)
        if document is None:
            return None, "", {}, {}
        return document.title, document.text or "", {}, {}

    return extract


def resiliparse_extractor():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    def extract(page, charset):
        if isinstance(page, bytes):
            page = bytes_to_str(page, charset or detect_encoding(page))
        tree = HTMLTree.parse(page)
        return tree.title or None, extract_plain_text(tree, main_content=True), {}, {}

    return extract


EXTRACTORS = {
    "deboiler": deboiler_extractor,
    "trafilatura": trafilatura_extractor,
    "resiliparse": resiliparse_extractor,
}


def clean_partition(paths, fmt, extractor):
    """The mapPartitions function: one extractor (one Cleaner) per partition,
    one row per page."""
    extract = EXTRACTORS[extractor]()
    read = warc_pages if fmt == "warc" else jsonl_pages
    for path in paths:
        try:
            pages = read(path)
            for url, page, charset in pages:
                if page is None:
                    yield (url, None, None, {}, {}, "not a JSON object with an \"html\" or \"text\" string")
                    continue
                try:
                    title, body, metadata, removed = extract(page, charset)
                    yield (url, title, body, metadata, removed, None)
                except Exception as err:  # one bad page must not end the task
                    yield (url, None, None, {}, {}, f"{type(err).__name__}: {err}")
        except Exception as err:  # an unreadable file is a row, not a lost task
            yield (path, None, None, {}, {}, f"cannot read {path}: {type(err).__name__}: {err}")


def schema():
    from pyspark.sql.types import IntegerType, MapType, StringType, StructField, StructType

    return StructType(
        [
            StructField("url", StringType()),
            StructField("title", StringType()),
            StructField("body", StringType()),
            StructField("metadata", MapType(StringType(), StringType()), False),
            StructField("removed", MapType(StringType(), IntegerType()), False),
            StructField("error", StringType()),
        ]
    )


_SHIPPED = set()


def ship_module(spark):
    context = spark.sparkContext
    if id(context) not in _SHIPPED:
        context.addPyFile(os.path.abspath(__file__))
        _SHIPPED.add(id(context))


def run(spark, inputs, output, fmt="warc", extractor="deboiler", partitions=None, prefix=""):
    """Cleans `inputs` into Parquet at `output`; returns (rows, seconds) for
    the cleaning and writing, Spark's start-up excluded."""
    paths = expand_inputs(inputs, prefix)
    if not paths:
        raise SystemExit("no input files")
    if __name__ != "__main__":
        # Imported (by a test, or a driver of your own): cloudpickle sends
        # clean_partition by reference, so the workers need this module.
        ship_module(spark)
    rdd = spark.sparkContext.parallelize(paths, partitions or len(paths))
    rows = rdd.mapPartitions(lambda part: clean_partition(part, fmt, extractor))
    frame = spark.createDataFrame(rows, schema())
    start = time.perf_counter()
    frame.write.mode("overwrite").parquet(output)
    seconds = time.perf_counter() - start
    count = spark.read.parquet(output).count()
    return count, seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", nargs="+", required=True, help="WARC/JSON Lines files or .paths listings")
    parser.add_argument("--output", required=True, help="Parquet directory (overwritten)")
    parser.add_argument("--format", choices=["warc", "jsonl"], default="warc")
    parser.add_argument("--extractor", choices=sorted(EXTRACTORS), default="deboiler")
    parser.add_argument("--partitions", type=int, help="default: one per input file")
    parser.add_argument("--prefix", default="", help="put before every input path, e.g. https://data.commoncrawl.org/")
    parser.add_argument("--master", help="Spark master for a local run, e.g. local[2] (spark-submit sets it)")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(f"deboiler-{args.extractor}")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        rows, seconds = run(
            spark, args.input, args.output, args.format, args.extractor, args.partitions, args.prefix
        )
    finally:
        spark.stop()
    print(json.dumps({"extractor": args.extractor, "rows": rows, "seconds": round(seconds, 2),
                      "pages_per_second": round(rows / seconds, 1)}))


if __name__ == "__main__":
    sys.exit(main())
