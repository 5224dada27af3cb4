//! What the bytes themselves say: binary signatures, UTF-16 without a BOM,
//! control bytes, and how much of the input is valid UTF-8.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

use super::{CONTROL_SHARE, PRESCAN_BYTES};
use crate::vocab::Error;

/// The signatures of common binary formats a crawler fetches by mistake.
///
/// Hand-listed rather than taken from a file-type crate: those also match
/// two-byte signatures such as `BM` (bitmap) and `MZ` (executable), which
/// plain text starts with ("BMW shares…"). Every signature here has at least
/// four bytes or a non-text byte in it.
pub(super) fn binary_signature(input: &[u8]) -> Option<&'static str> {
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
pub(super) fn sniff_utf16(input: &[u8]) -> Option<&'static Encoding> {
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

/// Of the characters UTF-16 text decodes to, at least this share (in
/// tenths) must be letters, digits, spaces or punctuation for
/// [`sniff_utf16_text`] to call the bytes UTF-16. Text in any script is
/// nearly all of those; random bytes read as UTF-16 give about half
/// (private-use, unassigned and symbol code points fill the rest), and
/// unpaired surrogates stop them sooner still.
const UTF16_TEXT_TENTHS: usize = 9;

/// UTF-16 without a BOM whose text is not ASCII (Cyrillic, Greek, Arabic,
/// CJK…), which [`sniff_utf16`] cannot see: its high bytes are not NUL.
/// Asked only about input that would otherwise be refused for its control
/// bytes (the high bytes of Cyrillic are 0x04, of CJK text's low bytes one
/// in eight is below 0x20), so it never overrides a reading that works.
/// The head must decode without a malformed unit and without control
/// characters, and read almost entirely as text in one byte order only.
pub(super) fn sniff_utf16_text(input: &[u8]) -> Option<&'static Encoding> {
    let head = &input[..input.len().min(PRESCAN_BYTES) & !1];
    if head.len() < 4 {
        return None;
    }
    let textlike = |encoding: &'static Encoding| -> bool {
        let (text, malformed) = encoding.decode_without_bom_handling(head);
        // A surrogate pair cut by the end of the head is not damage.
        let text = text.strip_suffix('\u{fffd}').unwrap_or(&text);
        if malformed && text.contains('\u{fffd}') {
            return false;
        }
        let mut chars = 0;
        let mut good = 0;
        for c in text.chars() {
            chars += 1;
            if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
                return false;
            }
            if c.is_alphanumeric()
                || c.is_whitespace()
                || c.is_ascii_punctuation()
                || matches!(c, '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
            {
                good += 1;
            }
        }
        chars > 0 && good * 10 >= chars * UTF16_TEXT_TENTHS
    };
    match (textlike(UTF_16LE), textlike(UTF_16BE)) {
        (true, false) => Some(UTF_16LE),
        (false, true) => Some(UTF_16BE),
        _ => None,
    }
}

/// Refuses input with more than one C0 control byte in [`CONTROL_SHARE`].
pub(super) fn check_controls(input: &[u8]) -> Result<(), Error> {
    // Below 0x20 and none of 0x09..=0x0d and 0x1b, written as comparisons
    // so that the count below is vectorised one byte a lane.
    let is_control = |b: u8| b < 0x20 && b.wrapping_sub(0x09) > 4 && b != 0x1b;
    // One pass, counted in byte lanes a chunk at a time (a chunk's count
    // fits a byte); the slow search for the first offending byte only runs
    // on refusal.
    let controls: usize = input
        .chunks(255)
        .map(|c| usize::from(c.iter().map(|&b| u8::from(is_control(b))).sum::<u8>()))
        .sum();
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
pub(super) struct Utf8Stats {
    pub(super) multibyte: usize,
    pub(super) invalid: usize,
}

pub(super) fn utf8_stats(input: &[u8]) -> Utf8Stats {
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
