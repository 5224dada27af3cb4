//! Layer 2, input: is this HTML or plain text? The façade re-exports
//! [`looks_like_html`] and the cleaner calls it to pick a path.

/// Whether `input` looks like an HTML document rather than plain text: after
/// leading whitespace and a byte-order mark it starts with a doctype, a
/// comment or a tag, or it holds an `<html`, `<body`, `<head`, `<div` or `<p>`
/// tag near its start.
///
/// ```
/// assert!(deboiler::looks_like_html("  <!DOCTYPE html><title>x</title>"));
/// assert!(deboiler::looks_like_html("<p>Hello</p>"));
/// assert!(!deboiler::looks_like_html("Hello <world>, plain text"));
/// assert!(!deboiler::looks_like_html("5 < 6 and 7 > 3"));
/// ```
#[must_use]
pub fn looks_like_html(input: &str) -> bool {
    let head = input.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let bytes = head.as_bytes();
    if bytes.first() == Some(&b'<') {
        let next = bytes.get(1).copied().unwrap_or(b' ');
        if next == b'!' || next == b'?' || next.is_ascii_alphabetic() {
            return true;
        }
    }
    let window = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = window.iter().map(u8::to_ascii_lowercase).collect();
    [
        &b"<html"[..],
        b"<body",
        b"<head",
        b"<div",
        b"<p>",
        b"<!doctype",
    ]
    .iter()
    .any(|needle| memchr::memmem::find(&lower, needle).is_some())
}
