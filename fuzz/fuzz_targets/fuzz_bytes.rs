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
            // NULs (which may make it UTF-16) or a charset declaration is
            // cleaned exactly as the same `&str` is.
            if let Ok(text) = std::str::from_utf8(bytes) {
                let plain = !text.starts_with('\u{feff}')
                    && !text.contains('\0')
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
