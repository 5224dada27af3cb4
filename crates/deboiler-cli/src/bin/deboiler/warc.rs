//! WARC archives: the HTML responses in them, as pages.
//!
//! The `warc` crate frames the records (its raw-record iterator, so a
//! record with an odd date or a missing optional header still reads);
//! `flate2`'s multi-member decoder has already undone the per-record gzip
//! of Common Crawl style `.warc.gz` files. Here I take `response` records
//! (and `resource` records holding HTML), parse the HTTP response with
//! `httparse`, undo chunked transfer encoding and gzip/deflate content
//! encoding, and pass the charset from `Content-Type` along with the body.
//! Everything else is skipped and counted.

use std::io::{BufRead, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::{Map, Value};
use warc::WarcHeader;

use crate::inputs::{Content, Event, Job, MAX_PAGE_BYTES, Unit};

/// Headers an HTTP response may have before `httparse` gives up; real
/// responses have 10–40, a few pathological ones a couple of hundred.
const MAX_HTTP_HEADERS: usize = 256;

/// Reads the archive, emitting one job per HTML response. A framing error
/// ends the archive (the next record's start is lost), reported as a failed
/// job; an HTTP response that cannot be parsed fails alone.
pub(crate) fn read(
    unit: &Arc<Unit>,
    reader: Box<dyn BufRead + Send>,
    emit: &mut dyn FnMut(Event) -> bool,
) -> bool {
    let counter = Counter {
        inner: reader,
        consumed: Arc::new(AtomicU64::new(0)),
    };
    let consumed = Arc::clone(&counter.consumed);
    let records = warc::WarcReader::new(counter).iter_raw_records();
    // Bytes consumed when the last whole record ended.
    let mut record_end = 0;
    let mut n = 0u64;
    for record in records {
        n += 1;
        let source = format!("{}#{n}", unit.display);
        let (header, body) = match record {
            Ok(record) => {
                record_end = consumed.load(Ordering::Relaxed);
                record
            }
            Err(e) => {
                let job = Job {
                    source,
                    record: Some(n),
                    unit: Arc::clone(unit),
                    out_name: unit.out_stem.join(n.to_string()),
                    content: Content::Failed(format!(
                        "unreadable WARC record, rest of the archive skipped: {e}"
                    )),
                };
                return emit(Event::Job(job));
            }
        };
        let get = |h: WarcHeader| {
            header
                .headers
                .get(&h)
                .map(|v| String::from_utf8_lossy(v).trim().to_string())
        };
        let mut fields = Map::new();
        let id = get(WarcHeader::RecordID);
        if let Some(id) = &id {
            fields.insert("id".into(), Value::from(id.as_str()));
        }
        if let Some(url) = get(WarcHeader::TargetURI) {
            fields.insert("url".into(), Value::from(url));
        }
        if let Some(date) = get(WarcHeader::Date) {
            fields.insert("warc_date".into(), Value::from(date));
        }
        let warc_type = get(WarcHeader::WarcType)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let page = match warc_type.as_str() {
            "response" => http_page(&body, &mut fields),
            "resource" => {
                let ctype = get(WarcHeader::ContentType).unwrap_or_default();
                if is_html_type(&ctype) {
                    fields.insert("content_type".into(), Value::from(ctype.as_str()));
                    Ok((body, charset_of(&ctype)))
                } else {
                    Err(NotPage::Skip("warc resource not html"))
                }
            }
            "request" => Err(NotPage::Skip("warc request")),
            "warcinfo" => Err(NotPage::Skip("warcinfo")),
            "metadata" => Err(NotPage::Skip("warc metadata")),
            "revisit" => Err(NotPage::Skip("warc revisit")),
            _ => Err(NotPage::Skip("warc record of another type")),
        };
        let out_name = unit.out_stem.join(
            id.as_deref()
                .map_or_else(|| n.to_string(), record_file_name),
        );
        let content = match page {
            Err(NotPage::Skip(why)) => {
                if !emit(Event::Skipped(why)) {
                    return false;
                }
                continue;
            }
            Err(NotPage::Fail(msg)) => Content::Failed(msg),
            Ok((data, charset)) => Content::Bytes {
                data,
                charset,
                fields,
            },
        };
        let job = Job {
            source,
            record: Some(n),
            unit: Arc::clone(unit),
            out_name,
            content,
        };
        if !emit(Event::Job(job)) {
            return false;
        }
    }
    // The warc crate ends quietly when the last header never ends (a file
    // cut inside a header, or LF-only line endings). Whatever it read past
    // the last whole record would then be lost without a word.
    let tail = consumed.load(Ordering::Relaxed) - record_end;
    if tail > 0 {
        let job = Job {
            source: format!("{}#{}", unit.display, n + 1),
            record: Some(n + 1),
            unit: Arc::clone(unit),
            out_name: unit.out_stem.join((n + 1).to_string()),
            content: Content::Failed(format!(
                "{tail} bytes after the last whole WARC record are not a record (truncated header?)"
            )),
        };
        return emit(Event::Job(job));
    }
    true
}

/// Counts the bytes the WARC reader consumes, shared with the caller
/// (the reader owns its input).
struct Counter<R> {
    inner: R,
    consumed: Arc<AtomicU64>,
}

impl<R: BufRead> Read for Counter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counter<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.consumed.fetch_add(amt as u64, Ordering::Relaxed);
        self.inner.consume(amt);
    }
}

/// Why a record yields no page.
enum NotPage {
    /// Left out on purpose, with the summary's name for why.
    Skip(&'static str),
    /// Meant to be a page but broken: reported as a failed page.
    Fail(String),
}

/// A page's bytes and the charset its transport declared.
type Page = (Vec<u8>, Option<String>);

/// The HTML page inside an HTTP response record, or why there is none.
fn http_page(record: &[u8], fields: &mut Map<String, Value>) -> Result<Page, NotPage> {
    // httparse reads HTTP/1.x only; crawlers that fetched over HTTP/2 or 3
    // write `HTTP/2 200` with the same header syntax. Parse those as 1.1.
    let (head, shift) = match record.iter().position(|&b| b == b' ') {
        Some(sp) if record.starts_with(b"HTTP/") && !record.starts_with(b"HTTP/1.") => {
            let mut patched = b"HTTP/1.1".to_vec();
            patched.extend_from_slice(&record[sp..]);
            (std::borrow::Cow::Owned(patched), sp as isize - 8)
        }
        _ => (std::borrow::Cow::Borrowed(record), 0),
    };
    let mut headers = vec![httparse::EMPTY_HEADER; MAX_HTTP_HEADERS];
    let mut response = httparse::Response::new(&mut headers);
    let body_start = match response.parse(&head) {
        Ok(httparse::Status::Complete(n)) => n.saturating_add_signed(shift),
        Ok(httparse::Status::Partial) => {
            return Err(NotPage::Fail("truncated HTTP headers".into()));
        }
        Err(e) => return Err(NotPage::Fail(format!("bad HTTP response: {e}"))),
    };
    let status = response.code.unwrap_or(0);
    fields.insert("http_status".into(), Value::from(status));
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    if !(200..300).contains(&status) {
        return Err(NotPage::Skip("http status not 2xx"));
    }
    let ctype = header("content-type");
    let body = &record[body_start..];
    match &ctype {
        Some(ct) if !is_html_type(ct) => return Err(NotPage::Skip("not html")),
        None if !deboiler::looks_like_html(&String::from_utf8_lossy(
            &body[..body.len().min(1024)],
        )) =>
        {
            return Err(NotPage::Skip("not html"));
        }
        _ => {}
    }
    if let Some(ct) = &ctype {
        fields.insert("content_type".into(), Value::from(ct.as_str()));
    }
    let charset = ctype.as_deref().and_then(charset_of);
    let chunked =
        header("transfer-encoding").is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    let mut data = if chunked {
        dechunk(body)
    } else {
        body.to_vec()
    };
    match header("content-encoding")
        .map(|e| e.to_ascii_lowercase())
        .as_deref()
    {
        None | Some("" | "identity") => {}
        Some("gzip" | "x-gzip") => data = inflate(flate2::read::MultiGzDecoder::new(&data[..]))?,
        Some("deflate") => data = inflate(flate2::read::ZlibDecoder::new(&data[..]))?,
        Some(other) => {
            return Err(NotPage::Fail(format!(
                "unsupported content-encoding {other}"
            )));
        }
    }
    Ok((data, charset))
}

fn inflate(decoder: impl Read) -> Result<Vec<u8>, NotPage> {
    let mut out = Vec::new();
    decoder
        .take(MAX_PAGE_BYTES)
        .read_to_end(&mut out)
        .map_err(|e| NotPage::Fail(format!("cannot decompress body: {e}")))?;
    Ok(out)
}

/// Undoes chunked transfer encoding. A body that does not parse as chunks
/// is returned as it is (crawlers often store the decoded body and keep the
/// header); a truncated last chunk keeps what arrived.
fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut pos = 0;
    while pos < body.len() {
        let (consumed, size) = match httparse::parse_chunk_size(&body[pos..]) {
            Ok(httparse::Status::Complete(parsed)) => parsed,
            _ if pos == 0 => return body.to_vec(),
            _ => break,
        };
        pos += consumed;
        if size == 0 {
            break;
        }
        let end =
            usize::try_from(size).map_or(body.len(), |s| pos.saturating_add(s).min(body.len()));
        out.extend_from_slice(&body[pos..end]);
        pos = end;
        if body[pos..].starts_with(b"\r\n") {
            pos += 2;
        }
    }
    out
}

/// Whether a `Content-Type` is HTML (or XHTML).
fn is_html_type(ctype: &str) -> bool {
    let mime = ctype
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime == "text/html" || mime == "application/xhtml+xml"
}

/// The `charset` parameter of a `Content-Type`, unquoted.
fn charset_of(ctype: &str) -> Option<String> {
    ctype.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    })
}

/// A file name for a record: the WARC-Record-ID without `<urn:uuid:` and
/// `>`, other unsafe characters replaced by `_`.
pub(crate) fn record_file_name(id: &str) -> String {
    let id = id.trim_start_matches('<').trim_end_matches('>');
    let id = id.strip_prefix("urn:uuid:").unwrap_or(id);
    crate::pages::safe_file_name(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunk_joins_chunks() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n7;x=y\r\n, world\r\n0\r\n\r\n"),
            b"Hello, world"
        );
    }

    #[test]
    fn dechunk_keeps_truncated_tail() {
        assert_eq!(dechunk(b"5\r\nHello\r\n10\r\n, wor"), b"Hello, wor");
    }

    #[test]
    fn dechunk_passes_unchunked_body() {
        assert_eq!(dechunk(b"<html>x</html>"), b"<html>x</html>");
    }

    #[test]
    fn charset_from_content_type() {
        assert_eq!(
            charset_of("text/html; charset=\"Shift_JIS\""),
            Some("Shift_JIS".into())
        );
        assert_eq!(charset_of("text/html"), None);
        assert!(is_html_type("Text/HTML; charset=utf-8"));
        assert!(!is_html_type("application/json"));
    }

    #[test]
    fn record_names() {
        assert_eq!(record_file_name("<urn:uuid:1234-ab>"), "1234-ab");
    }
}
