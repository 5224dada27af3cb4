//! WARC archives: the HTML responses in them, as pages.
//!
//! I frame the records myself rather than with the `warc` crate (0.4): its
//! reader buffers every record whole before looking at it, adds a
//! Content-Length near 2^64 to an offset and panics, and ends the archive
//! at the first damaged header. `fastwarc` (the Resiliparse authors' crate)
//! frames well but pulls in brotli, zstd (a C build), lz4, three digest
//! crates and the unmaintained `encoding`, and has no way to report or
//! skip damage either. A WARC header is a few `Name: value` lines, so the
//! reader here is short:
//!
//! * records are found by their `WARC/1.` line; anything else where a
//!   record should start is skipped up to the next such line and reported
//!   with its byte range, so damage costs the records it touches, no more;
//! * `Content-Length` is parsed with overflow checks, and a body is only
//!   buffered when the record is one we clean and it fits the page limit:
//!   other bodies are read past in fixed-size steps, so memory per record
//!   is bounded by the page limit whatever the header says;
//! * under gzip ([`crate::gzip::Decoded`]), a damaged member is skipped up to
//!   the next member, and a body that runs past the end of its member
//!   while the next member starts a record (a Content-Length too large) is
//!   cut there and reported.
//!
//! Of the records, I take `response` records (and `resource` records
//! holding HTML), parse the HTTP response with `httparse`, undo chunked
//! transfer encoding and gzip/deflate content encoding, and pass the
//! charset from `Content-Type` along with the body. Everything else is
//! skipped and counted.

use std::io::{self, BufRead, Read};
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::gzip::{Damage, Decoded};
use crate::inputs::{Content, Event, Job, Line, Unit, read_line, safe_file_name};

/// Headers an HTTP response may have before `httparse` gives up; real
/// responses have 10–40, a few pathological ones a couple of hundred.
const MAX_HTTP_HEADERS: usize = 256;

/// The longest WARC header line kept. Real ones are under 2 KiB (a long
/// target URI); a longer line is read past and the record fails.
const MAX_WARC_LINE: u64 = 64 << 10;

/// The most header lines one WARC record may have. Real records have
/// 8–20; the cap bounds the memory of a header that never ends.
const MAX_WARC_HEADERS: usize = 1024;

/// The start of every record's first line.
const RECORD_START: &[u8] = b"WARC/1.";

/// One parsed record header.
struct Head {
    /// Lowercased names and trimmed values, in order.
    fields: Vec<(String, String)>,
    content_length: u64,
}

impl Head {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads the archive, emitting one job per HTML response, a skip for
/// every other record, and a failed job for every damaged record or run of
/// bytes, with its position.
pub fn read<R: Read>(
    unit: &Arc<Unit>,
    mut reader: Decoded<R>,
    emit: &mut dyn FnMut(Event) -> bool,
) -> bool {
    let mut n = 0u64;
    let mut line = Vec::new();
    // A failed record, held until the bytes after it are known to be
    // clean or skipped, so that its message can name both.
    let mut pending: Option<Job> = None;
    loop {
        // Between records: blank lines, then a `WARC/1.` line. Anything
        // else is skipped up to the next one and reported.
        let mut junk: Option<(String, u64)> = None;
        let mut damage: Option<String> = None;
        let mut record_at = String::new();
        let started = loop {
            // Fill first, so a position at a member's start names that
            // member and not the one before.
            let read = match reader.fill_buf() {
                Ok(_) => {
                    let at = (reader.position(), reader.offset());
                    read_line(&mut reader, &mut line, MAX_WARC_LINE).map(|l| (l, at))
                }
                Err(e) => Err(e),
            };
            match read {
                Ok((Line::End, _)) => break false,
                Ok((Line::Whole, at)) if line.starts_with(RECORD_START) => {
                    record_at = at.0;
                    break true;
                }
                Ok((Line::Whole, _)) if line.iter().all(u8::is_ascii_whitespace) => {}
                Ok((Line::Whole | Line::TooLong(_), at)) => {
                    junk.get_or_insert(at);
                }
                Err(e) => match Damage::of(&e) {
                    Some(d) => {
                        let msg = d.to_string();
                        damage = Some(match damage {
                            Some(before) => format!("{before}; {msg}"),
                            None => msg,
                        });
                    }
                    None => {
                        if let Some(job) = pending.take()
                            && !emit(Event::Job(job))
                        {
                            return false;
                        }
                        return emit(Event::Job(failed(
                            unit,
                            format!("{} {}", unit.display, reader.position()),
                            None,
                            format!("cannot read the archive: {e}"),
                        )));
                    }
                },
            }
        };
        if junk.is_some() || damage.is_some() {
            let mut what = Vec::new();
            if let Some((pos, start)) = &junk {
                what.push(format!(
                    "{} bytes from {pos} are not a WARC record",
                    reader.offset() - start - line_len(started, &line)
                ));
            }
            what.extend(damage);
            let skipped = format!("{}; reading went on at the next record", what.join("; "));
            // Bytes skipped right after a failed record are reported with
            // it: they are usually the rest of that record.
            let job = match pending.take() {
                Some(mut job) => {
                    if let Content::Failed(msg) = &mut job.content {
                        msg.push_str("; then ");
                        msg.push_str(&skipped);
                    }
                    job
                }
                None => {
                    let source = format!("{} after record {n}", unit.display);
                    failed(unit, source, None, skipped)
                }
            };
            if !emit(Event::Job(job)) {
                return false;
            }
        }
        if let Some(job) = pending.take()
            && !emit(Event::Job(job))
        {
            return false;
        }
        if !started {
            return true;
        }
        n += 1;
        let at = || format!("WARC record {n} at {record_at}");
        let source = format!("{}#{n}", unit.display);
        let head = match read_head(&mut reader, &mut line) {
            Ok(head) => head,
            Err(msg) => {
                let msg = format!("{}: {msg}", at());
                pending = Some(failed(unit, source, Some(n), msg));
                continue;
            }
        };
        let mut fields = Map::new();
        let id = head.get("warc-record-id").map(str::to_string);
        if let Some(id) = &id {
            fields.insert("id".into(), Value::from(id.as_str()));
        }
        if let Some(url) = head.get("warc-target-uri") {
            fields.insert("url".into(), Value::from(url));
        }
        if let Some(date) = head.get("warc-date") {
            fields.insert("warc_date".into(), Value::from(date));
        }
        let warc_type = head
            .get("warc-type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let ctype = head.get("content-type").unwrap_or_default().to_string();
        let wanted = match warc_type.as_str() {
            "response" => Ok(()),
            "resource" if is_html_type(&ctype) => Ok(()),
            "resource" => Err("warc resource not html"),
            "request" => Err("warc request"),
            "warcinfo" => Err("warcinfo"),
            "metadata" => Err("warc metadata"),
            "revisit" => Err("warc revisit"),
            _ => Err("warc record of another type"),
        };
        let len = head.content_length;
        let body = match wanted {
            Ok(()) if len > unit.max_page_bytes => {
                let over = format!(
                    "Content-Length {len} is over the page limit of {} bytes; record skipped",
                    unit.max_page_bytes
                );
                match read_body(&mut reader, len, false) {
                    Ok(_) => Err(over),
                    Err(cut) => Err(format!("{over}; {cut}")),
                }
            }
            Ok(()) => read_body(&mut reader, len, true).map(Option::unwrap_or_default),
            Err(_) => read_body(&mut reader, len, false).map(|_| Vec::new()),
        }
        .and_then(|body| end_of_record(&mut reader).map(|()| body));
        let (body, cut) = match body {
            Ok(body) => (body, None),
            Err(msg) => (Vec::new(), Some(msg)),
        };
        let out_name = unit.out_stem.join(
            id.as_deref()
                .map_or_else(|| n.to_string(), record_file_name),
        );
        let content = match (cut, wanted) {
            (Some(msg), _) => Content::Failed(format!("{}: {msg}", at())),
            (None, Err(why)) => {
                if !emit(Event::Skipped(why)) {
                    return false;
                }
                continue;
            }
            (None, Ok(())) => {
                let page = if warc_type == "response" {
                    http_page(body, &mut fields, unit.max_page_bytes)
                } else {
                    fields.insert("content_type".into(), Value::from(ctype.as_str()));
                    Ok((body, charset_of(&ctype)))
                };
                match page {
                    Err(NotPage::Skip(why)) => {
                        if !emit(Event::Skipped(why)) {
                            return false;
                        }
                        continue;
                    }
                    Err(NotPage::Fail(msg)) => Content::Failed(format!("{}: {msg}", at())),
                    Ok((data, charset)) => Content::Bytes {
                        data,
                        charset,
                        fields,
                    },
                }
            }
        };
        let job = Job {
            source,
            record: Some(n),
            unit: Arc::clone(unit),
            out_name,
            content,
        };
        if matches!(job.content, Content::Failed(_)) {
            pending = Some(job);
        } else if !emit(Event::Job(job)) {
            return false;
        }
    }
}

/// The length of the record line that ended a run of junk, which
/// `offset` already counts.
fn line_len(started: bool, line: &[u8]) -> u64 {
    if started { line.len() as u64 } else { 0 }
}

fn failed(unit: &Arc<Unit>, source: String, record: Option<u64>, msg: String) -> Job {
    let name = record.map_or_else(|| "damaged".to_string(), |n| n.to_string());
    Job {
        source,
        record,
        unit: Arc::clone(unit),
        out_name: unit.out_stem.join(name),
        content: Content::Failed(msg),
    }
}

/// Reads a record's header lines up to the blank line, after its
/// `WARC/1.` line. On error the record is lost and the caller looks for
/// the next one.
fn read_head<R: Read>(reader: &mut Decoded<R>, line: &mut Vec<u8>) -> Result<Head, String> {
    let mut fields: Vec<(String, String)> = Vec::new();
    loop {
        let at = reader.position();
        match read_line(reader, line, MAX_WARC_LINE) {
            Ok(Line::End) => return Err("the input ends inside the WARC header".into()),
            Ok(Line::TooLong(len)) => {
                return Err(format!(
                    "WARC header line at {at} is {len} bytes, over {MAX_WARC_LINE}"
                ));
            }
            Ok(Line::Whole) => {}
            Err(e) => {
                return Err(match Damage::of(&e) {
                    Some(d) => format!("{d} (inside the WARC header)"),
                    None => e.to_string(),
                });
            }
        }
        let text = String::from_utf8_lossy(line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        if text.starts_with([' ', '\t']) {
            // A folded continuation of the previous field.
            match fields.last_mut() {
                Some((_, value)) => {
                    value.push(' ');
                    value.push_str(text.trim());
                    continue;
                }
                None => return Err(format!("WARC header line at {at} continues nothing")),
            }
        }
        let Some((name, value)) = text.split_once(':') else {
            let shown: String = text.chars().take(60).collect();
            return Err(format!("WARC header line at {at} has no ':': {shown:?}"));
        };
        if fields.len() == MAX_WARC_HEADERS {
            return Err(format!("more than {MAX_WARC_HEADERS} WARC header fields"));
        }
        fields.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    let content_length = match fields.iter().find(|(n, _)| n == "content-length") {
        None => return Err("the WARC header has no Content-Length".into()),
        Some((_, v)) => match v.parse::<u64>() {
            Ok(len) if v.bytes().all(|b| b.is_ascii_digit()) => len,
            _ => {
                let shown: String = v.chars().take(40).collect();
                return Err(format!(
                    "WARC header field Content-Length {shown:?} is not a length in bytes (0 to 2^64 - 1)"
                ));
            }
        },
    };
    Ok(Head {
        fields,
        content_length,
    })
}

/// Reads the blank lines that end a record and checks that the next
/// record (or the end) follows; under gzip, reads on to the end of the
/// record's member, so that a CRC error fails that record instead of
/// letting garbled bytes through as a page.
fn end_of_record<R: Read>(reader: &mut Decoded<R>) -> Result<(), String> {
    loop {
        // Only what is buffered: a refill could start the next member,
        // whose damage is not this record's.
        let avail = reader.buffer();
        let blank = avail
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        let more = blank < avail.len();
        reader.consume(blank);
        if more {
            // The next record must follow (a prefix of its first line is
            // all a buffer's end may show).
            let rest = reader.buffer();
            let n = rest.len().min(RECORD_START.len());
            return if rest[..n] == RECORD_START[..n] {
                Ok(())
            } else {
                Err(format!(
                    "the body is not followed by the next record at {} \
                     (a wrong Content-Length, or damaged data)",
                    reader.position()
                ))
            };
        }
        if !reader.in_member() {
            return Ok(());
        }
        if let Err(e) = reader.check_member_end() {
            return Err(match Damage::of(&e) {
                Some(d) => format!("{d} (the record's bytes cannot be trusted)"),
                None => format!("cannot read past the record: {e}"),
            });
        }
    }
}

/// Reads a body of `len` bytes, kept when `keep` (the caller has checked it
/// fits the page limit) and read past otherwise. The error says how the
/// body was cut: the input ended, gzip damage, or the body ran past the end
/// of its gzip member into the next record.
fn read_body<R: Read>(
    reader: &mut Decoded<R>,
    len: u64,
    keep: bool,
) -> Result<Option<Vec<u8>>, String> {
    let mut body = Vec::new();
    let mut left = len;
    while left > 0 {
        let (avail, starts_record) = match reader.fill_buf() {
            Ok(avail) => (avail.len(), avail.starts_with(RECORD_START)),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                let read = len - left;
                return Err(match Damage::of(&e) {
                    Some(d) => format!("{d} (after {read} of {len} body bytes)"),
                    None => format!("cannot read the body after {read} of {len} bytes: {e}"),
                });
            }
        };
        if avail == 0 {
            return Err(format!(
                "truncated: Content-Length is {len} but the input ends after {} body bytes",
                len - left
            ));
        }
        if left < len && starts_record && reader.at_member_start() {
            return Err(format!(
                "Content-Length {len} runs past the end of the record's gzip member \
                 ({} bytes); the record is cut there",
                len - left
            ));
        }
        let take = avail.min(usize::try_from(left).unwrap_or(usize::MAX));
        if keep {
            // The bytes are still buffered: this fill cannot fail.
            let avail = reader.fill_buf().map_err(|e| e.to_string())?;
            body.extend_from_slice(&avail[..take]);
        }
        reader.consume(take);
        left -= take as u64;
    }
    Ok(keep.then_some(body))
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
/// The record's buffer becomes the page's: the head is cut off and the
/// body decoded in place, so a record is never held twice.
fn http_page(
    mut record: Vec<u8>,
    fields: &mut Map<String, Value>,
    limit: u64,
) -> Result<Page, NotPage> {
    // httparse reads HTTP/1.x only; crawlers that fetched over HTTP/2 or 3
    // write `HTTP/2 200` with the same header syntax. Parse those as 1.1,
    // copying only the head.
    let (head, shift) = match record.iter().position(|&b| b == b' ') {
        Some(sp) if record.starts_with(b"HTTP/") && !record.starts_with(b"HTTP/1.") => {
            let head_end = memchr_find(&record, b"\r\n\r\n")
                .map_or(record.len(), |i| i + 4)
                .max(sp);
            let mut patched = b"HTTP/1.1".to_vec();
            patched.extend_from_slice(&record[sp..head_end]);
            (std::borrow::Cow::Owned(patched), sp as isize - 8)
        }
        _ => (std::borrow::Cow::Borrowed(&record[..]), 0),
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
    let chunked =
        header("transfer-encoding").is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    let encoding = header("content-encoding").map(|e| e.to_ascii_lowercase());
    drop(head);
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
    record.drain(..body_start);
    let mut data = record;
    if chunked {
        dechunk(&mut data).map_err(NotPage::Fail)?;
    }
    match encoding.as_deref() {
        None | Some("" | "identity") => {}
        Some("gzip" | "x-gzip") => {
            data = inflate(flate2::read::MultiGzDecoder::new(&data[..]), limit)?
        }
        Some("deflate") => data = inflate(flate2::read::ZlibDecoder::new(&data[..]), limit)?,
        Some(other) => {
            return Err(NotPage::Fail(format!(
                "unsupported content-encoding {other}"
            )));
        }
    }
    Ok((data, charset))
}

/// Where `needle` first occurs in `haystack`.
fn memchr_find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Inflates a compressed body, up to one byte past the page limit: a bomb
/// stops there and the cleaner reports the page as too large.
fn inflate(decoder: impl Read, limit: u64) -> Result<Vec<u8>, NotPage> {
    let mut out = Vec::new();
    decoder
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| NotPage::Fail(format!("cannot decompress body: {e}")))?;
    Ok(out)
}

/// Undoes chunked transfer encoding in place (the decoded body is never
/// longer than the encoded one). A body that does not start with a chunk
/// size is left as it is: crawlers often store the decoded body and keep
/// the header. A truncated last chunk keeps what arrived (Common Crawl cuts
/// long records); a malformed chunk-size line after the first chunk is an
/// error naming its offset in the body.
fn dechunk(body: &mut Vec<u8>) -> Result<(), String> {
    let mut pos = 0;
    let mut out = 0;
    while pos < body.len() {
        let (consumed, size) = match httparse::parse_chunk_size(&body[pos..]) {
            Ok(httparse::Status::Complete(parsed)) => parsed,
            _ if pos == 0 => return Ok(()),
            Ok(httparse::Status::Partial) => break,
            Err(_) => {
                let shown: String = String::from_utf8_lossy(&body[pos..body.len().min(pos + 20)])
                    .chars()
                    .take(20)
                    .collect();
                return Err(format!(
                    "malformed chunk-size line at byte {pos} of the HTTP body: {shown:?}"
                ));
            }
        };
        pos += consumed;
        if size == 0 {
            break;
        }
        let end =
            usize::try_from(size).map_or(body.len(), |s| pos.saturating_add(s).min(body.len()));
        body.copy_within(pos..end, out);
        out += end - pos;
        pos = end;
        if body[pos..].starts_with(b"\r\n") {
            pos += 2;
        }
    }
    body.truncate(out);
    Ok(())
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
pub fn record_file_name(id: &str) -> String {
    let id = id.trim_start_matches('<').trim_end_matches('>');
    let id = id.strip_prefix("urn:uuid:").unwrap_or(id);
    safe_file_name(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dechunked(body: &[u8]) -> Result<Vec<u8>, String> {
        let mut body = body.to_vec();
        dechunk(&mut body).map(|()| body)
    }

    #[test]
    fn dechunk_joins_chunks() {
        assert_eq!(
            dechunked(b"5\r\nHello\r\n7;x=y\r\n, world\r\n0\r\n\r\n").unwrap(),
            b"Hello, world"
        );
    }

    #[test]
    fn dechunk_keeps_truncated_tail() {
        assert_eq!(
            dechunked(b"5\r\nHello\r\n10\r\n, wor").unwrap(),
            b"Hello, wor"
        );
    }

    #[test]
    fn dechunk_passes_unchunked_body() {
        assert_eq!(dechunked(b"<html>x</html>").unwrap(), b"<html>x</html>");
    }

    #[test]
    fn dechunk_fails_on_a_malformed_size_line() {
        let err = dechunked(b"5\r\nHello\r\nzz\r\n, world\r\n0\r\n\r\n").unwrap_err();
        assert!(err.contains("byte 10"), "{err}");
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
