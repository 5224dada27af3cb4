//! Differential: html5ever's tree builder fed by deboiler's own lexer
//! (src/segment/html/feed.rs) must build the tree html5ever's tokenizer
//! builds, node for node, on any page the feed takes, and on the copy the
//! strip hands the parser. A page the feed declines is parsed by html5ever
//! alone and needs no check.
#![no_main]

use libfuzzer_sys::fuzz_target;

// The hook exists only where the crate is built with `--cfg fuzzing`, as
// cargo-fuzz (and fuzz/README.md's plain recipe) builds it; a plain
// `cargo check` of this crate (CI) compiles the target without it.
fuzz_target!(|data: &[u8]| {
    if let Ok(page) = std::str::from_utf8(data) {
        #[cfg(fuzzing)]
        deboiler::fuzzing::check_feed(page);
        #[cfg(not(fuzzing))]
        let _ = page;
    }
});
