//! The WHATWG prescan: the encoding a `<meta>` in the first bytes declares.
//!
//! It reads the head with the crate's one HTML lexer
//! ([`Lexer::prescan`]), so what a tag, an attribute, a comment or a
//! doctype is has one definition here and in the HTML path. The lexer's
//! prescan mode ends a `<!--` comment only at `-->`, as the prescan does,
//! and the prescan never asks it for raw text, so `<script>` content is
//! read as markup, as the prescan reads it.
//!
//! One known difference from the standard's prescan, kept on purpose: the
//! prescan ends a tag's name at whitespace or `>` only, while the lexer
//! (like the tokenizer) also ends it at `/`. The two readings differ only
//! on a malformed tag with a `/` in its name followed by a quoted value
//! holding whitespace or `>`, such as `<a/b="x><meta charset=gbk>">`, where
//! the prescan sees a `<meta>` that the parser puts inside an attribute
//! value (and the other way round). Such a tag before the `<meta>` of a
//! real page is unheard of, and reading it as the parser does keeps one
//! definition of a tag; `a_slash_in_a_tag_name_reads_as_the_parser_reads_it`
//! pins the choice.

use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

use crate::html::lexer::{Lexer, Tag, Token, is_space};

/// The WHATWG "prescan a byte stream to determine its encoding" algorithm
/// over `head`: the encoding a `<meta charset>` or `<meta http-equiv>`
/// declares, if any. A declared UTF-16 means UTF-8 (the bytes were already
/// read as ASCII), `x-user-defined` means windows-1252, and a label that
/// maps to the "replacement" encoding is ignored, since decoding with it
/// would throw the text away. A `<meta>` that declares nothing usable is
/// passed over. A tag, comment or doctype that `head` cuts off ends the
/// prescan without an answer, as the standard's does.
pub(crate) fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    for token in Lexer::prescan(head) {
        match token {
            Token::StartTag(tag) if head[tag.name].eq_ignore_ascii_case(b"meta") => {
                if let Some(encoding) = meta(head, &tag) {
                    return Some(encoding);
                }
            }
            Token::EofInTag(_) => return None,
            Token::Comment(span) | Token::Doctype(span) if cut_off(&head[span]) => return None,
            _ => {}
        }
    }
    None
}

/// Whether a comment or doctype runs to the end of the input rather than
/// to its own end: `-->` for a `<!--` comment, `>` for the others.
fn cut_off(markup: &[u8]) -> bool {
    if markup.starts_with(b"<!--") {
        !markup.ends_with(b"-->")
    } else {
        markup.last() != Some(&b'>')
    }
}

/// The encoding one `<meta>` declares, if it declares a usable one.
fn meta(head: &[u8], tag: &Tag) -> Option<&'static Encoding> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma = None;
    let mut charset: Option<&'static Encoding> = None;
    tag.each_attribute(head, |attribute| {
        let name = head[attribute.name].to_ascii_lowercase();
        if seen.contains(&name) {
            return;
        }
        let value = attribute
            .value
            .map_or_else(Vec::new, |value| head[value].to_ascii_lowercase());
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
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
    });
    let usable = match need_pragma {
        None => false,
        Some(true) => got_pragma,
        Some(false) => true,
    };
    let encoding = charset.filter(|_| usable)?;
    if encoding == UTF_16LE || encoding == UTF_16BE {
        Some(UTF_8)
    } else if encoding == X_USER_DEFINED {
        Some(WINDOWS_1252)
    } else if encoding == REPLACEMENT {
        None
    } else {
        Some(encoding)
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
    fn a_tag_cut_off_ends_the_prescan() {
        assert_eq!(label(b"<div class='x"), None);
        assert_eq!(label(b"</p id=\"<meta charset=gbk>"), None);
        assert_eq!(label(b"<meta charset=gbk"), None);
        // Attributes of a tag are not tags, even when it is cut off.
        assert_eq!(label(b"<a title='<meta charset=gbk>"), None);
    }

    #[test]
    fn a_comment_cut_off_ends_the_prescan() {
        assert_eq!(label(b"<!-- <meta charset=gbk>"), None);
        // Only `-->` ends a comment here, not the tokenizer's `--!>`.
        assert_eq!(label(b"<!-- x --!><meta charset=gbk>"), None);
        assert_eq!(label(b"<!-- x --!> --><meta charset=gbk>"), Some("GBK"));
        // `<!-->` and `<!--->` end where they start.
        assert_eq!(label(b"<!--><meta charset=gbk>"), Some("GBK"));
        assert_eq!(label(b"<!---><meta charset=gbk>"), Some("GBK"));
        // Bogus comments run to the next `>`, or cut off to the end.
        assert_eq!(
            label(b"<?xml version='1.0'?><meta charset=gbk>"),
            Some("GBK")
        );
        assert_eq!(label(b"</ x><meta charset=gbk>"), Some("GBK"));
        assert_eq!(label(b"<! <meta charset=gbk"), None);
        assert_eq!(label(b"<?php <meta charset=gbk"), None);
    }

    #[test]
    fn a_doctype_cut_off_ends_the_prescan() {
        assert_eq!(label(b"<!DOCTYPE html><meta charset=gbk>"), Some("GBK"));
        assert_eq!(label(b"<!doctype html PUBLIC '<meta charset=gbk'"), None);
        assert_eq!(label(b"<!DOCTYPE"), None);
    }

    #[test]
    fn script_content_is_read_as_markup() {
        // The prescan knows no raw text: a `<meta>` written inside a script
        // counts, as it does for the standard's prescan.
        assert_eq!(
            label(b"<script>document.write('<meta charset=gbk>')</script>"),
            Some("GBK")
        );
    }

    #[test]
    fn a_meta_that_declares_nothing_does_not_end_the_prescan() {
        assert_eq!(
            label(b"<meta name=viewport><meta charset=gbk>"),
            Some("GBK")
        );
        assert_eq!(
            label(b"<meta http-equiv=X-UA-Compatible content='IE=edge'><meta charset=gbk>"),
            Some("GBK")
        );
        assert_eq!(
            label(b"<meta charset=bogus><meta charset=gbk>"),
            Some("GBK")
        );
        assert_eq!(
            label(b"<meta charset=iso-2022-kr><meta charset=gbk>"),
            Some("GBK")
        );
        assert_eq!(label(b"<meta><meta charset=gbk>"), Some("GBK"));
    }

    #[test]
    fn the_first_of_each_attribute_counts() {
        assert_eq!(label(b"<meta charset=gbk charset=big5>"), Some("GBK"));
        assert_eq!(label(b"<meta CHARSET=gbk Charset=big5>"), Some("GBK"));
        let head = b"<meta http-equiv=refresh http-equiv=content-type content='charset=gbk'>";
        assert_eq!(label(head), None);
        // An attribute without a value is empty.
        assert_eq!(label(b"<meta charset><meta charset=gbk>"), Some("GBK"));
        assert_eq!(label(b"<meta http-equiv content='charset=gbk'>"), None);
    }

    #[test]
    fn a_slash_in_a_tag_name_reads_as_the_parser_reads_it() {
        // The standard's prescan ends this name at the `>` inside the quotes
        // (`a/b="x`) and then finds the `<meta>`; the lexer, like the
        // tokenizer, ends it at `/` and reads `<meta charset=gbk>` as part of
        // an attribute value. Chosen on purpose: see the module doc.
        assert_eq!(label(b"<a/b=\"x><meta charset=gbk>\">"), None);
        // And the other way round: the prescan reads `y=' z"><meta …>'` as
        // one attribute, the parser finds the `<meta>`.
        assert_eq!(label(b"<a/b=\"x y=' z\"><meta charset=gbk>'>"), Some("GBK"));
        // Well-formed tags with a `/` read the same either way.
        assert_eq!(label(b"<br/><link/rel=x><meta/charset=gbk>"), Some("GBK"));
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
}
