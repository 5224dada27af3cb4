//! The WHATWG prescan: the encoding a `<meta>` in the first bytes declares.

use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// The WHATWG "prescan a byte stream to determine its encoding" algorithm
/// over `head`: the encoding a `<meta charset>` or `<meta http-equiv>`
/// declares, if any. A declared UTF-16 means UTF-8 (the bytes were already
/// read as ASCII), `x-user-defined` means windows-1252, and a label that
/// maps to the "replacement" encoding is ignored, since decoding with it
/// would throw the text away.
pub(crate) fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while pos < head.len() {
        let rest = &head[pos..];
        if rest.starts_with(b"<!--") {
            // Past the first "-->" whose dashes may overlap the "<!--".
            let mut end = pos + 4;
            loop {
                if end >= head.len() {
                    return None;
                }
                if head[end] == b'>' && head[end - 1] == b'-' && head[end - 2] == b'-' {
                    break;
                }
                end += 1;
            }
            pos = end + 1;
            continue;
        }
        if rest.len() >= 6 && rest[..5].eq_ignore_ascii_case(b"<meta") && is_space_or_slash(rest[5])
        {
            pos += 6;
            match meta(head, &mut pos)? {
                Some(encoding) => return Some(encoding),
                None => continue,
            }
        }
        let tag_start = if rest.starts_with(b"</") { 2 } else { 1 };
        if rest[0] == b'<' && rest.get(tag_start).is_some_and(u8::is_ascii_alphabetic) {
            pos += tag_start;
            while pos < head.len() && !is_space(head[pos]) && head[pos] != b'>' {
                pos += 1;
            }
            while attribute(head, &mut pos)?.is_some() {}
            pos += 1;
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos += memchr::memchr(b'>', &head[pos..])? + 1;
            continue;
        }
        pos += 1;
    }
    None
}

/// The attributes of one `<meta>` (pos after `<meta` and one space or
/// slash). Outer `None`: the head ended; inner `None`: this meta declares
/// nothing usable.
#[allow(clippy::option_option)]
fn meta(head: &[u8], pos: &mut usize) -> Option<Option<&'static Encoding>> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma = None;
    let mut charset: Option<&'static Encoding> = None;
    while let Some((name, value)) = attribute(head, pos)? {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value.eq_ignore_ascii_case(b"content-type"),
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
    }
    let usable = match need_pragma {
        None => false,
        Some(true) => got_pragma,
        Some(false) => true,
    };
    // A meta that declares nothing is passed over, not the end of the head.
    let Some(encoding) = charset.filter(|_| usable) else {
        return Some(None);
    };
    Some(Some(if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else if encoding == X_USER_DEFINED {
        WINDOWS_1252
    } else if encoding == REPLACEMENT {
        return Some(None);
    } else {
        encoding
    }))
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn is_space_or_slash(b: u8) -> bool {
    is_space(b) || b == b'/'
}

/// The WHATWG "get an attribute" step: `Ok`-like outer `Some` while the head
/// lasts, inner `None` at the end of the tag.
#[allow(clippy::option_option, clippy::type_complexity)]
fn attribute(head: &[u8], pos: &mut usize) -> Option<Option<(Vec<u8>, Vec<u8>)>> {
    let at = |p: usize| head.get(p).copied();
    while is_space_or_slash(at(*pos)?) {
        *pos += 1;
    }
    if at(*pos)? == b'>' {
        return Some(None);
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    // The name.
    loop {
        let b = at(*pos)?;
        if b == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        }
        if is_space(b) {
            while is_space(at(*pos)?) {
                *pos += 1;
            }
            if at(*pos)? != b'=' {
                return Some(Some((name, value)));
            }
            *pos += 1;
            break;
        }
        if b == b'/' || b == b'>' {
            return Some(Some((name, value)));
        }
        name.push(b.to_ascii_lowercase());
        *pos += 1;
    }
    // The value.
    while is_space(at(*pos)?) {
        *pos += 1;
    }
    let b = at(*pos)?;
    if b == b'"' || b == b'\'' {
        loop {
            *pos += 1;
            let c = at(*pos)?;
            if c == b {
                *pos += 1;
                return Some(Some((name, value)));
            }
            value.push(c.to_ascii_lowercase());
        }
    }
    if b == b'>' {
        return Some(Some((name, value)));
    }
    loop {
        let c = at(*pos)?;
        if is_space(c) || c == b'>' {
            return Some(Some((name, value)));
        }
        value.push(c.to_ascii_lowercase());
        *pos += 1;
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
