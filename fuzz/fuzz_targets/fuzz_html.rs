//! HTML through `clean_html`: never a panic, limits reported with their
//! values, and the SourceSpan contract on every result.
#![no_main]

use arbitrary::Arbitrary;
use deboiler_fuzz::{Options, check_html};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    options: Options,
    html: String,
}

fuzz_target!(|input: Input| {
    let Some(cleaner) = input.options.cleaner() else { return };
    match cleaner.clean_html(&input.html) {
        Ok(article) => {
            check_html(&input.html, &article);
            input.options.check_policy(&article);
        }
        Err(e) => input.options.check_error(&e, input.html.len()),
    }
});
