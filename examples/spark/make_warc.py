"""Builds a gzipped WARC in Common Crawl's layout (a warcinfo record, then a
request, a response and a metadata record per page, each record its own gzip
member) from a folder of .html files, for the Spark job's test and benchmark.

    python examples/spark/make_warc.py corpus/zyte out.warc.gz --copies 5
"""

import argparse
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def make_warc(pages, out, copies=1, extra_records=True):
    """Writes every (name, html bytes) of `pages` `copies` times; with
    `extra_records`, also one image response, which the job must skip.
    Returns the number of HTML responses written."""
    written = 0
    with open(out, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warcinfo_record(Path(out).name, {"software": "deboiler make_warc"}))
        for copy in range(copies):
            for name, html in pages:
                url = f"https://news.example/{copy}/{name}"
                request = writer.create_warc_record(
                    url, "request",
                    http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True),
                )
                headers = StatusAndHeaders(
                    "200 OK",
                    [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(html)))],
                    protocol="HTTP/1.1",
                )
                response = writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers)
                writer.write_record(request)
                writer.write_record(response)
                writer.write_record(
                    writer.create_warc_record(url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 12\r\n"),
                                              warc_content_type="application/warc-fields")
                )
                written += 1
        if extra_records:
            png = b"\x89PNG\r\n\x1a\n" + bytes(32)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record("https://news.example/logo.png", "response",
                                          payload=io.BytesIO(png), http_headers=headers)
            )
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("out")
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    pages = [(p.stem[:16], p.read_bytes()) for p in sorted(Path(args.folder).glob("*.html"))]
    print(make_warc(pages, args.out, args.copies), "pages")


if __name__ == "__main__":
    main()
