"""Pages per second of the Spark job with deboiler, Resiliparse and
trafilatura on the same WARC files, in local mode.

    python examples/spark/bench.py --files 4 --copies 2 --master 'local[2]'

Builds --files gzipped WARCs, each holding the 181 pages of corpus/zyte
--copies times (one task per file, so every core has work), then runs the
job once to warm up and then once per extractor, and prints a Markdown table. The time is that of
cleaning and writing the Parquet, Spark's start-up excluded.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import deboiler_spark  # noqa: E402
from make_warc import make_warc  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--extractors", nargs="+", default=["deboiler", "resiliparse", "trafilatura"])
    args = parser.parse_args()

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    pages = [(p.stem[:16], p.read_bytes()) for p in sorted((ROOT / "corpus" / "zyte").glob("*.html"))]
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(args.files):
            path = Path(tmp) / f"bench-{i}.warc.gz"
            make_warc([(f"{i}-{n}", h) for n, h in pages], path, args.copies, extra_records=False)
            files.append(str(path))
        spark = (
            SparkSession.builder.master(args.master)
            .appName("deboiler-bench")
            .config("spark.ui.enabled", "false")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        results = []
        try:
            # A first job pays for the JVM's warm-up and the Python workers'
            # start; without this run whichever extractor goes first looks
            # slower (52 against 83 pages/s for deboiler here).
            deboiler_spark.run(spark, files[:1], f"{tmp}/warm-up", extractor="deboiler")
            for extractor in args.extractors:
                rows, seconds = deboiler_spark.run(spark, files, f"{tmp}/out-{extractor}", extractor=extractor)
                results.append((extractor, rows, seconds))
                print(f"{extractor}: {rows} pages in {seconds:.1f} s", file=sys.stderr)
        finally:
            spark.stop()
    print(f"| extractor | pages | seconds | pages/s ({args.master}) |")
    print("|---|---:|---:|---:|")
    for extractor, rows, seconds in results:
        print(f"| {extractor} | {rows} | {seconds:.1f} | {rows / seconds:.1f} |")
    print(f"load average after: {os.getloadavg()[0]:.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()
