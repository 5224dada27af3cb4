//! Reading a publication date as written ("March 12, 2022", "12. März
//! 2022", "2022년 3월 12일", "2022-03-12T10:00:00+01:00") into ISO 8601.
//!
//! A date is only given when the text says it unambiguously: `03/04/2022`
//! could be March or April, and is left unread rather than guessed. The
//! calendar day is the one written; a time zone is kept, never applied.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::textutil::{LOW_BITS, ascii_bytes_in, bytes_in};

/// Years outside this range are not publication dates (a "1066" in a
/// history piece, a "9999" placeholder).
const MIN_YEAR: u32 = 1900;
const MAX_YEAR: u32 = 2100;

/// Month names and abbreviations in the corpus languages (en, de, fr, es,
/// it, pt, nl, id, ru with its genitive forms) and their numbers. Matched
/// lower-cased, with a trailing full stop removed.
const MONTH_NAMES: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("okt", 10),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Dutch (the names not written as above)
    ("maart", 3),
    ("augustus", 8),
    ("mrt", 3),
    // Indonesian
    ("januari", 1),
    ("februari", 2),
    ("maret", 3),
    ("mei", 5),
    ("agustus", 8),
    ("desember", 12),
    ("okt", 10),
    ("agu", 8),
    ("des", 12),
    // Russian, nominative and genitive
    ("январь", 1),
    ("января", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("март", 3),
    ("марта", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("май", 5),
    ("мая", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июль", 7),
    ("июля", 7),
    ("август", 8),
    ("августа", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("декабрь", 12),
    ("декабря", 12),
    ("янв", 1),
    ("фев", 2),
    ("мар", 3),
    ("апр", 4),
    ("авг", 8),
    ("сен", 9),
    ("окт", 10),
    ("ноя", 11),
    ("дек", 12),
];

/// Words that may stand between the parts of a date: "12 de março de
/// 2022", "March 12th", "12 марта 2022 г.".
const FILLERS: &[&str] = &["de", "del", "th", "st", "nd", "rd", "of", "le", "di"];

/// How many tokens after the month the year may come ("March 12th, 2022"
/// is month, day, "th", year).
const YEAR_REACH: usize = 4;

fn month_number(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    MONTHS_SORTED
        .binary_search_by(|&(n, _)| n.cmp(w))
        .ok()
        .map(|i| MONTHS_SORTED[i].1)
}

/// [`MONTH_NAMES`] sorted by name, each once (a name listed twice, as
/// "okt" is, has one number: test `month_names_agree`): every word of a
/// line with a year is looked up, and a search through the list in
/// order cost a comparison a name.
static MONTHS_SORTED: LazyLock<Vec<(&str, u32)>> = LazyLock::new(|| {
    let mut names = MONTH_NAMES.to_vec();
    names.sort_unstable();
    names.dedup_by_key(|&mut (n, _)| n);
    names
});

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// `YYYY-MM-DD`, when the three make a real day.
fn ymd(year: u32, month: u32, day: u32) -> Option<String> {
    ((MIN_YEAR..=MAX_YEAR).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month))
    .then(|| {
        // Written digit by digit: `format!` cost a thousand instructions.
        let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
        let mut iso = String::with_capacity(10);
        iso.extend([year / 1000, year / 100, year / 10, year].map(digit));
        iso.push('-');
        iso.extend([month / 10, month].map(digit));
        iso.push('-');
        iso.extend([day / 10, day].map(digit));
        iso
    })
}

/// Reads the first unambiguous date in `text` as ISO 8601: `YYYY-MM-DD`,
/// or `YYYY-MM-DDTHH:MM:SS` plus the offset (`Z` or `±HH:MM`) when the text
/// is an ISO date-time.
pub(crate) fn parse(text: &str) -> Option<String> {
    parse_in(text, || None)
}

/// [`parse`], with `03/01/2017` read in `order` when the page's other
/// numeric dates tell it (see [`numeric_order`]).
pub(crate) fn parse_in(text: &str, order: impl FnOnce() -> Option<NumericOrder>) -> Option<String> {
    // Every form read below but `cjk` holds its year as a run of exactly
    // four ASCII digits (`iso`, `first_numeric` and `words` all read one:
    // test `dates_hold_a_year_of_four_digits`); `cjk` holds a year sign
    // outside ASCII. Most lines asked hold neither.
    if !has_year_run(text.as_bytes()) {
        return if text.is_ascii() { None } else { cjk(text) };
    }
    iso(text)
        .or_else(|| cjk(text))
        .or_else(|| words(text))
        .or_else(|| numeric(text, order))
}

/// Whether `s` holds a run of exactly four ASCII digits, no digit on
/// either side: the only way a year reaches [`ymd`] but in [`cjk`].
/// Eight bytes at a time where they hold no digit ([`ascii_bytes_in`]), as most
/// of a line does: the byte loop was most of what [`parse_in`] cost.
fn has_year_run(s: &[u8]) -> bool {
    let mut run = 0;
    // Whether a run of four ends before `b`.
    let mut ends_year = |b: u8| {
        if b.is_ascii_digit() {
            run += 1;
            false
        } else if run == 4 {
            true
        } else {
            run = 0;
            false
        }
    };
    let mut chunks = s.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if ascii_bytes_in(x, b'0', b'9') == 0 {
            // Eight bytes without a digit: any run ends at the first.
            if ends_year(chunk[0]) {
                return true;
            }
        } else if chunk.iter().any(|&b| ends_year(b)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| ends_year(b)) || run == 4
}

/// Words that mark a date as the day the page was changed, not published,
/// in the corpus languages: "Updated Sep 5, 2024", "Last modified:",
/// "Aktualisiert am", "Mis à jour le", "Actualizado", "Aggiornato",
/// "Atualizado", "Bijgewerkt", "Обновлено". Matched lower-cased, as the
/// start of a word ("UpdatedJanuary 25" runs together).
const UPDATE_WORDS: &[&str] = &[
    "updated",
    "update",
    "modified",
    "revised",
    "reviewed",
    "aktualisiert",
    "geändert",
    "mis à jour",
    "modifié",
    "actualizado",
    "actualización",
    "modificado",
    "aggiornato",
    "aggiornamento",
    "modificato",
    "atualizado",
    "atualização",
    "bijgewerkt",
    "diperbarui",
    "обновлено",
    "изменено",
];

/// Whether the first date of `text` is a change's: an update word
/// ([`UPDATE_WORDS`]) stands before the first digit ("Updated Sep 5,
/// 2024", "By Jane Roe, last modified 2025-01-02"), where "December 3,
/// 2025. Updated: December 7, 2025" is a publication date first; on a
/// line of parts, before the first digit of the part that holds the date
/// (see [`dated_part`]).
pub(crate) fn is_update(text: &str) -> bool {
    let head = before_digit(dated_part(text));
    if head.is_ascii() {
        return UPDATE.is_match(head);
    }
    UPDATE.is_match(&head.to_lowercase())
}

/// Separators between stamps on one line ("Nov 19, 2019 • 2 min read",
/// "109 Comments | Last Updated: March 11, 2019").
pub(crate) const STAMP_SEPARATORS: [char; 3] = ['•', '|', '·'];

/// The part of a line of parts (split by [`STAMP_SEPARATORS`]) that holds
/// its first date; the whole line when it has one part, or when no part
/// holds a date.
fn dated_part(text: &str) -> &str {
    if !text.contains(STAMP_SEPARATORS) {
        return text;
    }
    text.split(STAMP_SEPARATORS)
        .find(|part| parse(part).is_some())
        .unwrap_or(text)
}

/// The text before the first ASCII digit of `text` (all of it when it has
/// none): where the words that label a date stand. Eight bytes at a time
/// ([`ascii_bytes_in`]): the metadata asks it of most lines near the story, and
/// a byte loop was the most of [`is_publication_label`]'s cost.
fn before_digit(text: &str) -> &str {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let digits = ascii_bytes_in(x, b'0', b'9');
        if digits != 0 {
            return &text[..i + (digits.trailing_zeros() / 8) as usize];
        }
        i += 8;
    }
    b[i..]
        .iter()
        .position(u8::is_ascii_digit)
        .map_or(text, |j| &text[..i + j])
}

/// Finds any of `words` (lower case) in a text lower-cased, or in an ASCII
/// text as written: a lower-cased text holds no ASCII capital (no
/// character lower-cases to one), so matching ASCII letters of either case
/// finds in it just what an exact match finds, and in an ASCII text what
/// an exact match finds in its lower-cased copy.
fn any_of(words: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .expect("the word lists are small")
}

/// [`UPDATE_WORDS`] for [`is_update`] and [`is_publication_label`].
static UPDATE: LazyLock<AhoCorasick> = LazyLock::new(|| any_of(UPDATE_WORDS));

/// [`PUBLICATION_WORDS`] anywhere, the quick test of [`is_publication_label`].
static PUBLICATION: LazyLock<AhoCorasick> = LazyLock::new(|| any_of(PUBLICATION_WORDS));

/// A part of each [`PUBLICATION_WORDS`] entry that a text outside ASCII
/// holds as written, ignoring ASCII case, when its lower-cased copy holds
/// the entry: an ASCII letter of the lower-cased copy comes from that
/// letter in either case, but for `k` (from the Kelvin sign) and an `i`
/// followed by U+0307 (from `İ`), so the parts hold no `k` and no final
/// `i`; `é` comes from `é` or `É`, and the Cyrillic letters from
/// themselves in either case.
const PUBLICATION_PARTS: &[&str] = &[
    "published",
    "posted",
    "erschienen",
    "publicad",
    "pubblicat",
    "gepubliceerd",
    "diterbit",
    "dipubl",
    "ffentlicht",
    "publié",
    "publiÉ",
];

/// [`PUBLICATION_PARTS`], and "публ" in each mix of cases (the start of
/// "опубликовано"): the quick test of [`is_publication_label`] for a head
/// outside ASCII.
static PUBLICATION_AS_WRITTEN: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let mut parts: Vec<String> = PUBLICATION_PARTS.iter().map(|p| p.to_string()).collect();
    let (lower, upper) = (['п', 'у', 'б', 'л'], ['П', 'У', 'Б', 'Л']);
    for mix in 0..16 {
        parts.push(
            (0..4)
                .map(|i| {
                    if mix >> i & 1 == 1 {
                        upper[i]
                    } else {
                        lower[i]
                    }
                })
                .collect(),
        );
    }
    any_of(&parts.iter().map(String::as_str).collect::<Vec<_>>())
});

/// Words that say a date is the day the page was published, in the corpus
/// languages: "Published", "Posted on", "Originally published on",
/// "Veröffentlicht am", "Publié le", "Publicado el", "Pubblicato il",
/// "Gepubliceerd op", "Diterbitkan", "Опубликовано". Matched lower-cased,
/// as the start of a word.
const PUBLICATION_WORDS: &[&str] = &[
    "published",
    "posted",
    "veröffentlicht",
    "erschienen",
    "publié",
    "publicado",
    "publicada",
    "pubblicato",
    "pubblicata",
    "gepubliceerd",
    "diterbitkan",
    "dipublikasikan",
    "опубликовано",
];

/// How many words may stand before the first digit of a line labelled as a
/// publication date: "This article was originally published on 26 Sep"
/// (the month counts). A sentence of the story that mentions a
/// publication ("The analysis, published online Feb. 16, 2023, by …") may
/// pass: the caller reads no body text.
const LABEL_WORDS: usize = 8;

/// Whether `text` labels its first date as the day of publication: a
/// publication word ([`PUBLICATION_WORDS`]) among the few words before the
/// first digit, and no update word ([`UPDATE_WORDS`]) nor "last" there
/// ("Last published Apr 8, 2024" is a site builder's latest change). A
/// line without a digit ("Posted on") is a label for the line after it.
pub(crate) fn is_publication_label(text: &str) -> bool {
    let head = before_digit(text);
    // A publication word starts a word of the lower-cased head, so stands
    // in it; an ASCII head is matched as written (see [`any_of`]), another
    // by a part of the word its lower-casing cannot make
    // ([`PUBLICATION_AS_WRITTEN`]).
    let ascii = head.is_ascii();
    // An ASCII head is first asked for the start of such a word: the lines
    // asked are short (18 bytes before the digit on average), and the
    // automaton's call cost more than this look at their bytes.
    if ascii && !starts_ascii_publication_word(head.as_bytes()) {
        return false;
    }
    let gate = if ascii {
        &*PUBLICATION
    } else {
        &*PUBLICATION_AS_WRITTEN
    };
    if !gate.is_match(head) {
        return false;
    }
    // Lower-casing never joins two words, so a head of too many words as
    // written has too many lower-cased; most lines asked are such.
    let written = head
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    if written.take(LABEL_WORDS + 1).count() > LABEL_WORDS {
        return false;
    }
    let head = head.to_lowercase();
    let words: Vec<&str> = head
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= LABEL_WORDS
        && words
            .iter()
            .any(|w| PUBLICATION_WORDS.iter().any(|p| w.starts_with(p)))
        && !words.contains(&"last")
        && !UPDATE.is_match(&head)
}

/// The first three letters of each of [`PUBLICATION_WORDS`] written in
/// ASCII (test `ascii_publication_starts`): the ways a word of an ASCII
/// text, lower-cased, can start one of them.
const ASCII_PUBLICATION_STARTS: [&[u8]; 6] = [b"pub", b"pos", b"ers", b"gep", b"dit", b"dip"];

/// Whether an ASCII `head` with no digit holds a word (a run of letters,
/// as [`is_publication_label`] splits it) that starts, ignoring case, as one
/// of [`ASCII_PUBLICATION_STARTS`]: the head of a publication label must.
/// Eight bytes at a time ([`bytes_in`]): the starts of words whose first
/// letter is one of theirs, then those few read.
fn starts_ascii_publication_word(head: &[u8]) -> bool {
    let is = |lower: u64, b: u8| bytes_in(lower, b, b);
    // Whether the byte before the eight being read is a letter, as the
    // high bit of the lowest byte.
    let mut letter_before = 0;
    let mut at = 0;
    let mut eight = |bytes: [u8; 8]| {
        let lower = u64::from_le_bytes(bytes) | (LOW_BITS * 0x20);
        let letters = bytes_in(lower, b'a', b'z');
        let starts = letters & !(letters << 8 | letter_before);
        letter_before = letters >> 56;
        let mut firsts =
            starts & (is(lower, b'p') | is(lower, b'e') | is(lower, b'g') | is(lower, b'd'));
        while firsts != 0 {
            let i = at + (firsts.trailing_zeros() / 8) as usize;
            if head.get(i..i + 3).is_some_and(|w| {
                ASCII_PUBLICATION_STARTS
                    .iter()
                    .any(|s| w.eq_ignore_ascii_case(s))
            }) {
                return true;
            }
            firsts &= firsts - 1;
        }
        at += 8;
        false
    };
    let mut chunks = head.chunks_exact(8);
    if chunks
        .by_ref()
        .any(|c| eight(c.try_into().expect("eight bytes")))
    {
        return true;
    }
    // The last bytes, padded with zeros: no letter.
    let mut last = [0; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    eight(last)
}

/// The number of the day `iso` (its first ten characters, `YYYY-MM-DD`)
/// counts from 1970-01-01, to tell how many days two dates are apart.
pub(crate) fn day_number(iso: &str) -> Option<i64> {
    let day = iso.get(..10)?;
    let mut parts = day.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The date in a URL's path, as news and blog software writes it
/// (`/2021/03/12/title`, `/2021-03-12-title`, `/articles/2021-03-12+title`):
/// the ISO day and where it stands in `url`. The query and fragment are
/// not read (a `?date=` is a search, not the page's date), nor a year and
/// month alone (`/2021/03/`, which is only the month).
///
/// ```text
/// https://example.com/2025/12/18/a-title/   ->  2025-12-18
/// https://example.com/news/2021-3-9-title   ->  2021-03-09
/// https://example.com/wp-content/2025/12/x  ->  none
/// ```
pub(crate) fn from_url(url: &str) -> Option<(String, std::ops::Range<usize>)> {
    // The path starts at the first slash after the host, written plainly
    // or percent-encoded (`%2F`).
    let path_start = url.find("://").map_or(0, |i| {
        let host = &url[i + 3..];
        let plain = host.find('/');
        let encoded = host.find("%2F").or_else(|| host.find("%2f"));
        plain
            .into_iter()
            .chain(encoded)
            .min()
            .map_or(url.len(), |j| i + 3 + j)
    });
    let end = url[path_start..]
        .find(['?', '#'])
        .map_or(url.len(), |j| path_start + j);
    let s = url.as_bytes();
    let mut i = path_start;
    while i < end {
        let start = i;
        i += 1;
        let after_encoded_slash = url
            .get(start.saturating_sub(3)..start)
            .is_some_and(|p| p.eq_ignore_ascii_case("%2F"));
        if !s[start].is_ascii_digit()
            || (start > 0 && s[start - 1].is_ascii_alphanumeric() && !after_encoded_slash)
        {
            continue;
        }
        let Some((year, j)) = digits(s, start, 4, 4) else {
            continue;
        };
        let sep = |at: usize| -> Option<usize> {
            match s.get(at..)? {
                [b'/' | b'-' | b'_', ..] => Some(at + 1),
                [b'%', b'2', b'F' | b'f', ..] => Some(at + 3),
                _ => None,
            }
        };
        let Some((month, k)) = sep(j).and_then(|j| digits(s, j, 1, 2)) else {
            continue;
        };
        let Some((day, stop)) = sep(k).and_then(|k| digits(s, k, 1, 2)) else {
            continue;
        };
        if stop > end || s.get(stop).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        if let Some(date) = ymd(year, month, day) {
            return Some((date, start..stop));
        }
    }
    None
}

/// A run of ASCII digits starting at `i`: its value and where it ends.
fn digits(s: &[u8], i: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let mut j = i;
    while j < s.len() && s[j].is_ascii_digit() && j - i < max {
        j += 1;
    }
    if j - i < min || (j < s.len() && s[j].is_ascii_digit()) {
        return None;
    }
    let n = std::str::from_utf8(&s[i..j]).ok()?.parse().ok()?;
    Some((n, j))
}

/// Exactly two ASCII digits at `i`, whatever follows (`+0100`).
fn two(s: &[u8], i: usize) -> Option<(u32, usize)> {
    match s.get(i..i + 2) {
        Some(&[a, b]) if a.is_ascii_digit() && b.is_ascii_digit() => {
            Some((u32::from(a - b'0') * 10 + u32::from(b - b'0'), i + 2))
        }
        _ => None,
    }
}

/// `YYYY-MM-DD` (or with `/` or `.`), optionally with an ISO time.
fn iso(text: &str) -> Option<String> {
    let s = text.as_bytes();
    for i in 0..s.len() {
        if !s[i].is_ascii_digit() || (i > 0 && s[i - 1].is_ascii_digit()) {
            continue;
        }
        let Some((year, j)) = digits(s, i, 4, 4) else {
            continue;
        };
        let Some(&sep) = s.get(j).filter(|c| matches!(c, b'-' | b'/' | b'.')) else {
            continue;
        };
        let Some((month, k)) = digits(s, j + 1, 1, 2) else {
            continue;
        };
        if s.get(k) != Some(&sep) {
            continue;
        }
        let Some((day, end)) = digits(s, k + 1, 1, 2) else {
            continue;
        };
        let date = ymd(year, month, day)?;
        return Some(match time(s, end) {
            Some(t) if sep == b'-' => format!("{date}T{t}"),
            _ => date,
        });
    }
    None
}

/// An ISO time after a date: `THH:MM[:SS[.frac]][Z|±HH[:]MM]`, as
/// `HH:MM:SS` and the offset.
fn time(s: &[u8], at: usize) -> Option<String> {
    if !matches!(s.get(at), Some(b'T' | b' ')) {
        return None;
    }
    let (h, i) = digits(s, at + 1, 2, 2)?;
    (s.get(i) == Some(&b':')).then_some(())?;
    let (m, mut i) = digits(s, i + 1, 2, 2)?;
    let mut sec = 0;
    if s.get(i) == Some(&b':') {
        let (v, j) = digits(s, i + 1, 2, 2)?;
        sec = v;
        i = j;
        if s.get(i) == Some(&b'.') {
            i += 1;
            while s.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
    }
    if h > 23 || m > 59 || sec > 60 {
        return None;
    }
    let zone = match s.get(i) {
        Some(b'Z') => "Z".to_string(),
        Some(&c @ (b'+' | b'-')) => {
            let (zh, j) = two(s, i + 1)?;
            let j = if s.get(j) == Some(&b':') { j + 1 } else { j };
            let (zm, _) = two(s, j).unwrap_or((0, j));
            if zh > 14 || zm > 59 {
                return None;
            }
            format!("{}{zh:02}:{zm:02}", c as char)
        }
        _ => String::new(),
    };
    Some(format!("{h:02}:{m:02}:{sec:02}{zone}"))
}

/// `2022年3月12日`, `2022년 3월 12일`.
fn cjk(text: &str) -> Option<String> {
    // A date read holds a year sign: most texts asked hold none, and two
    // searches for it (`memchr`) cost less than reading the characters.
    if !text.contains('年') && !text.contains('년') {
        return None;
    }
    let mut nums: Vec<(u32, char)> = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            cur.push(c);
            continue;
        }
        if c.is_whitespace() && cur.is_empty() {
            continue;
        }
        if !cur.is_empty() {
            let n = cur.parse().ok();
            cur.clear();
            match (n, c) {
                (Some(n), '年' | '년' | '月' | '월' | '日' | '일') => nums.push((n, c)),
                _ => nums.clear(),
            }
            if let [.., (y, '年' | '년'), (m, '月' | '월'), (d, '日' | '일')] = nums[..] {
                return ymd(y, m, d);
            }
        }
    }
    None
}

#[derive(Debug)]
enum Token<'w> {
    Num(u32, usize),
    Word(&'w str),
}

/// The numbers and words of `text`, each word lower-cased (a character at a
/// time) into `words`, which the tokens borrow: one buffer for them all,
/// where a string a word made most of what reading a line cost.
fn tokens<'w>(text: &str, words: &'w mut String) -> Vec<Token<'w>> {
    enum Raw {
        Num(u32, usize),
        Word(std::ops::Range<usize>),
    }
    let mut out = Vec::with_capacity(text.len() / 2);
    words.reserve(text.len());
    // The number being read: its value (`None` past `u32::MAX`, as
    // `str::parse` has it) and its digits.
    let (mut num, mut num_len) = (Some(0u32), 0usize);
    // Where the word being read starts in `words`.
    let mut word = 0;
    let flush = |out: &mut Vec<Raw>,
                 words: &mut String,
                 word: &mut usize,
                 num: &mut Option<u32>,
                 num_len: &mut usize| {
        if *num_len > 0 {
            if let Some(n) = *num {
                out.push(Raw::Num(n, *num_len));
            }
            (*num, *num_len) = (Some(0), 0);
        }
        if words.len() > *word {
            out.push(Raw::Word(*word..words.len()));
            *word = words.len();
        }
    };
    let mut prev = ' ';
    for c in text.chars() {
        if c.is_ascii_digit() {
            if words.len() > word {
                flush(&mut out, words, &mut word, &mut num, &mut num_len);
            }
            num = num
                .and_then(|n| n.checked_mul(10))
                .and_then(|n| n.checked_add(u32::from(c as u8 - b'0')));
            num_len += 1;
        } else if c.is_alphabetic() {
            // A capital after a small letter starts a word: the text of two
            // elements run together without a space ("HealthDECEMBER 22").
            if num_len > 0 || (c.is_uppercase() && prev.is_lowercase()) {
                flush(&mut out, words, &mut word, &mut num, &mut num_len);
            }
            // ASCII pushed as one byte: `String::extend` took a call a
            // letter.
            if c.is_ascii() {
                words.push(c.to_ascii_lowercase());
            } else {
                words.extend(c.to_lowercase());
            }
        } else {
            flush(&mut out, words, &mut word, &mut num, &mut num_len);
        }
        prev = c;
    }
    flush(&mut out, words, &mut word, &mut num, &mut num_len);
    let words: &'w str = words;
    out.into_iter()
        .map(|t| match t {
            Raw::Num(n, len) => Token::Num(n, len),
            Raw::Word(r) => Token::Word(&words[r]),
        })
        .collect()
}

/// A month name with a day before or after it and a four-digit year
/// after: "March 12, 2022", "12 March 2022", "12. März 2022", "12 de
/// março de 2022", "Sat, 12 Mar 2022 10:00:00 GMT"; or the year before the
/// month and the day after it, "2023 Jan 7".
fn words(text: &str) -> Option<String> {
    let mut buf = String::new();
    let toks = tokens(text, &mut buf);
    let day_at = |i: usize| match toks.get(i) {
        Some(&Token::Num(d, len)) if len <= 2 && (1..=31).contains(&d) => Some(d),
        _ => None,
    };
    let is_filler = |i: usize| matches!(toks.get(i), Some(Token::Word(w)) if FILLERS.contains(w));
    for (i, tok) in toks.iter().enumerate() {
        let Token::Word(w) = tok else { continue };
        let Some(month) = month_number(w) else {
            continue;
        };
        // The day: just before the month (skipping "de", or "rd of" in
        // "3rd of March"), else just after.
        let mut j = i;
        while j + 2 > i && j >= 2 && is_filler(j - 1) {
            j -= 1;
        }
        let before = j.checked_sub(1).and_then(day_at);
        let (day, from) = match (before, day_at(i + 1)) {
            (Some(d), _) => (d, i + 1),
            (None, Some(d)) => (d, i + 2),
            (None, None) => continue,
        };
        let year = toks[from..toks.len().min(from + YEAR_REACH)]
            .iter()
            .find_map(|t| match *t {
                Token::Num(y, 4) => Some(Some(y)),
                Token::Num(..) => Some(None),
                Token::Word(w) if FILLERS.contains(&w) => None,
                Token::Word(_) => Some(None),
            })
            .flatten();
        if let Some(date) = year
            .or_else(|| ctime_year(&toks[from..]))
            .and_then(|y| ymd(y, month, day))
        {
            return Some(date);
        }
        // Year first, the day after the month: "2023 Jan 7", as citation
        // metadata (`citation_publication_date`) writes it.
        if let (Some(&Token::Num(y, 4)), Some(d)) =
            (i.checked_sub(1).and_then(|j| toks.get(j)), day_at(i + 1))
            && let Some(date) = ymd(y, month, d)
        {
            return Some(date);
        }
    }
    None
}

/// The year of a C `ctime` or Unix `date` stamp after its day, "Mon Jul
/// 23 21:11:10 PDT 2012": a time of two or three numbers, an optional zone
/// abbreviation, then the year.
fn ctime_year(rest: &[Token]) -> Option<u32> {
    let two = |t: Option<&Token>| matches!(t, Some(&Token::Num(n, len)) if len <= 2 && n < 60);
    let mut i = 0;
    while i < 3 && two(rest.get(i)) {
        i += 1;
    }
    if i < 2 {
        return None;
    }
    if let Some(Token::Word(w)) = rest.get(i)
        && (2..=5).contains(&w.len())
        && w.bytes().all(|c| c.is_ascii_alphabetic())
    {
        i += 1;
    }
    match rest.get(i) {
        Some(&Token::Num(y, 4)) => Some(y),
        _ => None,
    }
}

/// Which of the first two numbers of a date written with `/` or `-`
/// (`03/01/2017`) is the month. The date alone does not tell when both
/// are 12 or under; the page's other numeric dates do (a site writes all
/// its dates one way, and `01/31/2025` beside it is month first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumericOrder {
    /// `31/01/2025`, as most of the world writes it.
    DayFirst,
    /// `01/31/2025`, as the United States writes it.
    MonthFirst,
}

/// The first numeric date in `text`: its two first numbers, separator and
/// year (`12.03.2022` is `(12, b'.', 3, 2022)`).
fn first_numeric(text: &str) -> Option<(u32, u8, u32, u32)> {
    let s = text.as_bytes();
    // Found from its first separator: a date's first number is the whole
    // run of one or two digits before it, so the dates in the order of
    // their separators are in the order of their starts.
    for j in memchr::memchr3_iter(b'.', b'/', b'-', s) {
        let run = s[..j]
            .iter()
            .rev()
            .take(3)
            .take_while(|c| c.is_ascii_digit())
            .count();
        if !(1..=2).contains(&run) {
            continue;
        }
        let Some((a, _)) = digits(s, j - run, 1, 2) else {
            continue;
        };
        let sep = s[j];
        let Some((b, k)) = digits(s, j + 1, 1, 2) else {
            continue;
        };
        if s.get(k) != Some(&sep) {
            continue;
        }
        let Some((year, _)) = digits(s, k + 1, 4, 4) else {
            continue;
        };
        return Some((a, sep, b, year));
    }
    None
}

/// `12.03.2022` (day first, as every language that writes dots does), and
/// `12/03/2022` or `03-12-2022` when one of the first two numbers is over
/// 12 and so must be the day, or when `order` (the page's, see
/// [`numeric_order`]) says which comes first.
fn numeric(text: &str, order: impl FnOnce() -> Option<NumericOrder>) -> Option<String> {
    let (a, sep, b, year) = first_numeric(text)?;
    let (day, month) = match sep {
        b'.' => (a, b),
        _ if a > 12 => (a, b),
        _ if b > 12 => (b, a),
        _ if a == b => (a, b),
        // Only an ambiguous date asks for the page's order.
        _ => match order() {
            Some(NumericOrder::DayFirst) => (a, b),
            Some(NumericOrder::MonthFirst) => (b, a),
            None => return None,
        },
    };
    ymd(year, month, day)
}

/// The order the first numeric date of `text` written with `/` or `-`
/// shows, when one of its first two numbers is over 12 and it is a real
/// day (`31/01/2025` day first, `01/31/2025` month first); `None` when
/// it does not tell.
pub(crate) fn numeric_order(text: &str) -> Option<NumericOrder> {
    let (a, sep, b, year) = first_numeric(text)?;
    if sep == b'.' {
        return None;
    }
    if a > 12 && ymd(year, b, a).is_some() {
        Some(NumericOrder::DayFirst)
    } else if b > 12 && ymd(year, a, b).is_some() {
        Some(NumericOrder::MonthFirst)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::{
        NumericOrder, day_number, from_url, is_publication_label, is_update, numeric_order, parse,
        parse_in,
    };

    #[test]
    fn numeric_order_from_a_day_over_12() {
        assert_eq!(numeric_order("01/31/2025"), Some(NumericOrder::MonthFirst));
        assert_eq!(
            numeric_order("Posted 31-01-2025"),
            Some(NumericOrder::DayFirst)
        );
        assert_eq!(numeric_order("03/01/2017"), None);
        // Dots are day first in every language: they tell nothing.
        assert_eq!(numeric_order("31.01.2025"), None);
        // Not a real day either way.
        assert_eq!(numeric_order("02/30/2025"), None);
        assert_eq!(
            parse_in("03/01/2017 by Agatha", || Some(NumericOrder::MonthFirst)).as_deref(),
            Some("2017-03-01")
        );
        assert_eq!(
            parse_in("03/01/2017", || Some(NumericOrder::DayFirst)).as_deref(),
            Some("2017-01-03")
        );
        // The order never overrules a day over 12, nor the dots.
        assert_eq!(
            parse_in("25/03/2022", || Some(NumericOrder::MonthFirst)).as_deref(),
            Some("2022-03-25")
        );
        assert_eq!(
            parse_in("03.04.2022", || Some(NumericOrder::MonthFirst)).as_deref(),
            Some("2022-04-03")
        );
        assert_eq!(parse("03/01/2017"), None);
    }

    #[test]
    fn every_publication_word_has_a_part() {
        for w in super::PUBLICATION_WORDS {
            assert!(
                super::PUBLICATION_AS_WRITTEN.is_match(w),
                "{w} has no part in PUBLICATION_PARTS"
            );
            assert!(
                super::PUBLICATION_AS_WRITTEN.is_match(&w.to_uppercase()),
                "{w}"
            );
        }
    }

    proptest::proptest! {
        /// Every date `parse` reads holds a year of exactly four ASCII
        /// digits, or is a CJK date: the gate of `parse_in` loses none.
        #[test]
        fn dates_hold_a_year_of_four_digits(text in "[0-9 ./:T-]{0,14}( ?(de|March|mars|12th|of|Mon|GMT|Z|\\+01:00|年|月|日|년|월|일|, )?[0-9 ./-]{0,6}){0,4}") {
            let got = super::parse(&text);
            let want = super::iso(&text)
                .or_else(|| super::cjk(&text))
                .or_else(|| super::words(&text))
                .or_else(|| super::numeric(&text, || None));
            proptest::prop_assert_eq!(&got, &want);
            if got.is_some() && !super::has_year_run(text.as_bytes()) {
                proptest::prop_assert!(!text.is_ascii());
            }
        }
    }

    proptest::proptest! {
        /// The eight-byte scan of `before_digit` stops where a byte loop
        /// does.
        #[test]
        fn before_digit_is_a_byte_search(text in "[a0-9 \u{e9}\u{660}\u{ff10}:]{0,40}") {
            let want = text
                .bytes()
                .position(|b| b.is_ascii_digit())
                .map_or(text.as_str(), |i| &text[..i]);
            proptest::prop_assert_eq!(super::before_digit(&text), want);
        }
    }

    proptest::proptest! {
        /// The eight-byte scan of `has_year_run` answers as a byte loop.
        #[test]
        fn year_run_is_a_byte_loop(text in "[a0-9 \u{e9}\u{660}]{0,40}") {
            let mut run = 0;
            let mut want = false;
            for b in text.bytes() {
                if b.is_ascii_digit() {
                    run += 1;
                } else if run == 4 {
                    want = true;
                    break;
                } else {
                    run = 0;
                }
            }
            want |= run == 4;
            proptest::prop_assert_eq!(super::has_year_run(text.as_bytes()), want);
        }
    }

    /// A name listed twice has one number, and the sorted table answers
    /// as the list read in order.
    #[test]
    fn month_names_agree() {
        for &(name, month) in super::MONTH_NAMES {
            let first = super::MONTH_NAMES.iter().find(|(n, _)| *n == name);
            assert_eq!(first.map(|&(_, m)| m), Some(month), "{name}");
            assert_eq!(super::month_number(name), Some(month), "{name}");
            assert_eq!(super::month_number(&format!("{name}.")), Some(month));
        }
        for word in ["", "ma", "marc", "octobre.", "x", "zzz", "январ"] {
            let w = word.strip_suffix('.').unwrap_or(word);
            let want = super::MONTH_NAMES
                .iter()
                .find(|(n, _)| *n == w)
                .map(|&(_, m)| m);
            assert_eq!(super::month_number(word), want, "{word}");
        }
    }

    /// `ymd` writes what `format!` wrote.
    #[test]
    fn ymd_is_formatted() {
        for (y, m, d) in [(1900, 1, 1), (2024, 2, 29), (2100, 12, 31), (1999, 10, 9)] {
            assert_eq!(super::ymd(y, m, d), Some(format!("{y:04}-{m:02}-{d:02}")));
        }
        assert_eq!(super::ymd(2023, 2, 29), None);
    }

    #[test]
    fn year_runs() {
        assert!(super::has_year_run(b"March 12, 2022"));
        assert!(super::has_year_run(b"2022"));
        assert!(!super::has_year_run(b"12:30 PM"));
        assert!(!super::has_year_run(b"20222 and 123"));
        assert!(super::has_year_run(b"20222 and 1234."));
    }

    #[test]
    fn publication_labels() {
        assert!(is_publication_label("Published August 13, 2025"));
        assert!(is_publication_label("Posted on"));
        assert!(is_publication_label(
            "This article was originally published on 26 Sep 2019 at 4:12pm"
        ));
        assert!(is_publication_label("Veröffentlicht am 12. März 2022"));
        assert!(!is_publication_label("Last published Apr 8, 2024"));
        assert!(is_publication_label(
            "Published: Mar 8, 2024 · Modified: May 19"
        ));
        assert!(!is_publication_label("Updated on Jan. 16, 2026"));
        assert!(!is_publication_label("December 3, 2025"));
    }

    /// Every publication word written in ASCII starts as one of the
    /// quick test's starts; the others hold a letter outside ASCII, which
    /// no word of an ASCII text lower-cased holds.
    #[test]
    fn ascii_publication_starts() {
        for w in super::PUBLICATION_WORDS {
            if w.is_ascii() {
                assert!(
                    super::ASCII_PUBLICATION_STARTS.contains(&&w.as_bytes()[..3]),
                    "{w}"
                );
            }
        }
        assert!(super::starts_ascii_publication_word(b"Posted on"));
        assert!(super::starts_ascii_publication_word(b"was PUBLISHED "));
        assert!(!super::starts_ascii_publication_word(b"Reposted by"));
        assert!(!super::starts_ascii_publication_word(b"pu"));
        assert!(super::starts_ascii_publication_word(b"xxxxxxx posted"));
        assert!(!super::starts_ascii_publication_word(b"xxxxxxxposted"));
    }

    proptest::proptest! {
        /// The eight-byte look for a word's start is a look at each byte.
        #[test]
        fn publication_starts_by_bytes(head in "(pub|Pos|ERS|gEp|dit|diP|pu|x|a| |,|-){0,14}") {
            let h = head.as_bytes();
            let letter = |i: usize| h[i].is_ascii_alphabetic();
            let want = (0..h.len()).any(|i| {
                letter(i)
                    && (i == 0 || !letter(i - 1))
                    && h.get(i..i + 3).is_some_and(|w| {
                        super::ASCII_PUBLICATION_STARTS.iter().any(|s| w.eq_ignore_ascii_case(s))
                    })
            });
            proptest::prop_assert_eq!(super::starts_ascii_publication_word(h), want);
        }

        /// The quick test of an ASCII head loses no label: the answer is
        /// that of the automaton and the word check alone.
        #[test]
        fn publication_label_quick_test(text in "((Last|Posted|posted|PUBLISHED|on|Repost|Diterbitkan|gepubliceerd|Erschienen|Updated|x|-) ?){0,10}[0-9]?") {
            let head = super::before_digit(&text);
            let lower = head.to_lowercase();
            let words: Vec<&str> = lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let want = super::PUBLICATION.is_match(head)
                && words.len() <= super::LABEL_WORDS
                && words
                    .iter()
                    .any(|w| super::PUBLICATION_WORDS.iter().any(|p| w.starts_with(p)))
                && !words.contains(&"last")
                && !super::UPDATE.is_match(&lower);
            proptest::prop_assert_eq!(is_publication_label(&text), want);
        }
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-03-01T00:10:00Z"), Some(19_783));
        assert_eq!(
            day_number("2025-01-01")
                .zip(day_number("2024-12-31"))
                .map(|(a, b)| a - b),
            Some(1)
        );
        assert_eq!(day_number("2025-xx-01"), None);
    }

    #[test]
    fn update_stamps() {
        assert!(is_update("Updated Sep 5, 2024"));
        assert!(is_update("ByRhonda Krause UpdatedJanuary 25, 2026"));
        assert!(is_update("Mis à jour le 3 mars 2024"));
        assert!(!is_update("December 3, 2025. Updated: December 7, 2025"));
        assert!(is_update("109 Comments | Last Updated: March 11, 2019"));
        assert!(!is_update(
            "3 min read · Published March 11, 2019 · Updated March 12"
        ));
        assert!(!is_update("Published on Mar. 2nd, 2022"));
    }

    macro_rules! u {
        ($name:ident, $input:expr, $want:expr) => {
            #[test]
            fn $name() {
                let got = from_url($input);
                assert_eq!(got.as_ref().map(|(d, _)| d.as_str()), $want, "{:?}", $input);
                if let Some((date, at)) = got {
                    // The range holds the date as the URL writes it.
                    assert!(
                        $input[at].chars().filter(char::is_ascii_digit).count() >= 6,
                        "{date}"
                    );
                }
            }
        };
    }

    u!(
        url_slashed,
        "https://whatever.scalzi.com/2025/12/18/the-december/",
        Some("2025-12-18")
    );
    u!(
        url_dashed,
        "https://example.com/news/2021-3-9-title",
        Some("2021-03-09")
    );
    u!(
        url_encoded_slash,
        "https://blog.example.fr%2Farticles%2F2025-12-15%2BRust",
        Some("2025-12-15")
    );
    u!(
        url_plus,
        "https://blog.example.fr/articles/2025-12-15+Rust+GCC",
        Some("2025-12-15")
    );
    u!(
        url_month_only,
        "https://example.com/wp-content/2025/12/x.jpg",
        None
    );
    u!(
        url_query,
        "https://example.com/search?from=2025-12-18",
        None
    );
    u!(url_host_digits, "https://2025-12-18.example.com/a", None);
    u!(url_long_number, "https://example.com/a/120251218/b", None);
    u!(url_not_a_day, "https://example.com/2025/13/40/a", None);
    u!(url_relative, "/2019/08/11/a-title", Some("2019-08-11"));

    macro_rules! t {
        ($name:ident, $input:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(parse($input).as_deref(), $want, "{:?}", $input);
            }
        };
    }

    t!(iso_date, "2022-03-12", Some("2022-03-12"));
    t!(
        iso_datetime_offset,
        "2022-03-12T10:04:05.123+0100",
        Some("2022-03-12T10:04:05+01:00")
    );
    t!(
        iso_datetime_z,
        "2022-03-12T10:04Z",
        Some("2022-03-12T10:04:00Z")
    );
    t!(
        iso_space_time,
        "2022-03-12 23:10:00",
        Some("2022-03-12T23:10:00")
    );
    t!(slashed_year_first, "2022/3/9", Some("2022-03-09"));
    t!(english_month_first, "March 12, 2022", Some("2022-03-12"));
    t!(
        english_ordinal,
        "Published on Mar. 2nd, 2022 at 10:00",
        Some("2022-03-02")
    );
    t!(english_day_first, "12 March 2022", Some("2022-03-12"));
    t!(rfc2822, "Sat, 12 Mar 2022 10:00:00 GMT", Some("2022-03-12"));
    t!(year_month_day, "2023 Jan 7", Some("2023-01-07"));
    t!(ctime, "Mon Jul 23 21:11:10 PDT 2012", Some("2012-07-23"));
    t!(
        ctime_no_zone,
        "Mon Jul 23 21:11:10 2012",
        Some("2012-07-23")
    );
    t!(german, "12. März 2022", Some("2022-03-12"));
    t!(dutch, "12 maart 2022", Some("2022-03-12"));
    t!(
        ordinal_of,
        "Posted on 3rd of March, 2022",
        Some("2022-03-03")
    );
    t!(
        ordinal_of_no_comma,
        "the 21st of August 2019",
        Some("2019-08-21")
    );
    t!(portuguese, "12 de março de 2022", Some("2022-03-12"));
    t!(spanish, "5 de diciembre de 2021", Some("2021-12-05"));
    t!(italian, "3 settembre 2023", Some("2023-09-03"));
    t!(
        indonesian,
        "Senin, 14 Maret 2022 | 10:00 WIB",
        Some("2022-03-14")
    );
    t!(russian, "12 марта 2022 г.", Some("2022-03-12"));
    t!(
        run_together,
        "Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026",
        Some("2022-12-22")
    );
    t!(
        run_together_de,
        "GesundheitMärz 12, 2022",
        Some("2022-03-12")
    );
    t!(korean, "입력 2022년 3월 12일 10:00", Some("2022-03-12"));
    t!(japanese, "2022年3月12日", Some("2022-03-12"));
    t!(dotted, "12.03.2022", Some("2022-03-12"));
    t!(slashed_day_over_12, "25/03/2022", Some("2022-03-25"));
    t!(slashed_month_first_us, "03/25/2022", Some("2022-03-25"));
    t!(slashed_ambiguous, "03/04/2022", None);
    t!(no_year, "March 12", None);
    t!(relative, "2 hours ago", None);
    t!(not_a_day, "February 30, 2022", None);
    t!(leap_day, "29 February 2024", Some("2024-02-29"));
    t!(year_out_of_range, "1066-10-14", None);
    t!(may_as_a_verb, "You may 3 times in 2022", None);
}
