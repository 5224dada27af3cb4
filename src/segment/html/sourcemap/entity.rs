//! Character references, decoded as the HTML tokenizer decodes them, with
//! the number of source bytes each came from.

/// One decoded source character (or two, for the few entities that expand
/// to two code points) and the bytes it came from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Decoded {
    pub(crate) c: char,
    pub(crate) c2: Option<char>,
    pub(crate) len: usize,
}

/// Decodes the character reference at `s[i..]` (where `s[i] == b'&'`) the
/// way the HTML tokenizer does, or `None` when the `&` stands for itself.
/// In attribute values a legacy name without `;` followed by an alphanumeric
/// or `=` is not a reference.
pub(crate) fn char_ref(s: &[u8], i: usize, in_attr: bool) -> Option<Decoded> {
    let b = *s.get(i + 1)?;
    if b == b'#' {
        let (hex, mut j) = match s.get(i + 2) {
            Some(b'x' | b'X') => (true, i + 3),
            _ => (false, i + 2),
        };
        let digits_start = j;
        let mut value: u32 = 0;
        while let Some(&d) = s.get(j) {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' if hex => d - b'a' + 10,
                b'A'..=b'F' if hex => d - b'A' + 10,
                _ => break,
            };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(u32::from(v));
            j += 1;
        }
        if j == digits_start {
            return None;
        }
        if s.get(j) == Some(&b';') {
            j += 1;
        }
        let c = match value {
            0 => '\u{fffd}',
            0x80..=0x9f => web_atoms::C1_REPLACEMENTS[(value - 0x80) as usize]
                .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{fffd}')),
            v => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        return Some(Decoded {
            c,
            c2: None,
            len: j - i,
        });
    }
    if !b.is_ascii_alphanumeric() {
        return None;
    }
    let mut best: Option<(usize, (u32, u32))> = None;
    let mut j = i + 2;
    // The longest entity name is 32 bytes with its ';'.
    while j <= s.len() && j - i <= 34 {
        let key = &s[i + 1..j];
        if !key
            .last()
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b';')
        {
            break;
        }
        // Keys are ASCII here, so this cannot fail.
        let Ok(k) = std::str::from_utf8(key) else {
            break;
        };
        match web_atoms::NAMED_ENTITIES.get(k) {
            None => break,
            Some(&(0, _)) => {}
            Some(&v) => best = Some((j, v)),
        }
        if key.last() == Some(&b';') {
            break;
        }
        j += 1;
    }
    let (end, (c1, c2)) = best?;
    if in_attr
        && s[end - 1] != b';'
        && s.get(end)
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'=')
    {
        return None;
    }
    Some(Decoded {
        c: char::from_u32(c1)?,
        c2: if c2 == 0 { None } else { char::from_u32(c2) },
        len: end - i,
    })
}

/// Decodes the source character at `i`, as the tokenizer would in data.
/// CR LF and a lone CR both become LF.
#[inline]
pub(crate) fn decode_at(src: &str, i: usize, in_attr: bool) -> Decoded {
    let s = src.as_bytes();
    let b = s[i];
    if b == b'&' {
        if let Some(d) = char_ref(s, i, in_attr) {
            return d;
        }
    } else if b == b'\r' {
        let len = if s.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
        return Decoded {
            c: '\n',
            c2: None,
            len,
        };
    }
    if b < 0x80 {
        return Decoded {
            c: b as char,
            c2: None,
            len: 1,
        };
    }
    let c = src[i..].chars().next().unwrap_or('\u{fffd}');
    Decoded {
        c,
        c2: None,
        len: c.len_utf8(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_decode() {
        let d = char_ref(b"&amp;x", 0, false).unwrap();
        assert_eq!((d.c, d.len), ('&', 5));
        let d = char_ref(b"&ampx", 0, false).unwrap();
        assert_eq!((d.c, d.len), ('&', 4));
        assert!(char_ref(b"&ampx", 0, true).is_none());
        let d = char_ref(b"&#x41;", 0, false).unwrap();
        assert_eq!((d.c, d.len), ('A', 6));
        let d = char_ref(b"&#150;", 0, false).unwrap();
        assert_eq!(d.c, '\u{2013}');
        assert!(char_ref(b"&zzz;", 0, false).is_none());
    }
}
