//! Plain text through `clean_text` and `clean`: never a panic, and the
//! plain-text span contract on every result.
#![no_main]

use arbitrary::Arbitrary;
use deboiler_fuzz::{Options, check_html, check_text};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    options: Options,
    text: String,
}

fuzz_target!(|input: Input| {
    let Some(cleaner) = input.options.cleaner() else { return };
    match cleaner.clean_text(&input.text) {
        Ok(article) => {
            check_text(&input.text, &article);
            input.options.check_policy(&article);
        }
        Err(e) => input.options.check_error(&e, input.text.len()),
    }
    match cleaner.clean(&input.text) {
        Ok(article) if deboiler::looks_like_html(&input.text) => check_html(&input.text, &article),
        Ok(article) => check_text(&input.text, &article),
        Err(e) => input.options.check_error(&e, input.text.len()),
    }
});
