//! Bytes into text, remembering where each decoded byte came from.
//!
//! [`decode`] turns the bytes handed to
//! [`Cleaner::clean_bytes`](crate::Cleaner::clean_bytes) into a `str`, in
//! this order:
//!
//! 1. Known binary signatures (PNG, JPEG, GIF, PDF, ZIP, gzip, …) are refused
//!    with [`Error::Binary`].
//! 2. A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE.
//! 3. UTF-16 without a BOM is recognised by its NUL bytes in every other
//!    position (ASCII-range text saved by some Windows tools).
//! 4. Input in which more than one byte in [`CONTROL_SHARE`] is a C0 control
//!    byte (NUL and friends; tab, line breaks, form feed and escape
//!    excepted) is refused with [`Error::Binary`]: text never has them.
//! 5. A `<meta charset>` or `<meta http-equiv="Content-Type">` in the first
//!    1024 bytes ([WHATWG prescan]) names the encoding. One exception: when
//!    the declared encoding is an ASCII-compatible legacy one but the bytes
//!    are valid UTF-8 with non-ASCII characters in them, they are UTF-8. A
//!    scraper that re-encoded the page as UTF-8 leaves the old declaration
//!    behind, and legacy text that happens to be valid UTF-8 is vanishingly
//!    rare.
//! 6. Valid UTF-8 is borrowed as it is, without a copy.
//! 7. Mostly-valid UTF-8 (more well-formed non-ASCII characters than stray
//!    bytes) is UTF-8 with stray bytes pasted in from a legacy encoding:
//!    each stray byte is decoded as windows-1252, the encoding such pastes
//!    nearly always come from. No byte is lost.
//! 8. Anything else is sniffed with `chardetng` (Firefox's detector).
//!
//! Whenever the decoded text differs from the input bytes, an [`OffsetMap`]
//! records where every decoded character came from, and
//! [`Decoded::remap`] rewrites the spans of an article to offsets into the
//! original bytes.
//!
//! [WHATWG prescan]: https://html.spec.whatwg.org/multipage/parsing.html#prescan-a-byte-stream-to-determine-its-encoding

use std::borrow::Cow;

use encoding_rs::{
    DecoderResult, Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED,
};

use crate::article::Article;
use crate::error::Error;
use crate::span::Span;

/// More than one control byte in this many bytes makes the input binary.
///
/// Text has no C0 controls besides tab, line feed, carriage return, form
/// feed and escape; a stray NUL from a broken scraper is tolerated, but
/// executables, images and compressed data without a known signature have
/// one control byte in ten or more (27 of the 256 byte values).
pub(crate) const CONTROL_SHARE: usize = 32;

/// At most one malformed sequence per this many input bytes (plus one) is
/// decoded as U+FFFD; more than that is [`Error::Undecodable`].
///
/// A broken byte here and there (a truncated download, one bad copy-paste)
/// should not cost the whole article: the bad bytes become a visible U+FFFD
/// whose span points at them. Bytes that break more often than that mean the
/// encoding is wrong, and decoding them anyway would give silent garbage.
pub(crate) const MALFORMED_PER_BYTES: usize = 1024;

/// How many bytes the `<meta>` prescan looks at, as the WHATWG advises.
const PRESCAN_BYTES: usize = 1024;

/// Decoded input and, when decoding changed the bytes, the map from offsets
/// of `text` back to offsets of the original bytes.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    /// The text; borrowed when the input was valid UTF-8.
    pub(crate) text: Cow<'a, str>,
    /// `None` when offsets of `text` are offsets of the input.
    map: Option<OffsetMap>,
}

impl Decoded<'_> {
    /// Rewrites every span of `article` from offsets into the decoded text to
    /// offsets into the original bytes.
    pub(crate) fn remap<'b>(&self, article: Article<'b>) -> Article<'b> {
        match &self.map {
            None => article,
            Some(map) => article.map_spans(|span| Span {
                start: map.original(span.start),
                end: map.original(span.end),
            }),
        }
    }

    /// The original byte offset of decoded byte offset `offset`.
    #[cfg(test)]
    fn original(&self, offset: usize) -> usize {
        self.map.as_ref().map_or(offset, |m| m.original(offset))
    }
}

/// Decoded offsets to original offsets, as a list of runs. Within a run each
/// unit (one decoded character, or the few characters one source sequence
/// decodes to) takes `dec_step` bytes of text and `orig_step` bytes of
/// input; a run lasts until the next one starts.
///
/// Runs merge whenever consecutive units have the same shape, so ASCII is
/// one run however long, and a word of Cyrillic in windows-1251 (two bytes
/// of text per byte of input) is one run too: the map stays far smaller
/// than the text.
#[derive(Debug, Default)]
struct OffsetMap {
    runs: Vec<Run>,
    /// Decoded bytes so far.
    dec: usize,
    /// Original bytes so far.
    orig: usize,
}

#[derive(Clone, Copy, Debug)]
struct Run {
    dec: usize,
    orig: usize,
    dec_step: usize,
    orig_step: usize,
}

impl OffsetMap {
    /// A map whose first decoded byte is original byte `base` (after a BOM).
    fn new(base: usize) -> OffsetMap {
        OffsetMap {
            runs: Vec::new(),
            dec: 0,
            orig: base,
        }
    }

    /// Records one unit: `dec_len` bytes of text from `orig_len` input bytes.
    fn unit(&mut self, dec_len: usize, orig_len: usize) {
        let same = self.runs.last().is_some_and(|r| {
            r.dec_step == dec_len && r.orig_step == orig_len
            // The run must be whole units up to here, which holds whenever
            // the steps match: runs only ever grow by whole units.
        });
        if !same {
            self.runs.push(Run {
                dec: self.dec,
                orig: self.orig,
                dec_step: dec_len,
                orig_step: orig_len,
            });
        }
        self.dec += dec_len;
        self.orig += orig_len;
    }

    /// Records `n` bytes copied as they are.
    fn linear(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        if !self
            .runs
            .last()
            .is_some_and(|r| r.dec_step == 1 && r.orig_step == 1)
        {
            self.runs.push(Run {
                dec: self.dec,
                orig: self.orig,
                dec_step: 1,
                orig_step: 1,
            });
        }
        self.dec += n;
        self.orig += n;
    }

    /// The original offset of decoded offset `d`. An offset inside a unit
    /// (which only a block boundary between two characters decoded from one
    /// source sequence can produce) maps to the unit's start, so the map is
    /// monotonic and spans stay ordered.
    fn original(&self, d: usize) -> usize {
        let i = self.runs.partition_point(|r| r.dec <= d);
        let Some(run) = i.checked_sub(1).map(|i| self.runs[i]) else {
            return self.orig.min(d);
        };
        let units = (d - run.dec) / run.dec_step.max(1);
        run.orig + units * run.orig_step
    }
}

/// Decodes `input`; see the module docs for the order of the steps.
pub(crate) fn decode(input: &[u8]) -> Result<Decoded<'_>, Error> {
    if let Some(what) = binary_signature(input) {
        return Err(Error::Binary { what, offset: 0 });
    }
    if let Some((encoding, bom)) = Encoding::for_bom(input)
        && encoding != UTF_8
    {
        return decode_legacy(encoding, input, bom);
    }
    if let Some(encoding) = sniff_utf16(input) {
        return decode_legacy(encoding, input, 0);
    }
    check_controls(input)?;
    if let Some((_, bom)) = Encoding::for_bom(input) {
        // Only the UTF-8 BOM is left: the UTF-16 ones returned above.
        return Ok(decode_utf8(input, bom));
    }
    if let Some(declared) = prescan(&input[..input.len().min(PRESCAN_BYTES)]) {
        if declared == UTF_8 {
            return Ok(decode_utf8(input, 0));
        }
        if declared.is_ascii_compatible() {
            // All ASCII decodes to itself in every ASCII-compatible
            // encoding, and non-ASCII valid UTF-8 means the declaration is
            // stale: borrow either way.
            if let Ok(text) = std::str::from_utf8(input) {
                return Ok(Decoded {
                    text: Cow::Borrowed(text),
                    map: None,
                });
            }
        }
        return decode_legacy(declared, input, 0);
    }
    let stats = utf8_stats(input);
    if stats.invalid == 0 || stats.multibyte >= stats.invalid {
        return Ok(decode_utf8(input, 0));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(input, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    if guess == UTF_8 {
        return Ok(decode_utf8(input, 0));
    }
    decode_legacy(guess, input, 0)
}

/// Decodes `input` whose transport (an HTTP `Content-Type` header, a WARC
/// record) declared the charset `label`.
///
/// As HTML's encoding sniffing does, the transport's charset ranks below a
/// byte-order mark and above `<meta charset>`. The steps of [`decode`] that
/// look at the bytes themselves (binary signatures, BOM, BOM-less UTF-16,
/// control bytes) still come first, and so does its UTF-8 exception: valid
/// UTF-8 under a legacy ASCII-compatible label is UTF-8, since servers
/// label re-encoded pages with their old charset far more often than legacy
/// text happens to be valid UTF-8. An unknown label, a UTF-8 label and the
/// labels WHATWG maps to `replacement` or `x-user-defined` say nothing
/// [`decode`] would not find out, so they fall back to it.
pub(crate) fn decode_declared<'a>(input: &'a [u8], label: &str) -> Result<Decoded<'a>, Error> {
    let Some(declared) = Encoding::for_label(label.trim().as_bytes()) else {
        return decode(input);
    };
    if declared == UTF_8
        || declared == REPLACEMENT
        || declared == X_USER_DEFINED
        || binary_signature(input).is_some()
        || Encoding::for_bom(input).is_some()
        || sniff_utf16(input).is_some()
    {
        return decode(input);
    }
    check_controls(input)?;
    if declared.is_ascii_compatible()
        && let Ok(text) = std::str::from_utf8(input)
    {
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            map: None,
        });
    }
    decode_legacy(declared, input, 0)
}

/// UTF-8 from `start` (after a BOM): borrowed when valid, otherwise with
/// each invalid byte decoded as windows-1252.
fn decode_utf8(input: &[u8], start: usize) -> Decoded<'_> {
    let body = &input[start..];
    if let Ok(text) = std::str::from_utf8(body) {
        return Decoded {
            text: Cow::Borrowed(text),
            map: (start > 0).then(|| {
                let mut map = OffsetMap::new(start);
                map.linear(text.len());
                map
            }),
        };
    }
    let mut out = String::with_capacity(body.len() + body.len() / 8);
    let mut map = OffsetMap::new(start);
    let mut rest = body;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                out.push_str(valid);
                map.linear(valid.len());
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                // The prefix is valid by definition of valid_up_to.
                out.push_str(std::str::from_utf8(&rest[..valid]).unwrap_or_default());
                map.linear(valid);
                let bad = e.error_len().unwrap_or(rest.len() - valid);
                for &byte in &rest[valid..valid + bad] {
                    let c = windows_1252(byte);
                    out.push(c);
                    map.unit(c.len_utf8(), 1);
                }
                rest = &rest[valid + bad..];
            }
        }
    }
    Decoded {
        text: Cow::Owned(out),
        map: Some(map),
    }
}

/// One byte of windows-1252 (every byte value is mapped in the WHATWG
/// table).
fn windows_1252(byte: u8) -> char {
    let mut buf = [0u8; 4];
    let (_, _, written, _) = WINDOWS_1252
        .new_decoder_without_bom_handling()
        .decode_to_utf8(&[byte], &mut buf, true);
    std::str::from_utf8(&buf[..written])
        .ok()
        .and_then(|s| s.chars().next())
        .unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Decodes `input[start..]` as `encoding`, one source sequence at a time so
/// the offset of every character is known. Malformed sequences become U+FFFD
/// unless there are more than one per [`MALFORMED_PER_BYTES`] bytes.
fn decode_legacy<'a>(
    encoding: &'static Encoding,
    input: &'a [u8],
    start: usize,
) -> Result<Decoded<'a>, Error> {
    let bytes = &input[start..];
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut map = OffsetMap::new(start);
    let mut malformed = 0usize;
    let mut first_bad = None;
    let ascii_fast = encoding.is_ascii_compatible();
    let mut buf = [0u8; 64];
    // `pending` is the first byte not yet turned into text; the decoder
    // holds the bytes from there to `pos`.
    let mut pos = 0;
    let mut pending = 0;
    loop {
        let last = pos >= bytes.len();
        if !last && ascii_fast && pending == pos {
            // Nothing pending: ASCII decodes to itself in an
            // ASCII-compatible encoding, so copy the run in one go.
            let n = Encoding::ascii_valid_up_to(&bytes[pos..]);
            if n > 0 {
                out.push_str(std::str::from_utf8(&bytes[pos..pos + n]).unwrap_or_default());
                map.linear(n);
                pos += n;
                pending = pos;
                continue;
            }
        }
        let chunk = if last { &[][..] } else { &bytes[pos..pos + 1] };
        // A small buffer of our own: the `String` form of this call touches
        // every page of the string's spare capacity on each call, which
        // made one call per byte quadratic.
        let (result, read, written) =
            decoder.decode_to_utf8_without_replacement(chunk, &mut buf, last);
        pos += read;
        // encoding_rs writes whole UTF-8 sequences only.
        out.push_str(std::str::from_utf8(&buf[..written]).unwrap_or_default());
        match result {
            DecoderResult::InputEmpty => {
                if written > 0 {
                    map.unit(written, pos - pending);
                    pending = pos;
                }
                if last {
                    break;
                }
            }
            DecoderResult::Malformed(bad, extra) => {
                let bad_end = pos.saturating_sub(usize::from(extra)).max(pending);
                let bad_start = bad_end.saturating_sub(usize::from(bad)).max(pending);
                if written > 0 {
                    map.unit(written, bad_start - pending);
                }
                out.push(char::REPLACEMENT_CHARACTER);
                map.unit(char::REPLACEMENT_CHARACTER.len_utf8(), bad_end - bad_start);
                pending = bad_end;
                malformed += 1;
                first_bad.get_or_insert(start + bad_start);
            }
            DecoderResult::OutputFull => {
                // Cannot happen with 64 bytes of room for one input byte,
                // but if it did, the text written so far belongs to the
                // bytes read so far.
                if written > 0 {
                    map.unit(written, pos - pending);
                    pending = pos;
                }
            }
        }
    }
    if malformed > 1 + bytes.len() / MALFORMED_PER_BYTES {
        return Err(Error::Undecodable {
            encoding: encoding.name(),
            offset: first_bad.unwrap_or(start),
        });
    }
    Ok(Decoded {
        text: Cow::Owned(out),
        map: Some(map),
    })
}

/// The signatures of common binary formats a crawler fetches by mistake.
///
/// Hand-listed rather than taken from a file-type crate: those also match
/// two-byte signatures such as `BM` (bitmap) and `MZ` (executable), which
/// plain text starts with ("BMW shares…"). Every signature here has at least
/// four bytes or a non-text byte in it.
fn binary_signature(input: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG signature"),
        (b"\xff\xd8\xff", "JPEG signature"),
        (b"GIF87a", "GIF signature"),
        (b"GIF89a", "GIF signature"),
        (b"%PDF-", "PDF signature"),
        (b"PK\x03\x04", "ZIP signature"),
        (b"PK\x05\x06", "ZIP signature"),
        (b"\x1f\x8b\x08", "gzip signature"),
        (b"BZh", "bzip2 signature"),
        (b"\xfd7zXZ\x00", "xz signature"),
        (b"\x28\xb5\x2f\xfd", "zstd signature"),
        (b"7z\xbc\xaf\x27\x1c", "7-Zip signature"),
        (b"Rar!\x1a\x07", "RAR signature"),
        (b"\x7fELF", "ELF signature"),
        (b"\x00asm", "WebAssembly signature"),
        (b"OggS\x00", "Ogg signature"),
        (b"fLaC", "FLAC signature"),
        (b"wOFF", "WOFF signature"),
        (b"wOF2", "WOFF2 signature"),
        (b"\xca\xfe\xba\xbe", "Java class signature"),
        (b"SQLite format 3\x00", "SQLite signature"),
        (b"II*\x00", "TIFF signature"),
        (b"MM\x00*", "TIFF signature"),
    ];
    for (magic, what) in SIGNATURES {
        if input.starts_with(magic) {
            // "BZh" is only bzip2 with a block-size digit after it.
            if *magic == b"BZh" && !input.get(3).is_some_and(|b| (b'1'..=b'9').contains(b)) {
                continue;
            }
            return Some(what);
        }
    }
    if input.len() >= 12 && &input[0..4] == b"RIFF" {
        return Some("RIFF signature");
    }
    if input.len() >= 12 && &input[4..8] == b"ftyp" {
        return Some("MP4 signature");
    }
    None
}

/// UTF-16 without a BOM: in the first [`PRESCAN_BYTES`] bytes, at least half
/// of the odd (LE) or even (BE) bytes are NUL and almost none of the others
/// are. Only ASCII-range text is recognised this way; UTF-16 CJK text
/// without a BOM has too few NULs to tell.
fn sniff_utf16(input: &[u8]) -> Option<&'static Encoding> {
    let head = &input[..input.len().min(PRESCAN_BYTES) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd * 2 >= pairs && even * 16 <= pairs {
        Some(UTF_16LE)
    } else if even * 2 >= pairs && odd * 16 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Refuses input with more than one C0 control byte in [`CONTROL_SHARE`].
fn check_controls(input: &[u8]) -> Result<(), Error> {
    let is_control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1b);
    // One pass that the compiler vectorises; the slow search for the first
    // offending byte only runs on refusal.
    let controls = input.iter().filter(|&&b| is_control(b)).count();
    if controls > 0 && controls * CONTROL_SHARE > input.len() {
        let offset = input.iter().position(|&b| is_control(b)).unwrap_or(0);
        let what = if input[offset] == 0 {
            "NUL bytes"
        } else {
            "control bytes"
        };
        return Err(Error::Binary { what, offset });
    }
    Ok(())
}

/// Counts of a UTF-8 validation pass: non-ASCII characters that are well
/// formed, and bytes that are not.
struct Utf8Stats {
    multibyte: usize,
    invalid: usize,
}

fn utf8_stats(input: &[u8]) -> Utf8Stats {
    let mut stats = Utf8Stats {
        multibyte: 0,
        invalid: 0,
    };
    let mut rest = input;
    loop {
        let (valid, bad) = match std::str::from_utf8(rest) {
            Ok(_) => (rest.len(), 0),
            Err(e) => (
                e.valid_up_to(),
                e.error_len().unwrap_or(rest.len() - e.valid_up_to()),
            ),
        };
        stats.multibyte += rest[..valid].iter().filter(|&&b| b >= 0xc0).count();
        stats.invalid += bad;
        if bad == 0 {
            return stats;
        }
        rest = &rest[valid + bad..];
    }
}

/// The WHATWG "prescan a byte stream to determine its encoding" algorithm
/// over `head`: the encoding a `<meta charset>` or `<meta http-equiv>`
/// declares, if any. A declared UTF-16 means UTF-8 (the bytes were already
/// read as ASCII), `x-user-defined` means windows-1252, and a label that
/// maps to the "replacement" encoding is ignored, since decoding with it
/// would throw the text away.
pub(crate) fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while pos < head.len() {
        let rest = &head[pos..];
        if rest.starts_with(b"<!--") {
            // Past the first "-->" whose dashes may overlap the "<!--".
            let mut end = pos + 4;
            loop {
                if end >= head.len() {
                    return None;
                }
                if head[end] == b'>' && head[end - 1] == b'-' && head[end - 2] == b'-' {
                    break;
                }
                end += 1;
            }
            pos = end + 1;
            continue;
        }
        if rest.len() >= 6 && rest[..5].eq_ignore_ascii_case(b"<meta") && is_space_or_slash(rest[5])
        {
            pos += 6;
            match meta(head, &mut pos)? {
                Some(encoding) => return Some(encoding),
                None => continue,
            }
        }
        let tag_start = if rest.starts_with(b"</") { 2 } else { 1 };
        if rest[0] == b'<' && rest.get(tag_start).is_some_and(u8::is_ascii_alphabetic) {
            pos += tag_start;
            while pos < head.len() && !is_space(head[pos]) && head[pos] != b'>' {
                pos += 1;
            }
            while attribute(head, &mut pos)?.is_some() {}
            pos += 1;
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos += memchr::memchr(b'>', &head[pos..])? + 1;
            continue;
        }
        pos += 1;
    }
    None
}

/// The attributes of one `<meta>` (pos after `<meta` and one space or
/// slash). Outer `None`: the head ended; inner `None`: this meta declares
/// nothing usable.
#[allow(clippy::option_option)]
fn meta(head: &[u8], pos: &mut usize) -> Option<Option<&'static Encoding>> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma = None;
    let mut charset: Option<&'static Encoding> = None;
    while let Some((name, value)) = attribute(head, pos)? {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value.eq_ignore_ascii_case(b"content-type"),
            b"content" if charset.is_none() => {
                if let Some(found) = charset_from_content(&value) {
                    charset = Encoding::for_label(found);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Encoding::for_label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let usable = match need_pragma {
        None => false,
        Some(true) => got_pragma,
        Some(false) => true,
    };
    let encoding = charset.filter(|_| usable)?;
    Some(Some(if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else if encoding == X_USER_DEFINED {
        WINDOWS_1252
    } else if encoding == REPLACEMENT {
        return Some(None);
    } else {
        encoding
    }))
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn is_space_or_slash(b: u8) -> bool {
    is_space(b) || b == b'/'
}

/// The WHATWG "get an attribute" step: `Ok`-like outer `Some` while the head
/// lasts, inner `None` at the end of the tag.
#[allow(clippy::option_option, clippy::type_complexity)]
fn attribute(head: &[u8], pos: &mut usize) -> Option<Option<(Vec<u8>, Vec<u8>)>> {
    let at = |p: usize| head.get(p).copied();
    while is_space_or_slash(at(*pos)?) {
        *pos += 1;
    }
    if at(*pos)? == b'>' {
        return Some(None);
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    // The name.
    loop {
        let b = at(*pos)?;
        if b == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        }
        if is_space(b) {
            while is_space(at(*pos)?) {
                *pos += 1;
            }
            if at(*pos)? != b'=' {
                return Some(Some((name, value)));
            }
            *pos += 1;
            break;
        }
        if b == b'/' || b == b'>' {
            return Some(Some((name, value)));
        }
        name.push(b.to_ascii_lowercase());
        *pos += 1;
    }
    // The value.
    while is_space(at(*pos)?) {
        *pos += 1;
    }
    let b = at(*pos)?;
    if b == b'"' || b == b'\'' {
        loop {
            *pos += 1;
            let c = at(*pos)?;
            if c == b {
                *pos += 1;
                return Some(Some((name, value)));
            }
            value.push(c.to_ascii_lowercase());
        }
    }
    if b == b'>' {
        return Some(Some((name, value)));
    }
    loop {
        let c = at(*pos)?;
        if is_space(c) || c == b'>' {
            return Some(Some((name, value)));
        }
        value.push(c.to_ascii_lowercase());
        *pos += 1;
    }
}

/// The WHATWG "extract a character encoding from a meta element" step on a
/// `content` value such as `text/html; charset=ISO-8859-1`.
fn charset_from_content(content: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    loop {
        let found = content[pos..]
            .windows(7)
            .position(|w| w.eq_ignore_ascii_case(b"charset"))?;
        pos += found + 7;
        while content.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        if content.get(pos) != Some(&b'=') {
            continue;
        }
        pos += 1;
        while content.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        let b = *content.get(pos)?;
        if b == b'"' || b == b'\'' {
            let len = memchr::memchr(b, &content[pos + 1..])?;
            return Some(&content[pos + 1..pos + 1 + len]);
        }
        let len = content[pos..]
            .iter()
            .position(|&c| is_space(c) || c == b';')
            .unwrap_or(content.len() - pos);
        return Some(&content[pos..pos + len]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(head: &[u8]) -> Option<&'static str> {
        prescan(head).map(Encoding::name)
    }

    #[test]
    fn prescan_meta_charset() {
        assert_eq!(label(b"<meta charset=windows-1252>"), Some("windows-1252"));
        assert_eq!(label(b"<META CHARSET='Shift_JIS'>"), Some("Shift_JIS"));
        assert_eq!(label(b"<meta/charset=\"koi8-r\">"), Some("KOI8-R"));
        assert_eq!(label(b"<meta charset=latin1>"), Some("windows-1252"));
        assert_eq!(label(b"<meta charset=nonsense>"), None);
    }

    #[test]
    fn prescan_http_equiv() {
        let head = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">";
        assert_eq!(label(head), Some("EUC-KR"));
        let reversed = b"<meta content='text/html;charset=\"gbk\"' http-equiv=content-type>";
        assert_eq!(label(reversed), Some("GBK"));
        // `content` without the pragma declares nothing.
        assert_eq!(label(b"<meta content=\"text/html; charset=gbk\">"), None);
    }

    #[test]
    fn prescan_skips_comments_and_other_tags() {
        assert_eq!(
            label(b"<!-- <meta charset=gbk> --><meta charset=big5>"),
            Some("Big5")
        );
        assert_eq!(
            label(b"<div title='<meta charset=gbk>'><meta charset=big5>"),
            Some("Big5")
        );
        assert_eq!(label(b"<!--> <meta charset=gbk>"), Some("GBK"));
    }

    #[test]
    fn prescan_special_labels() {
        assert_eq!(label(b"<meta charset=utf-16le>"), Some("UTF-8"));
        assert_eq!(
            label(b"<meta charset=x-user-defined>"),
            Some("windows-1252")
        );
        assert_eq!(label(b"<meta charset=iso-2022-kr>"), None);
    }

    #[test]
    fn prescan_ends_quietly_on_truncation() {
        assert_eq!(label(b"<meta charset="), None);
        assert_eq!(label(b"<meta charset='gbk"), None);
        assert_eq!(label(b"<!-- never closed"), None);
        assert_eq!(label(b"<"), None);
        assert_eq!(label(b"</"), None);
    }

    #[test]
    fn content_charset() {
        assert_eq!(
            charset_from_content(b"text/html; charset=utf-8"),
            Some(&b"utf-8"[..])
        );
        assert_eq!(charset_from_content(b"charset = 'x y'"), Some(&b"x y"[..]));
        assert_eq!(charset_from_content(b"charsetcharset=a;b"), Some(&b"a"[..]));
        assert_eq!(charset_from_content(b"charset='unterminated"), None);
        assert_eq!(charset_from_content(b"nothing"), None);
    }

    #[test]
    fn offset_map_runs() {
        // "caf\xe9 x" in windows-1252.
        let d = decode_legacy(WINDOWS_1252, b"caf\xe9 x", 0).unwrap();
        assert_eq!(d.text, "café x");
        let map: Vec<usize> = (0..=d.text.len()).map(|i| d.original(i)).collect();
        // Offset 4 is inside "é" and rounds down to its start.
        assert_eq!(map, [0, 1, 2, 3, 3, 4, 5, 6]);
        assert_eq!(d.map.as_ref().unwrap().runs.len(), 3);
    }

    #[test]
    fn valid_utf8_is_borrowed() {
        let d = decode("plain text, ünïcödé".as_bytes()).unwrap();
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert!(d.map.is_none());
    }

    #[test]
    fn bom_utf8_is_borrowed_and_shifted() {
        let d = decode(b"\xef\xbb\xbfabc").unwrap();
        assert!(matches!(d.text, Cow::Borrowed("abc")));
        assert_eq!(d.original(0), 3);
        assert_eq!(d.original(3), 6);
    }

    #[test]
    fn utf16_without_bom() {
        let le: Vec<u8> = "Hello, world"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode(&le).unwrap();
        assert_eq!(d.text, "Hello, world");
        assert_eq!(d.original(5), 10);
        let be: Vec<u8> = "Hello, world"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&be).unwrap().text, "Hello, world");
    }

    #[test]
    fn stray_windows_1252_bytes_in_utf8() {
        let bytes = "Zoë said “hi” — "
            .bytes()
            .chain(*b"caf\xe9")
            .collect::<Vec<u8>>();
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Zoë said “hi” — café");
        assert_eq!(d.original(d.text.len()), bytes.len());
    }

    #[test]
    fn malformed_sparse_is_replaced_dense_is_refused() {
        // One bad Shift_JIS pair in a long text: U+FFFD at its offset.
        let mut bytes = b"<meta charset=shift_jis>".to_vec();
        bytes.extend(std::iter::repeat_n(b"\x93\xfa\x96\x7b ".as_slice(), 100).flatten());
        let bad_at = bytes.len();
        bytes.extend(b"\x81\x20 end");
        let d = decode(&bytes).unwrap();
        let fffd = d.text.find('\u{fffd}').unwrap();
        assert_eq!(d.original(fffd), bad_at);
        // Broken every few bytes: refused, naming the encoding and offset.
        let mut dense = b"<meta charset=shift_jis>".to_vec();
        let first = dense.len();
        dense.extend(std::iter::repeat_n(b"\x81\x20".as_slice(), 50).flatten());
        assert_eq!(
            decode(&dense).unwrap_err(),
            Error::Undecodable {
                encoding: "Shift_JIS",
                offset: first
            }
        );
    }
}
