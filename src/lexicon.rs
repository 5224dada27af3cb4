//! Word lists the features and classifiers consult: stop words in the
//! languages of the development corpus (and the other large news languages),
//! so that "how much of this looks like running prose" works beyond English.
//!
//! Stop words are the cheapest language-agnostic-enough signal of prose that
//! jusText showed works: navigation and headlines are made of content words,
//! sentences are glued with function words. The lists are short on purpose
//! (the most frequent function words only); a long list starts to match
//! headline words too.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use once_cell::sync::Lazy;

use crate::textutil::Fnv;

/// A set of fixed words. Every word of every block is looked up in one of
/// these, so the hash matters: SipHash (the std default, built to resist
/// flooding by chosen keys) made the stop-word lookup a visible share of the
/// whole pipeline. The keys here are our own constant lists, so there is
/// nothing to flood, and FNV-1a over a few bytes is several times cheaper.
pub(crate) type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

const STOP_WORDS: &[&str] = &[
    // English
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
    "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "more", "most", "not", "of",
    "on", "one", "or", "other", "our", "out", "over", "said", "she", "so", "some", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "was",
    "we", "were", "what", "when", "which", "while", "who", "will", "with", "would", "you", "your",
    // German
    "aber", "auch", "auf", "aus", "bei", "das", "dass", "dem", "den", "der", "des", "die", "ein",
    "eine", "einem", "einen", "einer", "es", "für", "hat", "ich", "ist", "mit", "nach", "nicht",
    "noch", "oder", "sich", "sie", "sind", "über", "um", "und", "von", "vor", "war", "wie", "wird",
    "zu", "zum", "zur", // French
    "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "est", "et", "il",
    "ils", "la", "le", "les", "leur", "mais", "ne", "par", "pas", "plus", "pour", "qu", "que",
    "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une",
    // Spanish and Portuguese
    "al", "como", "con", "da", "das", "del", "do", "dos", "el", "ela", "ele", "em", "entre", "era",
    "foi", "las", "lo", "los", "mas", "na", "nas", "no", "nos", "o", "os", "para", "pela", "pelo",
    "por", "se", "ser", "su", "sus", "também", "uma", "y", // Italian
    "alla", "che", "della", "di", "gli", "il", "nel", "non", "per", "sono", "è",
    // Indonesian
    "adalah", "akan", "dalam", "dan", "dari", "dengan", "di", "ini", "itu", "juga", "ke", "oleh",
    "pada", "tidak", "untuk", "yang", // Russian
    "а", "в", "во", "и", "из", "к", "как", "на", "не", "но", "о", "он", "она", "они", "от", "по",
    "с", "что", "это", "так", "за", "для", "же", "бы", "был", "была", "были", "его", "её", "их",
    "у", "то",
];

/// Whether `word` (already lowercased) is a frequent function word: its
/// bytes packed into a `u64` and looked up in the packed table. The
/// feature stage packs its words as it lowercases them and asks
/// [`is_packed_stop_word`] itself; this is the form its tests compare with.
#[cfg(test)]
pub(crate) fn is_stop_word(word: &str) -> bool {
    word.len() <= STOP_MAX_BYTES
        && is_packed_stop_word(word.bytes().fold(0, |key, b| key << 8 | u64::from(b)))
}

/// [`is_stop_word`] of the lowercase form of `word`, for a word of the
/// fast word scan (ASCII letters, digits, `_` and joiners such as `’`): the
/// stop words in ASCII are ASCII letters only, at most
/// [`ASCII_STOP_MAX_BYTES`] of them, so any other word is none, and the
/// rest are looked up packed into a `u64` in an open-addressed table built
/// at compile time, with no lowercased copy and no hashing of bytes.
#[inline]
pub(crate) fn is_ascii_stop_word(word: &[u8]) -> bool {
    if word.is_empty() || word.len() > ASCII_STOP_MAX_BYTES {
        return false;
    }
    let mut key = 0u64;
    for &b in word {
        if !b.is_ascii_alphabetic() {
            return false;
        }
        key = key << 8 | u64::from(b.to_ascii_lowercase());
    }
    is_packed_stop_word(key)
}

/// Whether `key`, the lowercase of a word of one to eight bytes (the
/// letters of a word of one to [`ASCII_STOP_MAX_BYTES`] ASCII letters, or
/// the UTF-8 bytes of one outside ASCII) packed big-endian into a `u64`,
/// is a stop word. Every stop word has at most [`STOP_MAX_BYTES`] bytes.
///
/// Without a branch: the key is compared with the four slots of its
/// bucket at once. Whether a word of prose is a stop word is a coin toss,
/// and a probe loop's exit mispredicted on most words.
#[inline]
pub(crate) fn is_packed_stop_word(key: u64) -> bool {
    let [a, b, c, d] = STOP_TABLE.0[stop_bucket(key)];
    // An empty slot holds 0, the key of no word.
    (key != 0) & ((a == key) | (b == key) | (c == key) | (d == key))
}

/// Longest stop word in ASCII, in bytes.
pub(crate) const ASCII_STOP_MAX_BYTES: usize = 6;

/// Longest stop word, in bytes (test `stop_words_are_letters`): all are
/// in the packed table.
pub(crate) const STOP_MAX_BYTES: usize = 8;

/// Buckets of [`STOP_TABLE`], a power of two, four slots each.
const STOP_BUCKETS: usize = 128;

/// The bucket of a packed word: multiplicative hashing, by a multiplier
/// chosen (by trying random odd ones) so that no bucket gets more than four
/// of the stop words; the table's builder fails the build if one does.
const fn stop_bucket(key: u64) -> usize {
    (key.wrapping_mul(0x5309_29C4_0437_16CD) >> (64 - STOP_BUCKETS.trailing_zeros())) as usize
}

/// Four slots, the 32 bytes of half a cache line.
#[repr(align(32))]
struct StopTable([[u64; 4]; STOP_BUCKETS]);

/// The stop words, each packed big-endian into a `u64` (no word packs to
/// 0, the empty slot, and words of different bytes pack differently, none
/// holding a NUL), in the bucket of [`stop_bucket`].
static STOP_TABLE: StopTable = {
    let mut table = [[0u64; 4]; STOP_BUCKETS];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        let word = STOP_WORDS[i].as_bytes();
        let mut key = 0u64;
        let mut j = 0;
        while j < word.len() {
            key = key << 8 | word[j] as u64;
            j += 1;
        }
        let bucket = &mut table[stop_bucket(key)];
        let mut slot = 0;
        while bucket[slot] != 0 && bucket[slot] != key {
            slot += 1;
            assert!(
                slot < 4,
                "a stop-word bucket overflows: choose another multiplier"
            );
        }
        bucket[slot] = key;
        i += 1;
    }
    StopTable(table)
};

/// Words after which no sentence ends: articles, prepositions,
/// conjunctions and possessives. A line that ends in one was cut in the
/// middle of a sentence, which is how scrapers that write one text node a
/// line (BeautifulSoup's `get_text("\n")`) split a paragraph at a link:
/// "according to the" / "New York Times" / ", which said". Words that end
/// a menu entry as often as a cut sentence ("Sign up") are left out, as are
/// the verbs and adverbs of [`STOP_WORDS`] ("said", "more"); "in" stays,
/// since "published in" / "Nature" is a commoner split than "Log in".
const DANGLING_WORDS: &[&str] = &[
    // English
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "from",
    "her",
    "his",
    "in",
    "into",
    "its",
    "of",
    "or",
    "our",
    "than",
    "that",
    "the",
    "their",
    "to",
    "with",
    "your",
    "my",
    "via",
    "about",
    "between",
    "against",
    "including",
    // German
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einer",
    "einem",
    "einen",
    "und",
    "oder",
    "mit",
    "von",
    "zu",
    "zum",
    "zur",
    "für",
    "auf",
    "bei",
    "nach",
    "aus",
    "über",
    // French
    "le",
    "la",
    "les",
    "une",
    "du",
    "au",
    "aux",
    "et",
    "ou",
    "avec",
    "pour",
    "par",
    "sur",
    "dans",
    // Spanish, Portuguese and Italian
    "el",
    "los",
    "las",
    "una",
    "del",
    "al",
    "y",
    "con",
    "para",
    "por",
    "em",
    "da",
    "do",
    "della",
    "di",
    "nel",
    "per",
    // Indonesian
    "dan",
    "ke",
    "dari",
    "dengan",
    "yang",
    "untuk",
    "pada",
    "oleh",
    // Russian
    "в",
    "и",
    "на",
    "с",
    "по",
    "к",
    "от",
    "за",
    "для",
    "из",
];

static DANGLING_SET: Lazy<WordSet> = Lazy::new(|| DANGLING_WORDS.iter().copied().collect());

/// Whether `word` (lowercased) leaves a sentence open when a line ends in
/// it (see [`DANGLING_WORDS`]).
pub(crate) fn is_dangling_word(word: &str) -> bool {
    DANGLING_SET.contains(word)
}

/// Words that may make up a date or time stamp besides numbers and the
/// [`MONTHS`]: weekday names and their abbreviations, time-zone names, and
/// the glue words of date lines ("Updated", "on", "at", "um", "de"…), in the
/// corpus languages. A line made only of these, months and numbers is a date
/// stamp.
const DATE_WORDS: &[&str] = &[
    // English weekdays and their abbreviations
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    // English glue
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "of",
    "the",
    "hour",
    "hours",
    "hr",
    "hrs",
    "minute",
    "minutes",
    "min",
    "mins",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "yesterday",
    "today",
    "st",
    "nd",
    "rd",
    "th",
    "and",
    "created",
    "date",
    "time",
    // time zones
    "gmt",
    "utc",
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "pt",
    "pst",
    "pdt",
    "mt",
    "mst",
    "ist",
    "pkt",
    "bst",
    "cet",
    "cest",
    "eet",
    "eest",
    "msk",
    "wib",
    "wita",
    "wit",
    "jst",
    "kst",
    "hkt",
    "sgt",
    "aest",
    "aedt",
    "brt",
    "z",
    // German
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "um",
    "uhr",
    "am",
    "aktualisiert",
    "veröffentlicht",
    "stand",
    "stunden",
    "minuten",
    // French, Spanish, Portuguese, Italian
    "de",
    "del",
    "le",
    "il",
    "às",
    "as",
    "h",
    "hs",
    "horas",
    "ore",
    "alle",
    "atualizado",
    "atualizada",
    "publicado",
    "publicada",
    "em",
    "aggiornato",
    "pubblicato",
    "segunda",
    "terça",
    "quarta",
    "quinta",
    "sexta",
    "sábado",
    "domingo",
    "feira",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    // Indonesian
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    "minggu",
    "pukul",
    "diperbarui",
    "diterbitkan",
    "jam",
    // Russian
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
    "в",
    "г",
    "года",
    "год",
    "обновлено",
    "опубликовано",
    "сегодня",
    "вчера",
    "часов",
    "часа",
    "минут",
    // Korean and Japanese stamp words (counted as whole words)
    "입력",
    "수정",
    "등록",
    "기사입력",
    "최종수정",
    "오전",
    "오후",
    "업데이트",
    "일",
    "시",
    "분",
    "日",
    "時",
    "分",
    "更新",
    "公開",
    "配信",
    "掲載",
];

static DATE_SET: Lazy<WordSet> = Lazy::new(|| DATE_WORDS.iter().chain(MONTHS).copied().collect());

/// Month names and abbreviations, the date words that make
/// a line a date even when it holds a single number ("22 Nov, 2024").
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "januar",
    "jänner",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "januari",
    "februari",
    "maret",
    "mei",
    "agustus",
    "desember",
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
    "年",
    "月",
    "년",
    "월",
    "ago",
    "назад",
    "lalu",
    "há",
    "vor",
];

static MONTH_SET: Lazy<WordSet> = Lazy::new(|| MONTHS.iter().copied().collect());

/// Whether `word` (lowercased) may appear in a date or time stamp.
pub(crate) fn is_date_word(word: &str) -> bool {
    DATE_SET.contains(word)
}

/// Whether `word` (lowercased) names a month, or says "ago", so that one
/// number with it makes a date.
pub(crate) fn is_month_word(word: &str) -> bool {
    MONTH_SET.contains(word)
}

/// Separators between a headline and the site or section name in a page
/// title ("Headline | The Daily", "Headline » News", "Headline • Site").
/// One list for both paths: the HTML path narrows `<title>` to its headline
/// part with it, the text path matches a title's parts against the lines
/// above the body. The HTML path had `» || ~` and the text path `•`; with
/// all of them on both, no extracted body changed on the dev pool, and 13
/// scraped pages found their headline in place of a date or a menu entry.
pub(crate) const TITLE_SEPARATORS: &[&str] = &[
    " - ", " | ", " – ", " — ", " :: ", " · ", " • ", " » ", " || ", " ~ ",
];

#[cfg(test)]
mod tests {
    /// What the feature scan rests on: a stop word is letters alone (no
    /// digit, `_` or joiner), and those in ASCII are short.
    #[test]
    fn stop_words_are_letters() {
        for w in STOP_WORDS {
            assert!(w.chars().all(char::is_alphabetic), "{w}");
            assert!(!w.is_ascii() || w.len() <= ASCII_STOP_MAX_BYTES, "{w}");
            assert!(w.len() <= STOP_MAX_BYTES, "{w}");
            assert!(!w.contains('\0'), "{w}");
        }
    }

    use super::*;

    /// The packed table holds the ASCII stop words exactly.
    #[test]
    fn ascii_stop_words_are_packed_letters() {
        for w in STOP_WORDS.iter().filter(|w| w.is_ascii()) {
            assert!(w.len() <= ASCII_STOP_MAX_BYTES, "{w}");
            assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
            assert!(is_ascii_stop_word(w.as_bytes()));
            assert!(is_ascii_stop_word(w.to_uppercase().as_bytes()));
        }
        for w in ["", "x", "them1", "don’t", "e.g", "thereby", "_the"] {
            assert!(!is_ascii_stop_word(w.as_bytes()), "{w}");
        }
    }

    proptest::proptest! {
        /// The packed table holds the list, and nothing else.
        #[test]
        fn stop_word_is_the_list(word in "(für|über|это|также|во|её|и|the|of|[a-zäüжщё]){1,3}") {
            proptest::prop_assert_eq!(is_stop_word(&word), STOP_WORDS.contains(&word.as_str()));
        }

        /// Equal to the lowercased lookup on any ASCII word.
        #[test]
        fn ascii_stop_word_matches_set(word in "[a-zA-Z0-9_'.]{0,13}") {
            let expect = word.len() <= 12 && is_stop_word(&word.to_ascii_lowercase());
            proptest::prop_assert_eq!(is_ascii_stop_word(word.as_bytes()), expect);
        }
    }

    #[test]
    fn lists() {
        assert!(super::is_stop_word("the"));
        assert!(super::is_stop_word("что"));
        assert!(!super::is_stop_word("taliban"));
        assert!(super::is_dangling_word("the"));
        assert!(!super::is_dangling_word("said"));
    }
}
