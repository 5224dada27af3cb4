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
//!    Unless it reads as UTF-16 text in one byte order (Cyrillic, CJK… in
//!    UTF-16 without a BOM have such bytes in every other position): then
//!    it is decoded as that.
//! 5. A `<meta charset>` or `<meta http-equiv="Content-Type">` in the first
//!    1024 bytes ([WHATWG prescan]) names the encoding. Two exceptions: when
//!    the declared encoding is an ASCII-compatible legacy one but the bytes
//!    are valid UTF-8 with non-ASCII characters in them, they are UTF-8 (a
//!    scraper that re-encoded the page as UTF-8 leaves the old declaration
//!    behind, and legacy text that happens to be valid UTF-8 is vanishingly
//!    rare); and when UTF-8 is declared but the bytes contradict it (more
//!    invalid bytes than well-formed non-ASCII characters, as a template's
//!    `<meta charset=utf-8>` over windows-1251 or Shift_JIS bytes gives), the
//!    declaration is ignored and steps 7–8 decide.
//! 6. Valid UTF-8 is borrowed as it is, without a copy.
//! 7. Mostly-valid UTF-8 (more well-formed non-ASCII characters than stray
//!    bytes) is UTF-8 with stray bytes pasted in from a legacy encoding:
//!    each stray byte is decoded as windows-1252, the encoding such pastes
//!    nearly always come from. No byte is lost.
//! 8. Anything else is sniffed with `chardetng` (Firefox's detector).
//!
//! Whenever the decoded text differs from the input bytes, an [`OffsetMap`]
//! records where every decoded character came from, and
//! [`Decoded::span_map`] rewrites the spans of an article to offsets into the
//! original bytes.
//!
//! [WHATWG prescan]: https://html.spec.whatwg.org/multipage/parsing.html#prescan-a-byte-stream-to-determine-its-encoding

use std::borrow::Cow;

use encoding_rs::{DecoderResult, Encoding, REPLACEMENT, UTF_8, WINDOWS_1252, X_USER_DEFINED};

use crate::vocab::{Error, Span};

mod offsets;
mod prescan;
mod sniff;

use offsets::OffsetMap;
pub(crate) use prescan::prescan;
use sniff::{binary_signature, check_controls, sniff_utf16, sniff_utf16_text, utf8_stats};

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
    /// The function that rewrites a span of the decoded text into a span of
    /// the original bytes, or `None` when decoding kept every offset.
    pub(crate) fn span_map(&self) -> Option<impl Fn(Span) -> Span + '_> {
        self.map.as_ref().map(|map| {
            move |span: Span| Span {
                start: map.original(span.start),
                end: map.original(span.end),
            }
        })
    }

    /// The original byte offset of decoded byte offset `offset`.
    #[cfg(test)]
    fn original(&self, offset: usize) -> usize {
        self.map.as_ref().map_or(offset, |m| m.original(offset))
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
    if let Err(binary) = check_controls(input) {
        return match sniff_utf16_text(input) {
            Some(encoding) => decode_legacy(encoding, input, 0),
            None => Err(binary),
        };
    }
    if let Some((_, bom)) = Encoding::for_bom(input) {
        // Only the UTF-8 BOM is left: the UTF-16 ones returned above.
        return Ok(decode_utf8(input, bom));
    }
    if let Some(declared) = prescan(&input[..input.len().min(PRESCAN_BYTES)]) {
        if declared == UTF_8 {
            // Trusted unless the bytes contradict it: pages saved in
            // windows-1251, Shift_JIS, GBK or EUC-KR under a template's
            // `<meta charset=utf-8>` are mostly invalid UTF-8, and decoding
            // each bad byte as windows-1252 would garble them silently.
            // Those fall through to the detector below, as if undeclared.
            if let Some(valid) = borrowed_utf8(input) {
                return Ok(valid);
            }
            let stats = utf8_stats(input);
            if stats.multibyte >= stats.invalid {
                return Ok(decode_utf8(input, 0));
            }
        } else if declared.is_ascii_compatible() {
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
    if let Some(valid) = borrowed_utf8(input) {
        return Ok(valid);
    }
    let stats = utf8_stats(input);
    if stats.multibyte >= stats.invalid {
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
    if check_controls(input).is_err() {
        // Binary, or BOM-less UTF-16 that is not ASCII: `decode` tells.
        return decode(input);
    }
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

/// `input` borrowed as it is when it is valid UTF-8 (what [`decode_utf8`]
/// gives valid input without a BOM), checked in one pass: the counts of
/// [`utf8_stats`] only matter for invalid input.
fn borrowed_utf8(input: &[u8]) -> Option<Decoded<'_>> {
    let text = std::str::from_utf8(input).ok()?;
    Some(Decoded {
        text: Cow::Borrowed(text),
        map: None,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

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
