//! What a block is, judged from its own text alone.
//!
//! These recognisers look at one block's text and nothing else: "Previous
//! Story" is navigation, "2 mins read" a reading time, "Published in Dawn,
//! March 1st, 2023" a source line, wherever they stand. Both classifiers
//! consult them; position and neighbours are the classifiers' business.
//!
//! Every recogniser is a pure function over `&str` that looks at a bounded
//! prefix of the text (never more than [`MAX_PATTERN_BYTES`] bytes), so a
//! 50 MB line costs no more than a short one. Clutter lines are short; a long
//! line is prose, whatever words it starts with.

use std::collections::HashSet;

use aho_corasick::AhoCorasick;
use once_cell::sync::Lazy;

use crate::lexicon;
use crate::textutil::{
    ends_sentence, is_cjk, letter_run_count as word_count, letter_runs as words, squash,
};
use crate::vocab::Reason;

/// Longest text, in bytes, that a recogniser examines as a whole line.
/// Clutter lines are short: the longest footer of the development corpus
/// ("Published in Dawn, …", copyright lines with a company name) is under
/// 200 bytes; we allow twice that for non-Latin scripts, which take 2–3
/// bytes a character.
pub(crate) const MAX_PATTERN_BYTES: usize = 400;

/// Most words a navigation, promo or section-header line has. "ALSO READ:"
/// promos carry a whole headline (up to ~15 words), so we allow 25; a line
/// longer than that starting with "Read more" is a sentence.
const PROMO_MAX_WORDS: usize = 25;

/// Most words a date or reading-time stamp has: "Updated: Wednesday,
/// November 20, 2019, 10:32 AM EST" is 10 tokens; 14 leaves room for a
/// second stamp ("Published … Updated …").
const DATE_MAX_TOKENS: usize = 14;

/// Most words in a byline: "By Jane Doe and John Smith, Reuters" is 7; we
/// allow a title ("Senior Correspondent") and a place on top.
const BYLINE_MAX_WORDS: usize = 12;

/// Most words in a section header that opens a teaser list ("Latest from
/// Top News", "You may also like"). Longer lines are headlines.
const HEADER_MAX_WORDS: usize = 6;

/// Whole lines (lowercased, everything but letters and digits dropped, so
/// "Go toTop" and "GO TO TOP" both become `gototop`) that are site
/// navigation: arrows to other stories, menus, account and share buttons,
/// section names.
const NAV_LINES: &[&str] = &[
    "reply",
    "report",
    "reportabuse",
    "permalink",
    "loading",
    "previousstory",
    "nextstory",
    "previousarticle",
    "nextarticle",
    "previouspost",
    "nextpost",
    "previous",
    "next",
    "prev",
    "older",
    "newer",
    "olderpost",
    "newerpost",
    "gototop",
    "backtotop",
    "totop",
    "top",
    "scrolltotop",
    "returntotop",
    "home",
    "homepage",
    "gotohomepage",
    "menu",
    "mainmenu",
    "search",
    "searchthissite",
    "skiptocontent",
    "skiptomaincontent",
    "skiptonavigation",
    "skiptositeindex",
    "skiptocontentskiptositeindex",
    "siteindex",
    "sitenavigation",
    "navigation",
    "signin",
    "login",
    "logout",
    "signout",
    "register",
    "myaccount",
    "account",
    "close",
    "open",
    "share",
    "sharethis",
    "sharethisarticle",
    "sharethisstory",
    "shareonfacebook",
    "shareontwitter",
    "shareonwhatsapp",
    "shareonlinkedin",
    "sharevia",
    "shareviaemail",
    "tweet",
    "email",
    "print",
    "copylink",
    "more",
    "showmore",
    "loadmore",
    "viewall",
    "seeall",
    "seemore",
    "sections",
    "topics",
    "tags",
    "categories",
    "opinion",
    "editorial",
    "editorials",
    "news",
    "sports",
    "sport",
    "business",
    "world",
    "politics",
    "entertainment",
    "technology",
    "tech",
    "health",
    "science",
    "lifestyle",
    "culture",
    "travel",
    "video",
    "videos",
    "photos",
    "podcasts",
    "weather",
    "local",
    "national",
    "international",
    "economy",
    "markets",
    "magazine",
    "continuereadingthemainstory",
    "accessibility",
    "contactus",
    "aboutus",
    "advertise",
    "advertisewithus",
    "careers",
    "faq",
    "help",
    "archives",
    "archive",
    "rss",
    "sitemap",
    "todayspaper",
    "printedition",
    "englishedition",
    "edition",
    "listen",
    "comment",
    "save",
    "bookmark",
    "follow",
    "followus",
    "language",
    "inicio",
    "início",
    "startseite",
    "главная",
    "beranda",
    "voltaraotopo",
    "nachoben",
    "наверх",
    "tornasu",
    "kembalikeatas",
    "맨위로",
    "トップへ",
    "ページトップへ",
    "ホーム",
    "홈",
    "컨텐츠바로가기",
    "본문바로가기",
    "메뉴바로가기",
    "検索",
    "검색",
    "поиск",
    "suche",
    "busca",
    "cerca",
    "cari",
    "compartilhe",
    "compartilhar",
    "teilen",
    "condividi",
    "поделиться",
    "bagikan",
    "공유",
    "シェア",
];

/// Words of share and follow bars: a line made only of these ("Facebook
/// Twitter WhatsApp Email") is navigation.
const SOCIAL_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "email",
    "e",
    "mail",
    "print",
    "telegram",
    "instagram",
    "youtube",
    "tiktok",
    "messenger",
    "flipboard",
    "copy",
    "link",
    "share",
    "tweet",
    "sms",
    "google",
    "vk",
    "line",
    "kakao",
    "kakaotalk",
    "naver",
    "band",
    "rss",
    "feed",
    "snapchat",
    "threads",
    "bluesky",
    "mastodon",
    "tumblr",
    "pocket",
    "comments",
    "comment",
    "on",
    "via",
    "this",
    "article",
    "story",
    "follow",
    "us",
];

/// Section headers (squashed as in [`NAV_LINES`]) that open a list of other
/// stories. Matched as a prefix, so "Latest from Top News" and "More from
/// Business" are covered by `latestfrom` and `morefrom`.
const RELATED_HEADERS: &[&str] = &[
    "related",
    "latestfrom",
    "latestnews",
    "morefrom",
    "morein",
    "moreon",
    "morestories",
    "morenews",
    "morearticles",
    "moreto",
    "morelikethis",
    "morecoverage",
    "mostread",
    "mostpopular",
    "mostviewed",
    "mostshared",
    "mostwatched",
    "mostcommented",
    "trending",
    "topstories",
    "topnews",
    "toparticles",
    "dontmiss",
    "donotmiss",
    "youmayalsolike",
    "youmightalsolike",
    "youmaylike",
    "youmightlike",
    "youmayhavemissed",
    "recommended",
    "readnext",
    "whattoreadnext",
    "upnext",
    "editorspicks",
    "editorschoice",
    "similarstories",
    "otherstories",
    "alsoon",
    "inothernews",
    "mehrzumthema",
    "weitereartikel",
    "dasköntesieauchinteressieren",
    "dasköntesieinteressieren",
    "notíciasrelacionadas",
    "matériasrelacionadas",
    "maislidas",
    "artigosrelacionados",
    "vejatambém",
    "beritaterkait",
    "artikelterkait",
    "terpopuler",
    "populer",
    "beritalainnya",
    "articolicorrelati",
    "piùletti",
    "potrebbeinteressarti",
    "похожиеновости",
    "другиеновости",
    "популярное",
    "новостипотеме",
    "関連記事",
    "関連ニュース",
    "관련기사",
    "많이본뉴스",
    "인기기사",
    "주요뉴스",
];

/// Starts of promotion lines, lowercase, compared on word boundaries.
const PROMO_PREFIXES: &[&str] = &[
    "also on ",
    "like this story",
    "share this story",
    "share this article",
    "get fox",
    "get the best",
    "sign up for",
    "stay up to date",
    "also read",
    "read also",
    "read more",
    "read:",
    "see also",
    "also see",
    "also:",
    "related:",
    "subscribe",
    "sign up",
    "click here",
    "download the",
    "get the app",
    "follow us",
    "join us",
    "join our",
    "watch:",
    "watch now",
    "watch live",
    "listen:",
    "listen now",
    "more:",
    "recommended:",
    "must read",
    "don't miss:",
    "get our",
    "get the latest",
    "baca juga",
    "baca:",
    "simak juga",
    "leia também",
    "leia mais",
    "veja também",
    "lesen sie auch",
    "lesen sie mehr",
    "mehr lesen",
    "mehr zum thema:",
    "leggi anche",
    "leggi di più",
    "читайте также",
    "читайте еще",
    "читайте ещё",
    "подписывайтесь",
    "подпишитесь",
    "더보기",
    "続きを読む",
    "もっと見る",
];

/// Words that mark a line about a newsletter or subscription wherever they
/// stand; only short lines are checked, so a sentence about a newsletter
/// stays.
const PROMO_WORDS: &[&str] = &["newsletter", "newsletters", "subscribe", "subscription"];

/// Marks of a copyright or source footer, lowercase, found anywhere in a
/// short line.
const FOOTER_MARKS: &[&str] = &[
    "copyright ©",
    "copyright 20",
    "copyright (c)",
    "©",
    "(c) 20",
    "(c) 19",
    "all rights reserved",
    "todos os direitos reservados",
    "todos los derechos reservados",
    "alle rechte vorbehalten",
    "tutti i diritti riservati",
    "все права защищены",
    "hak cipta",
    "무단 전재",
    "무단전재",
    "저작권자",
    "無断転載",
    "無断複製",
    "all right reserved",
];

/// Starts of source lines, lowercase.
const FOOTER_PREFIXES: &[&str] = &[
    "copyright",
    "published in ",
    "this article first appeared",
    "this article originally appeared",
    "this story originally appeared",
    "this story first appeared",
    "originally published",
    "first published",
    "a version of this article",
    "this article was originally published",
    "this article was first published",
];

/// Whole lines (squashed) that label an advertisement slot.
const AD_LINES: &[&str] = &[
    "advertisement",
    "advertisements",
    "ad",
    "ads",
    "sponsored",
    "sponsoredcontent",
    "promoted",
    "paidcontent",
    "paidpost",
    "anzeige",
    "werbung",
    "publicidade",
    "publicidad",
    "pubblicità",
    "реклама",
    "광고",
    "広告",
    "iklan",
    "supportedby",
    "advertisementscrolltocontinue",
    "scrolltocontinuewithcontent",
    "continuereadingbelow",
    "advertisementcontinuereadingbelow",
    "storycontinuesbelowadvertisement",
    "storycontinuesbelow",
    "articlecontinuesbelow",
    "contentcontinuesbelow",
];

/// Whole lines (squashed) that head or count reader comments.
const COMMENT_LINES: &[&str] = &[
    "comments",
    "leaveacomment",
    "postacomment",
    "addacomment",
    "showcomments",
    "viewcomments",
    "jointheconversation",
    "jointhediscussion",
    "kommentare",
    "comentários",
    "comentarios",
    "commenti",
    "комментарии",
    "댓글",
    "コメント",
    "komentar",
    "leaveareply",
    "nocommentsyet",
    "commentfromtheforums",
    "showallcomments",
    "loadmorecomments",
    "seeallcomments",
];

/// Marks of a comment section or comment form anywhere in a short line.
const COMMENT_MARKS: &[&str] = &[
    "your email address will not be published",
    "save my name, email",
    "required fields are marked",
    "leave a reply",
    "responses to “",
    "responses to \"",
    "comments are closed",
    "log in to comment",
    "sign in to comment",
    "no comments yet",
];

/// Starts of caption and photo-credit lines, lowercase.
const CAPTION_PREFIXES: &[&str] = &[
    "image caption",
    "media caption",
    "caption:",
    "pictured:",
    "(image credit",
    "(photo credit",
    "image source",
    "image copyright",
    "picture copyright",
    "photo:",
    "photo by",
    "photos:",
    "image:",
    "picture:",
    "(photo",
    "credit:",
    "foto:",
    "fotos:",
    "фото:",
    "写真:",
    "写真＝",
    "사진=",
    "사진 =",
    "image credit",
    "photo credit",
    "file photo",
    "(file photo",
];

/// Marks of a photo credit anywhere in a short line.
const CAPTION_MARKS: &[&str] = &[
    "(image:",
    "(photo:",
    "(picture:",
    "(foto:",
    "(bild:",
    "getty images",
    "ap photo",
    "/reuters",
    "/afp",
    "shutterstock",
];

/// Marks of cookie and legal notices, lowercase.
const LEGAL_MARKS: &[&str] = &[
    "cookie",
    "privacy policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "privacy notice",
    "your privacy choices",
    "do not sell my",
];

/// Words that say "minutes" in a reading-time stamp.
const MINUTE_WORDS: &[&str] = &[
    "min",
    "mins",
    "minute",
    "minutes",
    "minuto",
    "minutos",
    "minuti",
    "minuten",
    "menit",
    "минут",
    "минуты",
    "минута",
    "мин",
    "분",
    "分",
];

/// Words that say "read" in a reading-time stamp.
const READ_WORDS: &[&str] = &[
    "read",
    "reading",
    "lesezeit",
    "leitura",
    "lettura",
    "lectura",
    "baca",
    "чтения",
    "чтение",
    "읽기",
    "読了",
    "lesedauer",
];

/// Everything a line is, judged from its text alone; `None` when the text
/// looks like nothing in particular (which is what prose looks like).
///
/// The order matters where patterns overlap: a source line often holds a
/// date ("Published in Dawn, March 1st, 2023"), so footers are tested before
/// dates; a date line may start with "Updated", which is no promo.
pub(crate) fn recognise(text: &str) -> Option<Reason> {
    let text = text.trim();
    if text.len() > MAX_PATTERN_BYTES {
        // Long lines are prose, except gallery captions, whose counter
        // ("1 of 4 …") stands in front of a caption of any length.
        let mut cut = 16;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &text[..cut];
        return is_gallery_counter(&head.to_lowercase()).then_some(Reason::Caption);
    }
    if text.is_empty() {
        return None;
    }
    let line = Line::new(text);
    let (lower, squashed, n) = (line.lower.as_str(), line.squashed.as_str(), line.words);
    // Before footers: "Image copyright Getty Images" is a credit.
    if is_caption_lower(lower, n, line.marks) {
        return Some(Reason::Caption);
    }
    if is_footer_lower(lower, n, line.marks) {
        return Some(Reason::SourceFooter);
    }
    if text.len() <= READING_TIME_MAX_BYTES && is_reading_time_lower(lower) {
        return Some(Reason::ReadingTime);
    }
    if is_date_line(&line) {
        return Some(Reason::Date);
    }
    if is_byline_line(&line) {
        return Some(Reason::Byline);
    }
    if AD_SET.contains(squashed) {
        return Some(Reason::Advertisement);
    }
    if COMMENT_SET.contains(squashed)
        || is_comment_count(lower)
        || is_comment_marked(lower, text, line.marks)
    {
        return Some(Reason::Comments);
    }
    if is_promo_lower(lower, n) {
        return Some(Reason::Promo);
    }
    if is_section_header_squashed(squashed, lower, text, n) {
        return Some(Reason::RelatedStories);
    }
    if is_author_box(lower, text, n) {
        return Some(Reason::Boilerplate);
    }
    if is_navigation_lower(lower, squashed, n) {
        return Some(Reason::Navigation);
    }
    if is_legal_lower(lower, n, line.marks) {
        return Some(Reason::Legal);
    }
    None
}

/// One trimmed line as every recogniser wants it, computed once. The
/// recognisers used to lowercase, squash, count words and search the phrase
/// lists each for itself; on plain text that was most of the running time.
struct Line<'a> {
    /// The line, trimmed, as written.
    text: &'a str,
    /// `text.to_lowercase()`.
    lower: String,
    /// [`squash`] of `lower`.
    squashed: String,
    /// [`word_count`] of `lower`.
    words: usize,
    /// Which phrase lists have a phrase somewhere in `lower` ([`marks`]).
    marks: u8,
}

impl<'a> Line<'a> {
    fn new(text: &'a str) -> Line<'a> {
        let lower = text.to_lowercase();
        // `squash` and `word_count` in one pass: both ask of every
        // character whether it is alphanumeric.
        let mut squashed = String::with_capacity(lower.len());
        let mut words = 0;
        let mut in_word = false;
        for c in lower.chars() {
            let alnum = if c.is_ascii() {
                c.is_ascii_alphanumeric()
            } else {
                c.is_alphanumeric()
            };
            if alnum {
                squashed.push(c);
            }
            let w = alnum || c == '\'' || c == '’';
            words += usize::from(w && !in_word);
            in_word = w;
        }
        let marks = marks(&lower);
        Line {
            text,
            lower,
            squashed,
            words,
            marks,
        }
    }
}

/// [`NAV_LINES`], [`AD_LINES`] and [`COMMENT_LINES`] as sets: one hash
/// instead of a comparison with each of some 240 phrases per line.
static NAV_SET: Lazy<HashSet<&'static str>> = Lazy::new(|| NAV_LINES.iter().copied().collect());
static AD_SET: Lazy<HashSet<&'static str>> = Lazy::new(|| AD_LINES.iter().copied().collect());
static COMMENT_SET: Lazy<HashSet<&'static str>> =
    Lazy::new(|| COMMENT_LINES.iter().copied().collect());

/// Bits of [`marks`]: one per phrase list searched anywhere in a line.
const MARK_FOOTER: u8 = 1;
const MARK_CAPTION: u8 = 1 << 1;
const MARK_COMMENT: u8 = 1 << 2;
const MARK_LEGAL: u8 = 1 << 3;
const MARK_COOKIE: u8 = 1 << 4;
const MARK_CREDIT: u8 = 1 << 5;

/// Agency credit lines ("Jessica Napoli contributed to this report."),
/// found anywhere in a line; see [`is_byline`].
const CREDIT_MARKS: &[&str] = &["contributed to this report", "contributed reporting"];

/// One automaton for every "anywhere in the line" phrase list, and for each
/// of its patterns the [`marks`] bits of the lists that hold it. One pass
/// over a line replaces some fifty `str::contains` calls, each of which
/// built a searcher and scanned the line again.
static MARKS: Lazy<(AhoCorasick, Vec<u8>)> = Lazy::new(|| {
    let lists: [(&[&str], u8); 6] = [
        (FOOTER_MARKS, MARK_FOOTER),
        (CAPTION_MARKS, MARK_CAPTION),
        (COMMENT_MARKS, MARK_COMMENT),
        (LEGAL_MARKS, MARK_LEGAL),
        (&["cookie"], MARK_COOKIE),
        (CREDIT_MARKS, MARK_CREDIT),
    ];
    // A phrase in two lists is one pattern with both bits, so that the
    // automaton never has to report duplicates.
    let mut patterns: Vec<&str> = Vec::new();
    let mut bits: Vec<u8> = Vec::new();
    for (list, bit) in lists {
        for &p in list {
            match patterns.iter().position(|q| *q == p) {
                Some(i) => bits[i] |= bit,
                None => {
                    patterns.push(p);
                    bits.push(bit);
                }
            }
        }
    }
    let ac = AhoCorasick::new(&patterns).expect("the phrase lists are small");
    (ac, bits)
});

/// Bits (`MARK_*`) of the phrase lists that have a phrase in `lower`.
fn marks(lower: &str) -> u8 {
    let (ac, bits) = &*MARKS;
    ac.find_overlapping_iter(lower)
        .fold(0, |m, hit| m | bits[hit.pattern().as_usize()])
}

/// Whether `lower` starts with `prefix` and the prefix ends on a word
/// boundary ("subscribe" matches "subscribe now", not "subscribers").
fn starts_with_word(lower: &str, prefix: &str) -> bool {
    match lower.strip_prefix(prefix) {
        Some(rest) => {
            prefix.ends_with(|c: char| !c.is_alphanumeric())
                || !rest.starts_with(|c: char| c.is_alphanumeric())
        }
        None => false,
    }
}

/// Separators between stamps on one line ("Nov 19, 2019 • 2 min read").
const DATE_SEPARATORS: [char; 3] = ['•', '|', '·'];

/// Whether the line is a date or time stamp: numbers, month and weekday
/// names and stamp words only ("Updated 22 Nov, 2024", "2019-11-20 10:30",
/// "3 hours ago", "2019年11月20日"). A date inside a sentence is not a
/// date line, since the sentence's other words are not stamp words.
pub(crate) fn is_date(text: &str) -> bool {
    if text.len() > MAX_PATTERN_BYTES / 2 {
        return false;
    }
    // "Nov 19, 2019 at 6:46 pm ET • 2 min read": stamps joined by a
    // separator are a date when every part is a date or a reading time.
    if text.contains(DATE_SEPARATORS) {
        let mut dates = 0;
        for part in text
            .split(DATE_SEPARATORS)
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            if is_single_date(part) {
                dates += 1;
            } else if !is_reading_time(part) {
                return false;
            }
        }
        return dates > 0;
    }
    is_single_date(text)
}

/// [`is_date`] of a whole line, reusing its lowercase form when the line is
/// one stamp. Lines with separators take the general path: each part is
/// lowercased on its own, as before (a final sigma lowercases differently
/// alone than in the middle of a line).
fn is_date_line(line: &Line<'_>) -> bool {
    if line.text.len() > MAX_PATTERN_BYTES / 2 {
        return false;
    }
    if line.text.contains(DATE_SEPARATORS) {
        return is_date(line.text);
    }
    is_single_date_lower(&line.lower)
}

fn is_single_date(text: &str) -> bool {
    is_single_date_lower(&text.to_lowercase())
}

fn is_single_date_lower(lower: &str) -> bool {
    let mut numbers = 0;
    let mut months = 0;
    let mut tokens = 0;
    for token in date_tokens(lower) {
        tokens += 1;
        if tokens > DATE_MAX_TOKENS {
            return false;
        }
        if token.bytes().all(|b| b.is_ascii_digit()) {
            numbers += 1;
        } else if lexicon::is_month_word(token) {
            months += 1;
        } else if !lexicon::is_date_word(token) {
            return false;
        }
    }
    numbers >= 1 && (months >= 1 || numbers >= 2)
}
/// Splits a lowercased line into the tokens of a date: runs of ASCII digits,
/// runs of letters, and each CJK character on its own (so "2019年11月"
/// gives `2019`, `年`, `11`, `月`).
fn date_tokens(lower: &str) -> impl Iterator<Item = &str> {
    let mut rest = lower;
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        let first = rest.chars().next()?;
        let len = if first.is_ascii_digit() {
            rest.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len())
        } else if !first.is_alphabetic() || (is_cjk(first) && !is_hangul(first)) {
            // Each CJK character is a token; so is a numeric character
            // outside ASCII ("²", "٣"), which would otherwise make an empty
            // token and stall the iterator.
            first.len_utf8()
        } else {
            rest.find(|c: char| !c.is_alphabetic() || (is_cjk(c) && !is_hangul(c)))
                .unwrap_or(rest.len())
        };
        // A digit of another script ("٩") is alphanumeric but neither an
        // ASCII digit nor alphabetic: it is a token of its own, or the
        // iterator would yield empty tokens forever.
        let len = if len == 0 { first.len_utf8() } else { len };
        let (token, tail) = rest.split_at(len);
        rest = tail;
        Some(token)
    })
}

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// Whether the line is a reading-time stamp: a number, a word for minutes
/// and a word for reading, in a short line ("2 mins read", "Lesezeit: 3
/// Min.", "Reading time: 4 minutes").
pub(crate) fn is_reading_time(text: &str) -> bool {
    text.len() <= READING_TIME_MAX_BYTES && is_reading_time_lower(&text.to_lowercase())
}

/// Longest reading-time stamp, in bytes.
const READING_TIME_MAX_BYTES: usize = 80;

fn is_reading_time_lower(lower: &str) -> bool {
    let (mut number, mut minute, mut read, mut n) = (false, false, false, 0);
    for token in date_tokens(lower) {
        n += 1;
        if token.bytes().all(|b| b.is_ascii_digit()) {
            number = true;
        } else if MINUTE_WORDS.contains(&token) {
            minute = true;
        } else if READ_WORDS.contains(&token) {
            read = true;
        }
    }
    // "5 min" alone is a video length as often as a reading time, so we
    // want the word for reading too.
    number && minute && read && n <= 6
}

/// Whether the line is an author line: "By Jane Doe", "By JANE DOE and John
/// Smith, Reuters", "Von Max Muster". The words after "By" must be mostly
/// capitalised, so "By the end of the year, prices rose." stays prose.
#[cfg(test)]
pub(crate) fn is_byline(text: &str) -> bool {
    text.len() <= MAX_PATTERN_BYTES && is_byline_line(&Line::new(text))
}

fn is_byline_line(line: &Line<'_>) -> bool {
    let text = line.text;
    if text.len() > MAX_PATTERN_BYTES / 2 {
        return false;
    }
    // "Jessica Napoli contributed to this report." closes many agency
    // stories; it names authors, like a byline.
    const CREDIT_LINE_MAX_WORDS: usize = 20;
    if line.marks & MARK_CREDIT != 0 && line.words <= CREDIT_LINE_MAX_WORDS {
        return true;
    }
    // A byline split over two lines ("By" / "Randy Maniloff"): the bare
    // word is the byline's start; the classifier claims the name after it.
    if is_bare_by(text) {
        return true;
    }
    let Some(rest) = [
        "By ",
        "BY ",
        "by ",
        "Von ",
        "Por ",
        "Oleh ",
        "Written by ",
        "Words by ",
    ]
    .iter()
    .find_map(|p| text.strip_prefix(p)) else {
        return false;
    };
    let all: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    if all.is_empty() || all.len() + 1 > BYLINE_MAX_WORDS {
        return false;
    }
    // A byline may end in a date ("By Jane Doe | March 3, 2022"), a
    // role ("Staff Writer") or an agency; what it has not are lowercase
    // content words, which every sentence has.
    let lowercase_words = all
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .filter(|w| {
            !matches!(
                **w,
                "and"
                    | "und"
                    | "e"
                    | "y"
                    | "dan"
                    | "de"
                    | "da"
                    | "do"
                    | "dos"
                    | "van"
                    | "von"
                    | "der"
                    | "di"
                    | "del"
                    | "la"
                    | "le"
                    | "in"
                    | "at"
                    | "for"
                    | "of"
                    | "the"
                    | "updated"
                    | "published"
            ) && !lexicon::is_date_word(&w.to_lowercase())
        })
        .count();
    let first_capital = all[0].starts_with(|c: char| c.is_uppercase());
    first_capital && lowercase_words == 0 && !text.ends_with(['!', '?'])
}

fn is_footer_lower(lower: &str, n: usize, marks: u8) -> bool {
    if n > 40 {
        return false;
    }
    marks & MARK_FOOTER != 0 || FOOTER_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// Whether the line is the bare word that opens a byline split over two
/// lines: "By", "Von", "Por", "Oleh".
pub(crate) fn is_bare_by(text: &str) -> bool {
    matches!(
        text.trim(),
        "By" | "by" | "BY" | "Von" | "Por" | "Oleh" | "Written by"
    )
}

/// Whether the line is a source footer or copyright notice ("Published in
/// Dawn, March 1st, 2023", "© 2024 Example Media. All rights reserved.").
#[allow(dead_code)] // for the HTML classifier
pub(crate) fn is_footer(text: &str) -> bool {
    if text.len() > MAX_PATTERN_BYTES {
        return false;
    }
    let lower = text.to_lowercase();
    is_footer_lower(&lower, word_count(&lower), marks(&lower))
}

fn is_promo_lower(lower: &str, n: usize) -> bool {
    if n > PROMO_MAX_WORDS {
        return false;
    }
    if PROMO_PREFIXES.iter().any(|p| starts_with_word(lower, p)) {
        return true;
    }
    // "Follow Dawn on Twitter", "Follow Newsbeat on Instagram, Facebook
    // and YouTube": a call to follow that names a network. "Follow the
    // money" names none.
    const FOLLOW_MAX_WORDS: usize = 15;
    if starts_with_word(lower, "follow")
        && n <= FOLLOW_MAX_WORDS
        && words(lower).any(|w| {
            matches!(
                w,
                "twitter"
                    | "facebook"
                    | "instagram"
                    | "youtube"
                    | "telegram"
                    | "whatsapp"
                    | "linkedin"
                    | "tiktok"
                    | "threads"
            )
        })
    {
        return true;
    }
    // "Sign up for our newsletter" anywhere in a short line without a full
    // stop; a sentence that mentions a newsletter is left alone.
    // Newsletter boxes are often one short sentence ("Stay up to date.
    // Subscribe to our newsletter."), so a full stop does not save a line of
    // 12 words or fewer.
    n <= 12 && words(lower).any(|w| PROMO_WORDS.contains(&w))
}

/// Whether the line is a promotion: "ALSO READ: …", "Read more",
/// "Subscribe to our newsletter", "Baca juga: …".
#[allow(dead_code)] // for the HTML classifier
pub(crate) fn is_promo(text: &str) -> bool {
    if text.len() > MAX_PATTERN_BYTES {
        return false;
    }
    let lower = text.to_lowercase();
    is_promo_lower(&lower, word_count(&lower))
}

fn is_section_header_squashed(squashed: &str, lower: &str, original: &str, n: usize) -> bool {
    if squashed.is_empty() || n > HEADER_MAX_WORDS {
        return false;
    }
    // Whole-line headers whose word also starts subheadings ("Latest
    // developments", "Popular anger") only count alone.
    matches!(squashed, "latest" | "popular" | "popularnow" | "mostpopular")
        || RELATED_HEADERS.iter().any(|h| squashed.starts_with(h))
        // "More Great WIRED Stories", "Top Stories", "Related News": a
        // short title-case line ending in the word for stories. Sentence
        // case ("Fake news") is a subheading.
        || ((2..=5).contains(&n)
            && is_title_case(original)
            && !ends_sentence(lower)
            && ["stories", "news", "articles", "reads", "headlines"]
                .iter()
                .any(|w| lower.trim_end().ends_with(w)))
        // "More Washington Examiner", "More Sports": a site or section
        // name after "More"; longer lines starting with "More" are
        // headlines or sentences ("More than 100 people died").
        || (lower.starts_with("more ")
            && n <= 3
            && !ends_sentence(lower))
}

/// Whether the line is an author's short biography: "Louise Matsakis is a
/// staff writer at WIRED covering Amazon.", "Julius is an LA Entertainment
/// Reporter for Fox News." A name of up to four capitalised words, "is
/// a/an/the", and a word for a writing job. Position decides whether such a
/// sentence is a bio (at the end of the article) or news, so the classifier
/// applies this only to the article's last lines.
pub(crate) fn is_author_bio(text: &str) -> bool {
    const BIO_MAX_WORDS: usize = 60;
    const NAME_MAX_WORDS: usize = 4;
    const JOBS: &[&str] = &[
        "writer",
        "reporter",
        "editor",
        "correspondent",
        "journalist",
        "contributor",
        "columnist",
        "author",
        "freelance",
        "educator",
        "producer",
        "host",
        "blogger",
        "photographer",
        "analyst",
    ];
    if text.len() > MAX_PATTERN_BYTES * 2 {
        return false;
    }
    let lower = text.to_lowercase();
    if word_count(&lower) > BIO_MAX_WORDS {
        return false;
    }
    let Some(at) = [" is a ", " is an ", " is the ", " writes ", " covers "]
        .iter()
        .filter_map(|v| text.find(v))
        .min()
    else {
        return false;
    };
    let name: Vec<&str> = text[..at].split_whitespace().collect();
    (1..=NAME_MAX_WORDS).contains(&name.len())
        && name
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '('))
        && words(&lower[at..]).any(|w| JOBS.iter().any(|j| w.starts_with(j)))
}

/// Whether the line heads an author box: "About the author", "About Jane
/// Doe", "Über Moritz Bachmann", "Sobre Carlos Nadalim". A name must be two
/// capitalised words: "About the study" is a subheading.
fn is_author_box(lower: &str, original: &str, n: usize) -> bool {
    const MAX_WORDS: usize = 4;
    if !(2..=MAX_WORDS).contains(&n) || ends_sentence(lower) {
        return false;
    }
    [
        "about the author",
        "about the writer",
        "über den autor",
        "über die autorin",
        "sobre o autor",
        "sobre a autora",
        "tentang penulis",
        "об авторе",
        "sull'autore",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || (["about ", "über ", "sobre "]
            .iter()
            .any(|p| lower.starts_with(p))
            && n == 3
            && original
                .split_whitespace()
                .skip(1)
                .all(|w| w.starts_with(|c: char| c.is_uppercase())))
}

/// Whether every word of `text` that has case starts with a capital.
fn is_title_case(text: &str) -> bool {
    text.split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .all(|c| !c.is_lowercase())
}

/// Whether the line is a section header that opens a list of other stories:
/// "Related", "Latest from Top News", "Don't Miss", "Most read".
#[allow(dead_code)] // for the HTML classifier
pub(crate) fn is_section_header(text: &str) -> bool {
    if text.len() > MAX_PATTERN_BYTES {
        return false;
    }
    let lower = text.to_lowercase();
    is_section_header_squashed(&squash(&lower), &lower, text, word_count(&lower))
}

fn is_navigation_lower(lower: &str, squashed: &str, n: usize) -> bool {
    if squashed.is_empty() {
        // Nothing but punctuation and symbols: arrows, separators, "|".
        return true;
    }
    if NAV_SET.contains(squashed) {
        return true;
    }
    if n == 0 || n > PROMO_MAX_WORDS {
        return false;
    }
    if n <= 8 && words(lower).all(|w| SOCIAL_WORDS.contains(&w)) {
        return true;
    }
    is_breadcrumb(lower)
}

/// Whether the line is navigation: "Previous Story", "Go to Top", a section
/// name, a share bar, a breadcrumb ("Home > World > Asia").
#[allow(dead_code)] // for the HTML classifier
pub(crate) fn is_navigation(text: &str) -> bool {
    if text.len() > MAX_PATTERN_BYTES {
        return false;
    }
    let lower = text.to_lowercase();
    is_navigation_lower(&lower, &squash(&lower), word_count(&lower))
}

/// Whether the line is the row of actions under one reader comment:
/// "Reply", "[ reply ]", "Reply to this parent share", "Report Abuse |
/// QUOTE", "Reply Delete". Every word is an action, and "reply" or "report"
/// is among them. A thread repeats such a row under each comment, and no
/// article has one, so the text path weighs it as a barrier: on
/// dragnet-train-text, threads under a short post outweighed the post
/// although "Reply" stood under every comment (1,716 lines).
pub(crate) fn is_comment_action(text: &str) -> bool {
    /// Most words of an action row; the longest seen is "Reply to this
    /// parent share" and "Report post » log in to reply reply".
    const ACTIONS_MAX_WORDS: usize = 8;
    const ACTIONS: &[&str] = &[
        "reply",
        "replies",
        "report",
        "abuse",
        "quote",
        "delete",
        "share",
        "flag",
        "permalink",
        "link",
        "to",
        "this",
        "parent",
        "cancel",
        "edit",
        "like",
        "recommend",
        "retweet",
        "favorite",
        "post",
        "log",
        "in",
        "up",
        "down",
        "vote",
        "actions",
        "comment",
    ];
    if text.len() > 60 {
        return false;
    }
    let lower = text.to_lowercase();
    let mut n = 0;
    let (mut reply, mut report) = (false, false);
    for w in words(&lower) {
        n += 1;
        if n > ACTIONS_MAX_WORDS || !ACTIONS.contains(&w) {
            return false;
        }
        reply |= w == "reply";
        report |= w == "report";
    }
    // A lone "Report" is the flag under an embedded tweet, in the story.
    reply || (report && n > 1)
}

/// Whether the line is a comment's signature that ends in its action row:
/// "by nico on Aug 7, 2012 9:12 am PDT up reply actions", "by randfish on
/// November 7, 2011 at 5:42 pm. Reply #". It holds a number (the date), at
/// most [`SIGNATURE_MAX_WORDS`] words, and ends in "reply" or "reply
/// actions" with no full stop after.
pub(crate) fn is_comment_signature(text: &str) -> bool {
    /// Most words of a signature line: "by", a name of up to four words,
    /// "on", a date and time of up to eight, "via mobile", the actions.
    const SIGNATURE_MAX_WORDS: usize = 20;
    if text.len() > 160 || !text.starts_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    let lower = text.to_lowercase();
    let trimmed = lower.trim_end_matches([' ', '#']);
    (trimmed.ends_with(" reply") || trimmed.ends_with(" reply actions"))
        && lower.contains(|c: char| c.is_ascii_digit())
        && word_count(&lower) <= SIGNATURE_MAX_WORDS
}

/// Whether the line counts a thread's comments without being recognised
/// as a comment header by [`recognise`]: "Responses (12)", "Nov. 8 12
/// Responses", "36 Comments | 4 Recs", "Total Comments (11)". At most
/// [`THREAD_COUNT_MAX_WORDS`] words, a number, and a word for comments.
pub(crate) fn is_thread_count(text: &str) -> bool {
    /// Five words admit article subheadings ("Comment engagement score
    /// (0-50 points)" on wcxb dev-4446).
    const THREAD_COUNT_MAX_WORDS: usize = 4;
    if text.len() > 80 {
        return false;
    }
    let lower = text.to_lowercase();
    let mut n = 0;
    let (mut number, mut comments) = (false, false);
    for w in words(&lower) {
        n += 1;
        number |= w.bytes().all(|b| b.is_ascii_digit());
        comments |= w.starts_with("comment") || w.starts_with("respons");
    }
    n <= THREAD_COUNT_MAX_WORDS && number && comments
}

/// Whether the line is "Previous Story", "Next Story" or a like arrow, after
/// which scraped pages put the other story's headline.
pub(crate) fn is_prev_next(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    matches!(
        squash(&text.to_lowercase()).as_str(),
        "previousstory"
            | "nextstory"
            | "previousarticle"
            | "nextarticle"
            | "previouspost"
            | "nextpost"
            | "previous"
            | "next"
            | "prev"
            | "readnext"
            | "upnext"
    )
}

/// A breadcrumb: at least three parts separated by `>`, `»`, `›`, `/` or
/// `|`, each part at most three words ("Home > News > World").
fn is_breadcrumb(lower: &str) -> bool {
    const SEPARATORS: [char; 6] = ['>', '»', '›', '/', '|', '•'];
    const MIN_PARTS: usize = 3;
    const MAX_PART_WORDS: usize = 3;
    let parts: Vec<&str> = lower
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= MIN_PARTS && parts.iter().all(|p| word_count(p) <= MAX_PART_WORDS)
}

/// A comment form's boilerplate, or a comment's header line ("Jane says:",
/// "Alex on September 17, 2018 at 6:34 am said:").
fn is_comment_marked(lower: &str, original: &str, marks: u8) -> bool {
    const HEADER_MAX_WORDS: usize = 12;
    if marks & MARK_COMMENT != 0 {
        return true;
    }
    // "In a statement, the ministry said:" introduces a quote in the body,
    // so the speaker must look like a commenter: one user name (lower case
    // or with digits: "thelastchargersfan says:", "v2787 says:"), or a name
    // with a time stamp ("Alex on September 17, 2018 at 6:34 am said:").
    let trimmed = lower.trim_end();
    let Some(speaker) = [" says:", " said:", " wrote:"]
        .iter()
        .find_map(|v| trimmed.strip_suffix(v))
    else {
        return false;
    };
    let n = word_count(speaker);
    let user_name = n == 1
        && (original_is_lower(original, speaker) || speaker.contains(|c: char| c.is_ascii_digit()));
    let stamped = n < HEADER_MAX_WORDS
        && speaker.contains(|c: char| c.is_ascii_digit())
        && speaker.contains(" at ");
    user_name || stamped
}

/// Whether the first `speaker.len()` bytes' worth of `original` have no
/// capital letters (a user name, not a person's name).
fn original_is_lower(original: &str, speaker: &str) -> bool {
    original
        .trim()
        .chars()
        .take(speaker.chars().count())
        .all(|c| !c.is_uppercase())
}

fn is_comment_count(lower: &str) -> bool {
    // "12 Comments", "Comments (3)", and the vote counts under each comment
    // ("Rating: 25 Votes", "3 likes").
    const COUNTED: [&str; 6] = ["comment", "vote", "like", "repl", "point", "respons"];
    let is_number = |w: &str| w.bytes().all(|c| c.is_ascii_digit());
    let mut ws = words(lower);
    let (a, b, c) = (ws.next(), ws.next(), ws.next());
    if ws.next().is_some() {
        return false;
    }
    match (a, b, c) {
        (Some(a), Some(b), None) => {
            (is_number(a) && COUNTED.iter().any(|k| b.starts_with(k)))
                || (a.starts_with("comment") && is_number(b))
        }
        (Some("rating"), Some(n), Some(v)) => is_number(n) && v.starts_with("vote"),
        _ => false,
    }
}

fn is_caption_lower(lower: &str, n: usize, marks: u8) -> bool {
    if n > 40 {
        return false;
    }
    if is_gallery_counter(lower) {
        return true;
    }
    marks & MARK_CAPTION != 0 || CAPTION_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// Whether the line is a parenthesised photo credit on a line of its own:
/// "(Image credit: NASA)", "(Photo: Reuters)". The line above such a credit
/// is the caption it credits. Credits without brackets do not say that:
/// the BBC sets "Image copyright Getty Images" *above* the image and its
/// caption, after a body paragraph.
pub(crate) fn is_credit(text: &str) -> bool {
    const CREDIT_MAX_WORDS: usize = 12;
    if text.len() > MAX_PATTERN_BYTES / 2 {
        return false;
    }
    let lower = text.to_lowercase();
    let n = word_count(&lower);
    n <= CREDIT_MAX_WORDS && lower.starts_with('(') && is_caption_lower(&lower, n, marks(&lower))
}

/// A gallery's "Image 1 of 5" or "1 of 4 …" caption prefix.
fn is_gallery_counter(lower: &str) -> bool {
    let rest = lower
        .strip_prefix("image ")
        .or_else(|| lower.strip_prefix("photo "))
        .or_else(|| lower.strip_prefix("slide "))
        .unwrap_or(lower);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let rest = &rest[digits..];
    let Some(rest) = rest.strip_prefix(" of ").or_else(|| rest.strip_prefix("/")) else {
        return false;
    };
    let total = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&total) && !rest[total..].starts_with(|c: char| c.is_alphanumeric())
}

fn is_legal_lower(lower: &str, n: usize, marks: u8) -> bool {
    // A cookie banner is a sentence or two; the links "Privacy Policy" and
    // "Terms of Use" are a few words. A long paragraph that mentions
    // cookies is an article about cookies.
    n <= 60
        && ((marks & MARK_LEGAL != 0 && n <= 8)
            || (marks & MARK_COOKIE != 0
                && words(lower).any(|x| {
                    matches!(
                        x,
                        "use"
                            | "accept"
                            | "consent"
                            | "policy"
                            | "settings"
                            | "preferences"
                            | "browsing"
                    )
                })))
}

#[cfg(test)]
mod oracle;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::textutil::fnv;
    use proptest::prelude::*;
    use std::fmt::Write as _;
    use std::path::{Path, PathBuf};

    /// Every line of every file (inputs and gold) of the text corpora and
    /// the raw lines of the HTML pages, in a fixed order.
    fn corpus_lines(with_html: bool) -> Vec<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut files: Vec<PathBuf> = Vec::new();
        for (dir, ext) in [("zyte-text", "txt"), ("seeds", "txt"), ("zyte", "html")] {
            if ext == "html" && !with_html {
                continue;
            }
            let mut found: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect();
            found.sort();
            files.extend(found);
        }
        let lines: Vec<String> = files
            .iter()
            .flat_map(|f| {
                let raw = std::fs::read(f).unwrap();
                String::from_utf8_lossy(&raw)
                    .lines()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(
            lines.len() > 10_000,
            "corpus missing: {} lines",
            lines.len()
        );
        lines
    }

    #[test]
    fn comment_actions() {
        for line in [
            "Reply",
            "[ Reply ]",
            "Reply to this parent share",
            "Report Abuse | QUOTE",
            "Reply Delete",
            "reply ↓",
            "Report post » Log in to reply reply",
        ] {
            assert!(is_comment_action(line), "{line:?}");
        }
        for line in [
            "Report",
            "Share",
            "Replying to critics, the mayor said the plan stands.",
            "Reply to the consultation by March 3",
            "",
        ] {
            assert!(!is_comment_action(line), "{line:?}");
        }
        assert!(is_comment_signature(
            "by nico on Aug 7, 2012 9:12 am PDT up reply actions"
        ));
        assert!(is_comment_signature(
            "by randfish on November 7, 2011 at 5:42 pm. Reply #"
        ));
        assert!(!is_comment_signature(
            "The minister had until March 3 to send a reply."
        ));
        assert!(is_thread_count("Responses (12)"));
        assert!(is_thread_count("36 Comments | 4 Recs"));
        assert!(!is_thread_count("Comments"));
        assert!(!is_thread_count("Comment engagement score (0-50 points)"));
        assert!(!is_thread_count(
            "The 12 responses the council received were mostly in favour."
        ));
    }

    /// Golden snapshot of `recognise` on every line of `corpus/zyte-text`
    /// and `corpus/seeds`: one row per recognised line (reason, hash of the
    /// line, its start for a human reader) under a header with the number
    /// of lines and a hash over every line's result. Rewrite it, when a
    /// change of decisions is intended, with
    /// `DEBOILER_UPDATE_SNAPSHOTS=1 cargo test --release recognise_snapshot`
    /// and review the diff.
    #[test]
    fn recognise_snapshot() {
        let lines = corpus_lines(false);
        let mut rows = String::new();
        let mut all = String::new();
        for line in &lines {
            let r = recognise(line);
            all.push_str(r.map_or("-", Reason::as_str));
            all.push('\n');
            if let Some(r) = r {
                let preview: String = line
                    .trim()
                    .chars()
                    .take(48)
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                let _ = writeln!(
                    rows,
                    "{}\t{:016x}\t{preview}",
                    r.as_str(),
                    fnv(line.as_bytes())
                );
            }
        }
        let got = format!(
            "# lines {} results {:016x}\n{rows}",
            lines.len(),
            fnv(all.as_bytes())
        );
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/recognise_lines.tsv");
        if std::env::var_os("DEBOILER_UPDATE_SNAPSHOTS").is_some() {
            std::fs::write(&path, &got).unwrap();
            return;
        }
        let want = std::fs::read_to_string(&path).unwrap();
        let moved: Vec<String> = want
            .lines()
            .zip(got.lines())
            .filter(|(w, g)| w != g)
            .take(20)
            .map(|(w, g)| format!("  want {w}\n  got  {g}"))
            .collect();
        assert!(
            moved.is_empty() && want == got,
            "recognise changed its mind (first rows that differ):\n{}",
            moved.join("\n")
        );
    }

    /// The fast recognisers equal the naive ones of [`oracle`] on every
    /// line of the corpora, HTML source lines included.
    #[test]
    fn recognise_equals_oracle_on_corpus() {
        for line in corpus_lines(true) {
            assert_eq!(recognise(&line), oracle::recognise(&line), "{line:?}");
        }
    }

    /// Pieces that random lines are built from: words of every phrase list,
    /// numbers, months, separators and text in several scripts, so the
    /// recognisers' rarer branches are reached, not only "None".
    fn piece() -> impl Strategy<Value = String> {
        let lists: Vec<&'static str> = NAV_LINES
            .iter()
            .chain(SOCIAL_WORDS)
            .chain(RELATED_HEADERS)
            .chain(PROMO_PREFIXES)
            .chain(PROMO_WORDS)
            .chain(FOOTER_MARKS)
            .chain(FOOTER_PREFIXES)
            .chain(AD_LINES)
            .chain(COMMENT_LINES)
            .chain(COMMENT_MARKS)
            .chain(CAPTION_PREFIXES)
            .chain(CAPTION_MARKS)
            .chain(LEGAL_MARKS)
            .chain(MINUTE_WORDS)
            .chain(READ_WORDS)
            .chain(&[
                "By",
                "BY",
                "by",
                "Von",
                "Oleh",
                "Written by",
                "Jane",
                "DOE",
                "and",
                "Reuters",
                "March",
                "Nov",
                "2019",
                "10:30",
                "12",
                "1 of 4",
                "Image 3/5",
                "said:",
                "says:",
                "wrote:",
                "at",
                "More",
                "about",
                "About",
                "Stories",
                "News",
                "use",
                "accept",
                "contributed to this report",
                "Σ",
                "İ",
                "ς",
                "•",
                "|",
                "·",
                ">",
                "»",
                "/",
                "(",
                ")",
                ".",
                "!",
                "?",
                ",",
                "’",
                "'",
                "年",
                "月",
                "分",
                "읽기",
                "²",
                "٣",
                "\t",
                "  ",
            ])
            .copied()
            .collect();
        prop_oneof![
            4 => proptest::sample::select(lists).prop_map(str::to_string),
            1 => "[a-zA-Z0-9 ,.:'’()©•|/>-]{0,12}",
            1 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// Fast path equals the naive path on random short lines.
        #[test]
        fn recognise_equals_oracle(parts in proptest::collection::vec(piece(), 0..8),
                                   seps in proptest::collection::vec(
                                       prop_oneof![Just(" "), Just(""), Just(": "), Just(" | ")], 8),
                                   upper in any::<bool>()) {
            let mut line = String::new();
            for (p, s) in parts.iter().zip(&seps) {
                line.push_str(p);
                line.push_str(s);
            }
            if upper {
                line = line.to_uppercase();
            }
            prop_assert_eq!(recognise(&line), oracle::recognise(&line), "{:?}", line);
        }

        /// Same for long lines around the length limits.
        #[test]
        fn recognise_equals_oracle_long(parts in proptest::collection::vec(piece(), 20..120)) {
            let line = parts.join(" ");
            prop_assert_eq!(recognise(&line), oracle::recognise(&line), "{:?}", line);
        }
    }

    #[test]
    fn dates() {
        for d in [
            "March 12, 2022",
            "Updated 22 Nov, 2024",
            "22 Nov, 2024",
            "2019-11-20 10:30",
            "Wednesday, November 20, 2019 10:32 AM EST",
            "3 hours ago",
            "2019年11月20日 10時30分",
            "입력 2019.11.20 10:30",
            "20 ноября 2019, 10:30",
            "20 de novembro de 2019",
            "Rabu, 20 Nov 2019 10:30 WIB",
            "20.11.2019 um 14:30 Uhr",
            "Nov 19, 2019 at 6:46 pm ET • 2 min read",
        ] {
            assert!(is_date(d), "{d}");
        }
        for d in [
            "On March 3, 2022, the minister said no.",
            "Kurram atrocity",
            "2019",
            "May",
            "Top 10",
        ] {
            assert!(!is_date(d), "{d}");
        }
    }

    #[test]
    fn odd_numerals_end() {
        assert!(!is_reading_time("² min read ٣"));
        assert!(!is_date("²³ ٣"));
    }

    #[test]
    fn reading_time() {
        assert!(is_reading_time("2 mins read"));
        assert!(is_reading_time("5 min read"));
        assert!(is_reading_time("Reading time: 4 minutes"));
        assert!(!is_reading_time("5 min"));
    }

    #[test]
    fn bylines() {
        assert!(is_byline("By Jane Doe"));
        assert!(is_byline("By JANE DOE and John Smith, Reuters"));
        assert!(!is_byline("By the end of the year, prices rose."));
        assert!(!is_byline("Bypass"));
    }

    #[test]
    fn whole_lines() {
        assert_eq!(recognise("Previous Story"), Some(Reason::Navigation));
        assert_eq!(recognise("Go toTop"), Some(Reason::Navigation));
        assert_eq!(recognise("Opinion"), Some(Reason::Navigation));
        assert_eq!(recognise("Home > News > World"), Some(Reason::Navigation));
        assert_eq!(
            recognise("Facebook Twitter WhatsApp"),
            Some(Reason::Navigation)
        );
        assert_eq!(
            recognise("Latest from -Top News"),
            Some(Reason::RelatedStories)
        );
        assert_eq!(recognise("Don't Miss"), Some(Reason::RelatedStories));
        assert_eq!(
            recognise("ALSO READ: India accidentally fired missile into Pakistan"),
            Some(Reason::Promo)
        );
        assert_eq!(recognise("Read more"), Some(Reason::Promo));
        assert_eq!(
            recognise("Published in Dawn, March 1st, 2023"),
            Some(Reason::SourceFooter)
        );
        assert_eq!(
            recognise("© 2024 The Daily. All rights reserved."),
            Some(Reason::SourceFooter)
        );
        assert_eq!(recognise("Advertisement"), Some(Reason::Advertisement));
        assert_eq!(recognise("12 Comments"), Some(Reason::Comments));
        assert_eq!(recognise("Rating: 25 Votes"), Some(Reason::Comments));
        assert_eq!(
            recognise("Plague can be vaccinated (Image: GETTY)"),
            Some(Reason::Caption)
        );
        let gallery = format!(
            "1 of 4 {}",
            "A shopper looks at extension cords. ".repeat(20)
        );
        assert_eq!(recognise(&gallery), Some(Reason::Caption));
        assert_eq!(recognise("Subscribers said the service was slow."), None);
        assert_eq!(recognise("Kurram atrocity"), None);
        assert_eq!(recognise("In a statement, the ministry said:"), None);
        assert_eq!(
            recognise("thelastchargersfan says:"),
            Some(Reason::Comments)
        );
        assert_eq!(
            recognise("The company said it would sue for copyright infringement."),
            None
        );
        assert_eq!(
            recognise("Copyright 2024 Example Media"),
            Some(Reason::SourceFooter)
        );
        assert_eq!(
            recognise("The cookie shop opened in 1990 and still sells by the pound."),
            None
        );
        assert_eq!(recognise("Latest developments"), None);
        assert_eq!(recognise("Fake news"), None);
        assert_eq!(recognise("About the study"), None);
        assert_eq!(
            recognise("About Moritz Bachmann"),
            Some(Reason::Boilerplate)
        );
        assert_eq!(recognise("Elsewhere in the region"), None);
        assert_eq!(
            recognise("Image Copyright @BigMachine @BigMachine"),
            Some(Reason::Caption)
        );
    }
}
