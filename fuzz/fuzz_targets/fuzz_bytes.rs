//! Bytes through `clean_bytes`: never a panic; spans inside the original
//! bytes and ordered; valid UTF-8 gives exactly what `clean` gives on the
//! same text; refusals point inside the input.
#![no_main]

use arbitrary::Arbitrary;
use deboiler::Error;
use deboiler_fuzz::{Options, check_order};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    options: Options,
    bytes: Vec<u8>,
}

fuzz_target!(|input: Input| {
    let Some(cleaner) = input.options.cleaner() else { return };
    let bytes = &input.bytes;
    match cleaner.clean_bytes(bytes) {
        Ok(article) => {
            check_order(&article, bytes.len());
            input.options.check_policy(&article);
            // Fast path equals general path: valid UTF-8 without a BOM,
            // NULs (which may make it UTF-16), other control bytes (refused
            // as binary unless they read as BOM-less UTF-16 text, as
            // "\x08]vw" does: two CJK characters) or a charset declaration
            // is cleaned exactly as the same `&str` is.
            if let Ok(text) = std::str::from_utf8(bytes) {
                let plain = !text.starts_with('\u{feff}')
                    && !text.contains(|c: char| c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
                    && !text.to_ascii_lowercase().contains("charset");
                if plain {
                    let direct = cleaner.clean(text).expect("clean_bytes succeeded");
                    let a: Vec<_> = article.blocks().iter().map(|b| (b.span(), b.text())).collect();
                    let b: Vec<_> = direct.blocks().iter().map(|b| (b.span(), b.text())).collect();
                    assert_eq!(a, b);
                }
            }
        }
        Err(Error::Binary { offset, .. } | Error::Undecodable { offset, .. }) => {
            assert!(offset < bytes.len().max(1), "offset {offset} past the input");
        }
        Err(e) => input.options.check_error(&e, bytes.len()),
    }
});
