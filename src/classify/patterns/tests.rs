//! The recognisers' tests: named cases, the recognise snapshot over the
//! corpus, and the oracle (the naive recognisers) as a proptest.

use super::byline::*;
use super::comments::*;
use super::dates::*;
use super::phrases::*;
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
        "Reply to This Parent Share twitter facebook",
    ] {
        assert!(is_comment_action(line), "{line:?}");
    }
    for line in [
        "Report",
        "Share",
        "Replying to critics, the mayor said the plan stands.",
        "Reply to the consultation by March 3",
        "Share on Twitter Facebook",
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
        .chain(SIGNUP_MARKS)
        .chain(APPEAL_MARKS)
        .chain(super::promo::CONTACT_WORDS)
        .chain(&["tips@example.com", "Email "])
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

    /// The first ASCII run, where known, is the first of the words.
    #[test]
    fn first_ascii_run_is_the_first_word(text in "([a-z0-9 ,.:'()|/>-]|é|ß|’|ж|年|²){0,12}") {
        if let Some(w) = super::navigation::first_ascii_run(&text) {
            prop_assert_eq!(Some(w), crate::textutil::letter_runs(&text).next());
        }
    }

    /// The prefix tables find the entries a line starts with, in list
    /// order, as comparing with every entry does.
    #[test]
    fn prefixes_are_starts_with(
        head in proptest::sample::select(PROMO_PREFIXES.iter().chain(CAPTION_PREFIXES).chain(FOOTER_PREFIXES).copied().collect::<Vec<_>>()),
        cut in 0usize..40,
        tail in "([a-z :'()]|é|ж){0,6}",
    ) {
        let mut at = cut.min(head.len());
        while !head.is_char_boundary(at) {
            at -= 1;
        }
        let line = format!("{}{tail}", &head[..at]);
        for list in [PROMO_PREFIXES, CAPTION_PREFIXES, FOOTER_PREFIXES, RELATED_HEADERS, &["a", "abcdefgh", "abcdefghi"]] {
            let table = Prefixes::new(list);
            let fast: Vec<&str> = table.starting(line.as_bytes()).collect();
            let slow: Vec<&str> = list.iter().copied().filter(|p| line.starts_with(p)).collect();
            prop_assert_eq!(fast, slow, "{:?}", line);
        }
    }

    /// The gated thread count equals the old one.
    #[test]
    fn thread_count_equals_oracle(parts in proptest::collection::vec(
        prop_oneof![
            3 => proptest::sample::select(vec!["Comments", "COMMENT", "responses", "Respons", "12", "(3)", "Recs", "İ", "\u{212a}", "|", "’", "on"]).prop_map(str::to_string),
            1 => piece(),
        ], 0..7)) {
        let line = parts.join(" ");
        prop_assert_eq!(is_thread_count(&line), oracle::is_thread_count(&line), "{:?}", line);
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
    // A word for whose comments they are, before the count.
    assert_eq!(recognise("Reader Comments (4)"), Some(Reason::Comments));
    assert_eq!(recognise("Reader comments 17"), Some(Reason::Comments));
    assert_eq!(recognise("Total Comments (11)"), Some(Reason::Comments));
    assert_eq!(recognise("Reader Comments"), Some(Reason::Comments));
    assert_eq!(recognise("User Comments"), Some(Reason::Comments));
    // The head of a thread that names its post.
    assert_eq!(
        recognise("12 thoughts on “How to plan a budget”"),
        Some(Reason::Comments)
    );
    assert_eq!(
        recognise("59 Comments on “The Budget, Day Eighteen”"),
        Some(Reason::Comments)
    );
    assert_eq!(
        recognise("1,400 Responses to \"Council budget\""),
        Some(Reason::Comments)
    );
    assert_eq!(recognise("12 thoughts on the budget"), None);
    // Other three-word lines with a count stay unclaimed.
    assert_eq!(recognise("Comments from 3 readers"), None);
    assert_eq!(
        recognise("Plague can be vaccinated (Image: GETTY)"),
        Some(Reason::Caption)
    );
    let gallery = format!(
        "1 of 4 {}",
        "A shopper looks at extension cords. ".repeat(20)
    );
    assert_eq!(recognise(&gallery), Some(Reason::Caption));
    // A fraction before a unit of measure is an ingredient, not a counter.
    assert_eq!(
        recognise("1/4 The crowd outside the court"),
        Some(Reason::Caption)
    );
    assert_eq!(recognise("1/2 cup milk, at room temperature"), None);
    assert_eq!(recognise("3/4 tsp ground cloves"), None);
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

/// A newsletter box's pitch, consent and confirmation lines are promos
/// wherever they stand; prose about an inbox is not.
#[test]
fn signup_boxes() {
    for line in [
        "Get the day’s top headlines delivered to your inbox every morning by subscribing to our newsletter.",
        "No spam, we promise. You can unsubscribe at any time and we'll never share your details without your permission.",
        "Thanks for signing up!",
        "An email with an activation link has just been sent to your email address. Please activate your subscription by clicking on the activation link inside the email.",
        "By signing up, you agree to our Privacy Policy and European users agree to the data transfer policy. For more newsletters, check out our newsletters page.",
    ] {
        assert_eq!(recognise(line), Some(Reason::Promo), "{line}");
    }
    assert_eq!(
        recognise(
            "It would be very cool to have a live view of how many unread e-mails you currently have in your inbox."
        ),
        None
    );
    // Past two sentences, a paragraph that quotes a sign-up box is prose.
    let long = format!(
        "{} Thanks for signing up.",
        "The campaign sent letters to every voter in the county. ".repeat(5)
    );
    assert_eq!(recognise(&long), None);
}

/// An author's bio names a writing job anywhere, a title right after the
/// verb, or when the author joined; a news sentence that quotes advisers
/// further on, or a company that is a directory, is no bio.
#[test]
fn author_bios() {
    for line in [
        "Jane Doe is a staff writer at the Courier covering local government.",
        "Daryl Fairweather is the chief economist of Redfin.",
        "Trevor Jackins is a Senior Digital Marketing Manager at Splashtop.",
        "Sam is the revenue-focused VP of Marketing at Dealfront.",
        "Matt Check is the Head Winemaker and Co-Founder of Cellar Beast Winehouse.",
        "Emiliano joined pv magazine in March 2017. He has been reporting on solar since 2009.",
    ] {
        assert!(is_author_bio(line), "{line}");
    }
    for line in [
        "Trump is the final decision-maker in the US on any deal, and hasn't committed to any specifics so far, White House advisers say.",
        "Cloudtango is a directory helping businesses connect with managed service providers.",
        "Ascom is headquartered in Baar (Switzerland).",
        "Smith joined the protest on Sunday.",
        "It is the responsibility of the editor to check every fact.",
    ] {
        assert!(!is_author_bio(line), "{line}");
    }
    // A paragraph-long bio counts when the title follows the verb; a long
    // closing paragraph that names a job further on is the story's.
    let tail = " She has covered housing, credit and the labour market for a decade, and her work has been cited by lenders, regulators and the central bank in their own reports.".repeat(3);
    assert!(is_author_bio(&format!(
        "Daryl Fairweather is the chief economist of Redfin.{tail}"
    )));
    assert!(!is_author_bio(&format!(
        "Emirates is the largest buyer of the plane, its chairman said.{tail} Reporter notes follow."
    )));
}

/// The author's contact box is a promo; an address in a story's own
/// request is not. An agency crew of a dozen names is a credit line.
#[test]
fn contact_boxes_and_credits() {
    for line in [
        "Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik. Follow us on Twitter @Spacedotcom and on Facebook.",
        "Have a tip? Amy Kuperinsky may be reached at akuperinsky@njadvancemedia.com. Follow her on Twitter @AmyKup or on Facebook.",
    ] {
        assert_eq!(recognise(line), Some(Reason::Promo), "{line}");
    }
    for line in [
        "Have an auction item you want to give? Please go here and fill out the form to donate or contact Lindsay at lindsay@thelizlogelinfoundation.org.",
        "Don't forget to add kindle@hackermonthly.com to your Kindle Approved Email List and you'll be all set.",
    ] {
        assert_eq!(recognise(line), None, "{line}");
    }
    assert_eq!(
        recognise(
            "Associated Press writers Alan Fram, Zeke Miller, Laurie Kellman, Colleen Long, Eric Tucker, Lolita Baldor and Jill Colvin contributed to this report."
        ),
        Some(Reason::Byline)
    );
}

/// An appeal for money after the story is a promo; a sentence about
/// support that asks for nothing is not.
#[test]
fn appeals() {
    for line in [
        "This story is funded by readers like you",
        "Donate now",
        "Available in paperback. It will make a great gift for the runners you know, and helps support our work here on the site.",
        "Five Books interviews are expensive to produce. If you've enjoyed this interview, please support us by donating a small amount.",
    ] {
        assert_eq!(recognise(line), Some(Reason::Promo), "{line}");
    }
    assert_eq!(
        recognise("The union said it would support the strike if talks failed."),
        None
    );
}

/// [`marks`] as it was first written: `str::contains`, list by list.
fn naive_marks(lower: &str) -> Marks {
    MARK_LISTS
        .iter()
        .filter(|(list, _)| list.iter().any(|p| lower.contains(p)))
        .fold(0, |found, (_, bit)| found | bit)
}

/// The phrases of every mark list cut at any byte, so that a line holds
/// the starts and ends of phrases that overlap (the fall-back moves).
fn mark_piece() -> impl Strategy<Value = String> {
    let phrases: Vec<&'static str> = MARK_LISTS
        .iter()
        .flat_map(|(list, _)| list.iter().copied())
        .collect();
    (
        proptest::sample::select(phrases),
        any::<u8>(),
        any::<bool>(),
    )
        .prop_map(|(p, cut, head)| {
            let mut at = usize::from(cut) % (p.len() + 1);
            while !p.is_char_boundary(at) {
                at -= 1;
            }
            if head {
                p[..at].to_string()
            } else {
                p[at..].to_string()
            }
        })
}

proptest! {
    /// The table automaton finds what `contains` finds.
    #[test]
    fn marks_equal_contains(parts in proptest::collection::vec(
        prop_oneof![3 => mark_piece(), 1 => "[a-z ©(:]{0,4}"], 0..10)) {
        let line = parts.concat();
        prop_assert_eq!(marks(&line), naive_marks(&line), "{:?}", line);
    }
}

proptest! {
    /// Runs over windows stepped side by side find what one run finds, on
    /// lines of any length (shorter than a phrase too) and in any number
    /// of windows.
    #[test]
    fn windowed_runs_are_one_run(parts in proptest::collection::vec(
        prop_oneof![3 => mark_piece(), 1 => "[a-z ©(:]{0,4}"], 0..30)) {
        let line = parts.concat();
        let table: &MarkTable = &MARKS;
        let one = table.run(line.as_bytes()) & ((1 << MARK_BITS) - 1);
        for found in [
            table.windows::<1>(line.as_bytes()),
            table.windows::<2>(line.as_bytes()),
            table.windows::<3>(line.as_bytes()),
            table.windows::<4>(line.as_bytes()),
            table.windows::<7>(line.as_bytes()),
        ] {
            prop_assert_eq!(found & ((1 << MARK_BITS) - 1), one, "{:?}", line);
        }
    }
}

#[test]
fn marks_on_the_corpus() {
    for line in corpus_lines(true) {
        let lower = crate::textutil::lowercase(&line);
        assert_eq!(marks(&lower), naive_marks(&lower), "{lower:?}");
    }
}

#[test]
fn squash_limit_holds_every_list() {
    for list in [NAV_LINES, AD_LINES, COMMENT_LINES, RELATED_HEADERS] {
        for entry in list {
            assert!(entry.len() <= SQUASH_LIMIT, "{entry}");
        }
    }
}

proptest! {
    /// The squashed head, the word count and the digit test of a line are
    /// those of `squash` and `letter_run_count` on the whole line.
    #[test]
    fn line_fill_equals_the_passes(text in "([a-zA-Z0-9 ,.:'’()©•|/>_-]|é|ü|ß|Σ|İ|ж|年|٣|²|\u{2019}s){0,80}") {
        let (mut lower, mut squashed) = (String::new(), [0; SQUASH_BUF]);
        let line = Line::fill(&text, &mut lower, &mut squashed);
        let full_lower = crate::textutil::lowercase(&text);
        let full = crate::textutil::squash(&full_lower);
        prop_assert_eq!(line.lower, full_lower.as_str());
        if full.len() <= SQUASH_LIMIT {
            prop_assert_eq!(line.squashed, full.as_bytes());
        } else {
            prop_assert!(line.squashed.len() > SQUASH_LIMIT);
            prop_assert!(full.as_bytes().starts_with(line.squashed));
        }
        prop_assert_eq!(line.words, crate::textutil::letter_run_count(&full_lower));
        prop_assert_eq!(line.digit, full_lower.bytes().any(|b| b.is_ascii_digit()));
        prop_assert_eq!(line.marks, naive_marks(&full_lower));
    }
}

proptest! {
    /// The date tokens read by bytes where they can are the tokens read
    /// by characters.
    #[test]
    fn date_tokens_equal_the_oracle(text in "([a-z0-9 ,.:/-]|é|ü|ж|年|月|²|٣|읽|\u{2019}|\u{a0}){0,30}") {
        let fast: Vec<&str> = date_tokens(&text).collect();
        let slow: Vec<&str> = oracle::date_tokens(&text).collect();
        prop_assert_eq!(fast, slow, "{:?}", text);
    }
}

#[test]
fn stamp_separators_are_the_bytes_searched() {
    assert_eq!(crate::dates::STAMP_SEPARATORS, ['•', '|', '·']);
}

proptest! {
    /// The byte search finds a separator where `contains` does.
    #[test]
    fn stamp_separator_search_is_contains(text in "([a-z0-9 |]|•|·|â|¢|·|\u{2022}|\u{b7}|\u{e2}|\u{2010}){0,20}") {
        prop_assert_eq!(
            super::dates::has_stamp_separator(&text),
            text.contains(crate::dates::STAMP_SEPARATORS)
        );
    }
}

proptest! {
    /// The byte search for the ASCII minute stems is `str::contains`.
    #[test]
    fn ascii_minute_stem_is_contains(text in "[mine t\u{e9}\u{43c}]{0,12}") {
        let want = super::dates::MINUTE_STEMS[..2].iter().any(|s| text.contains(s));
        prop_assert_eq!(super::dates::has_ascii_minute_stem(&text), want);
    }
}

#[test]
fn minute_words_hold_a_minute_stem() {
    for w in MINUTE_WORDS {
        let stems = if w.is_ascii() {
            &super::dates::MINUTE_STEMS[..2]
        } else {
            &super::dates::MINUTE_STEMS[2..]
        };
        assert!(stems.iter().any(|s| w.contains(s)), "{w}");
    }
    assert!(super::dates::MINUTE_STEMS[..2].iter().all(|s| s.is_ascii()));
}

#[test]
fn breadcrumb_separators_are_one_list() {
    let strings: Vec<String> = super::navigation::BREADCRUMB_SEPARATOR_CHARS
        .iter()
        .map(char::to_string)
        .collect();
    assert_eq!(strings, super::navigation::BREADCRUMB_SEPARATORS);
}

/// What the legal test's cookie clause rests on: a line that holds
/// "cookie" has the legal bit.
#[test]
fn cookie_is_a_legal_mark() {
    assert!(LEGAL_MARKS.contains(&"cookie"));
}

/// The first bytes the byline test lets through hold those of every bare
/// word and opening.
#[test]
fn byline_openings_start_with_the_gated_bytes() {
    for w in [
        "By",
        "by",
        "BY",
        "Von",
        "Por",
        "Oleh",
        "Written by",
        "Words by ",
    ] {
        assert!(b"BbVPOW".contains(&w.as_bytes()[0]), "{w}");
    }
}

#[test]
fn bio_verb_max_bytes() {
    assert_eq!(
        BIO_VERB_LIST.iter().map(|v| v.len()).max(),
        Some(BIO_VERB_MAX_BYTES)
    );
    assert!(BIO_VERB_LIST.iter().all(|v| v.starts_with(' ')));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]
    /// The verb search bounded by [`bio_verb_room`] finds the verb that
    /// the search of the whole line found whenever at most four words
    /// stand before it, and otherwise nothing or a verb with as many.
    #[test]
    fn bio_verb_room_keeps_the_verb(parts in proptest::collection::vec(
        proptest::sample::select(vec![
            "Jane", "Doe", "is", "a", "an", "the", "writes", "covers", "joined", "It",
            " ", "  ", "\u{a0}", "\t", "é", "writer", "x",
        ]),
        0..24,
    )) {
        let text: String = parts.concat();
        let words_before = |at: usize| text[..at].split_whitespace().count();
        let whole = BIO_VERBS.find(&text).map(|m| m.start());
        let room = bio_verb_room(&text, 4);
        let bounded = BIO_VERBS.find(&text.as_bytes()[..room]).map(|m| m.start());
        match whole {
            Some(at) if words_before(at) <= 4 => prop_assert_eq!(bounded, Some(at)),
            _ => prop_assert!(bounded.is_none_or(|at| words_before(at) > 4)),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]
    /// The arrows' test on the squashed bytes is the oracle's.
    #[test]
    fn prev_next_equals_oracle(parts in proptest::collection::vec(
        proptest::sample::select(vec![
            "Previous", "PREV", "next", "Next", " ", "Story", "article", "Post", "Read", "Up",
            "→", "«", "»", "é", "\u{130}", "-", "x", "1",
        ]),
        0..6,
    )) {
        let text: String = parts.concat();
        prop_assert_eq!(is_prev_next(&text), oracle::is_prev_next(&text), "{:?}", text);
    }
}

#[test]
fn social_lengths_hold_every_word() {
    use super::navigation::is_social_word;
    for w in SOCIAL_WORDS {
        assert!(w.is_ascii() && !w.is_empty() && w.len() < 32, "{w}");
        assert!(is_social_word(w), "{w}");
    }
    for w in ["", "facebooks", "Facebook", "tweets", "é", "instagra"] {
        assert_eq!(is_social_word(w), SOCIAL_WORDS.contains(&w), "{w}");
    }
}
