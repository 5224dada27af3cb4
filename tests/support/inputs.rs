//! Generators of hostile inputs, shared by `tests/hostile.rs` and
//! `examples/hostile_timing.rs` (which includes this file by path) so the
//! figures in the README measure exactly what the tests check.

#![allow(dead_code)]

/// A sentence of ordinary prose, 60 bytes, for filling large inputs.
pub const SENTENCE: &str = "The council approved the budget after a long debate today. ";

/// Plain text: `bytes` of prose on one line, no line break at all.
pub fn single_line_text(bytes: usize) -> String {
    SENTENCE.repeat(bytes / SENTENCE.len() + 1)[..bytes / SENTENCE.len() * SENTENCE.len()]
        .to_string()
}

/// HTML: one `<p>` holding `bytes` of prose on one line.
pub fn single_line_html(bytes: usize) -> String {
    format!(
        "<html><body><p>{}</p></body></html>",
        single_line_text(bytes)
    )
}

/// Plain text: `lines` lines of one letter each.
pub fn tiny_lines_text(lines: usize) -> String {
    "a\n".repeat(lines)
}

/// HTML: `lines` paragraphs of one letter each.
pub fn tiny_lines_html(lines: usize) -> String {
    format!("<html><body>{}</body></html>", "<p>a</p>\n".repeat(lines))
}

/// `depth` nested unclosed `<tag>`s around one sentence.
pub fn nested_open(tag: &str, depth: usize) -> String {
    format!(
        "<html><body>{}{}</body></html>",
        format!("<{tag}>").repeat(depth),
        SENTENCE.trim_end()
    )
}

/// `depth` nested `<tag>`s around one sentence, all closed again.
pub fn nested_closed(tag: &str, depth: usize) -> String {
    format!(
        "<html><body>{}{}{}</body></html>",
        format!("<{tag}>").repeat(depth),
        SENTENCE.trim_end(),
        format!("</{tag}>").repeat(depth)
    )
}

/// Tag soup: `n` repetitions of a paragraph whose inline and list elements
/// are never closed; the next `<p>` closes them all.
pub fn unclosed_tags(n: usize) -> String {
    let unit = "<p>Unclosed paragraph with some words in it. <span>a span <a href=\"/x\">a link <em>emphasis <li>an item <b><i>bold italic <td>a stray cell ";
    format!("<html><body><div>{}", unit.repeat(n))
}

/// Tag soup that nests: unclosed blocks inside unclosed table cells, each
/// repetition one level deeper in the parsed tree.
pub fn unclosed_nesting_tags(n: usize) -> String {
    let unit = "<p>Unclosed paragraph with some words in it. <div><span><a href=\"/x\">a link <table><tr><td>a cell <li>an item <b><i>bold italic ";
    format!("<html><body>{}", unit.repeat(n))
}

/// One element whose `class` attribute is `bytes` long, then a paragraph.
pub fn huge_attribute(bytes: usize) -> String {
    format!(
        "<html><body><div class=\"{}\" data-x='{}'><p>{}</p></div></body></html>",
        "x ".repeat(bytes / 4),
        "y".repeat(bytes / 2),
        SENTENCE.trim_end()
    )
}

/// A page that is nothing but navigation: menus of links, an empty
/// article.
pub fn all_navigation_html(links: usize) -> String {
    let mut s = String::from("<html><head><title>Site</title></head><body><nav><ul>");
    for i in 0..links {
        s.push_str(&format!(
            "<li><a href=\"/section/{i}\">Section {i}</a></li>"
        ));
    }
    s.push_str(
        "</ul></nav><article></article><footer><a href=\"/about\">About</a></footer></body></html>",
    );
    s
}

/// Plain text that is nothing but a site's menu, `copies` times.
pub fn all_navigation_text(copies: usize) -> String {
    "Home\nNews\nWorld\nBusiness\nSport\nOpinion\nPrevious Story\nNext Story\n\
     Share on Facebook\nShare on Twitter\nSubscribe to our newsletter\nGo to Top\n\
     About us\nContact\nPrivacy Policy\n© 2024 The Daily. All rights reserved.\n\n"
        .repeat(copies)
}

/// A page that is all article: `paragraphs` paragraphs of prose.
pub fn all_body_html(paragraphs: usize) -> String {
    let mut s = String::from("<html><body><article>");
    for i in 0..paragraphs {
        s.push_str(&format!(
            "<p>Paragraph {i}: {}{}</p>\n",
            SENTENCE,
            SENTENCE.trim_end()
        ));
    }
    s.push_str("</article></body></html>");
    s
}

/// Plain text that is all article.
pub fn all_body_text(paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|i| format!("Paragraph {i}: {}{}\n\n", SENTENCE, SENTENCE.trim_end()))
        .collect()
}

/// UTF-8 prose with a windows-1252 byte pasted in every `every` bytes.
pub fn mixed_encodings(bytes: usize, every: usize) -> Vec<u8> {
    let text = "Zoë’s café in Malmö reopened. ".repeat(bytes / 30 + 1);
    let mut out = Vec::with_capacity(bytes + bytes / every + 1);
    for (i, b) in text.bytes().take(bytes).enumerate() {
        out.push(b);
        if i % every == every - 1 && b == b' ' {
            out.push(0xe9);
        }
    }
    out
}

/// Bytes of a legacy encoding: windows-1252 prose of `bytes` bytes.
pub fn windows_1252(bytes: usize) -> Vec<u8> {
    b"Un caf\xe9 au lait, s'il vous pla\xeet, dit-il \xe0 la terrasse.\n"
        .repeat(bytes / 60 + 1)
        .into_iter()
        .take(bytes)
        .collect()
}

/// One `<div>` with `n` distinct attributes around one sentence.
pub fn many_attributes(n: usize) -> String {
    let attrs: String = (0..n).map(|i| format!(" a{i}")).collect();
    format!(
        "<html><body><div{attrs}>{}</div></body></html>",
        SENTENCE.trim_end()
    )
}

/// `n` repetitions of `unit` (start tags whose end tags the parser implies)
/// around one sentence.
pub fn repeated(unit: &str, n: usize) -> String {
    format!(
        "<html><body>{}{}</body></html>",
        unit.repeat(n),
        SENTENCE.trim_end()
    )
}
