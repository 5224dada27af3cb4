//! Named cases for every kind of clutter the plain-text path recognises,
//! and for the look-alikes that must stay in the body.
//!
//! Each case puts one line (or a few) into a small article: above the body,
//! between two body paragraphs, or below it, and checks the reason the
//! cleaner gives each of its lines (`None` for body).

use deboiler::Reason;

const HEADLINE: &str = "Council approves new budget for schools";
const BODY: [&str; 3] = [
    "The council met on Tuesday to discuss the new budget, which includes money for schools and roads across the district.",
    "Officials said the plan would be put to a vote next month after a period of public consultation with residents.",
    "Several members of the public spoke in favour of the proposals, though some raised concerns about the cost of repairs.",
];

#[derive(Clone, Copy)]
enum At {
    /// Between the headline and the body.
    Above,
    /// Between the first and second body paragraph.
    Middle,
    /// After the last body paragraph.
    Below,
}

/// Builds the article with `lines` at `at`, cleans it, and checks each of
/// `lines` got `want`; the body paragraphs must stay body.
fn check(at: At, lines: &[&str], want: Option<Reason>) {
    let mut parts: Vec<&str> = vec![HEADLINE];
    if matches!(at, At::Above) {
        parts.extend(lines);
    }
    parts.push(BODY[0]);
    if matches!(at, At::Middle) {
        parts.extend(lines);
    }
    parts.extend(&BODY[1..]);
    if matches!(at, At::Below) {
        parts.extend(lines);
    }
    let input = parts.join("\n\n");
    let article = deboiler::clean_text(&input).unwrap();
    for line in lines {
        let block = article
            .blocks()
            .iter()
            .find(|b| b.text() == *line)
            .unwrap_or_else(|| panic!("no block for {line:?}"));
        assert_eq!(block.reason(), want, "{line:?} in\n{input}");
    }
    for body in BODY {
        let block = article.blocks().iter().find(|b| b.text() == body).unwrap();
        assert_eq!(
            block.reason(),
            None,
            "body paragraph {body:?} removed in\n{input}"
        );
    }
    assert_eq!(
        article.title().map(|b| b.text()),
        Some(HEADLINE),
        "title in\n{input}"
    );
}

macro_rules! t {
    ($name:ident, $at:expr, [$($line:expr),+ $(,)?], $want:expr) => {
        #[test]
        fn $name() {
            check($at, &[$($line),+], $want);
        }
    };
}

// Metadata above the body.
t!(byline, At::Above, ["By Jane Doe"], Some(Reason::Byline));
t!(
    byline_two_authors_agency,
    At::Above,
    ["By JANE DOE and John Smith, Reuters"],
    Some(Reason::Byline)
);
t!(
    reading_time,
    At::Above,
    ["5 min read"],
    Some(Reason::ReadingTime)
);
t!(
    reading_time_plural,
    At::Above,
    ["2 mins read"],
    Some(Reason::ReadingTime)
);
t!(
    date_month_name,
    At::Above,
    ["March 12, 2022"],
    Some(Reason::Date)
);
t!(
    date_updated,
    At::Above,
    ["Updated 22 Nov, 2024"],
    Some(Reason::Date)
);
t!(
    date_with_reading_time,
    At::Above,
    ["Nov 19, 2019 at 6:46 pm ET • 2 min read"],
    Some(Reason::Date)
);
t!(
    date_japanese,
    At::Above,
    ["2019年11月20日 10時30分"],
    Some(Reason::Date)
);
t!(
    date_korean,
    At::Above,
    ["입력 2019.11.20 10:30"],
    Some(Reason::Date)
);
t!(
    date_russian,
    At::Above,
    ["20 ноября 2019, 10:30"],
    Some(Reason::Date)
);
t!(
    date_portuguese,
    At::Above,
    ["20 de novembro de 2019"],
    Some(Reason::Date)
);
t!(
    breadcrumb,
    At::Above,
    ["Home > News > World"],
    Some(Reason::Navigation)
);

// Clutter inside the article.
t!(
    also_read,
    At::Middle,
    ["ALSO READ: India accidentally fired missile into Pakistan"],
    Some(Reason::Promo)
);
t!(
    baca_juga,
    At::Middle,
    ["Baca juga: Gempa guncang Jakarta"],
    Some(Reason::Promo)
);
t!(
    leia_tambem,
    At::Middle,
    ["Leia também: Governo anuncia novo plano"],
    Some(Reason::Promo)
);
t!(
    advertisement,
    At::Middle,
    ["Advertisement"],
    Some(Reason::Advertisement)
);
t!(
    photo_credit,
    At::Middle,
    ["Image copyright Getty Images"],
    Some(Reason::Caption)
);
t!(
    gallery_counter,
    At::Middle,
    ["Image 1 of 5"],
    Some(Reason::Caption)
);

// Clutter below the body.
t!(
    source_footer,
    At::Below,
    ["Published in Dawn, March 1st, 2023"],
    Some(Reason::SourceFooter)
);
t!(
    copyright,
    At::Below,
    ["© 2024 Example Media. All rights reserved."],
    Some(Reason::SourceFooter)
);
t!(read_more, At::Below, ["Read more"], Some(Reason::Promo));
t!(
    newsletter,
    At::Below,
    ["Sign up for our newsletter"],
    Some(Reason::Promo)
);
t!(
    subscribe_sentence,
    At::Below,
    ["Stay up to date. Subscribe to our newsletter."],
    Some(Reason::Promo)
);
t!(
    previous_next,
    At::Below,
    ["Previous Story", "Next Story"],
    Some(Reason::Navigation)
);
t!(go_to_top, At::Below, ["Go toTop"], Some(Reason::Navigation));
t!(
    back_to_top,
    At::Below,
    ["Back to top"],
    Some(Reason::Navigation)
);
t!(
    share_bar,
    At::Below,
    ["Facebook Twitter WhatsApp Email"],
    Some(Reason::Navigation)
);
t!(
    related_header,
    At::Below,
    ["Related stories"],
    Some(Reason::RelatedStories)
);
t!(
    dont_miss,
    At::Below,
    ["Don't Miss"],
    Some(Reason::RelatedStories)
);
t!(
    latest_from,
    At::Below,
    ["Latest from -Top News"],
    Some(Reason::RelatedStories)
);
t!(
    most_read,
    At::Below,
    ["Most read"],
    Some(Reason::RelatedStories)
);
t!(
    comment_count,
    At::Below,
    ["12 Comments"],
    Some(Reason::Comments)
);
t!(
    comment_form,
    At::Below,
    ["Your email address will not be published."],
    Some(Reason::Comments)
);
t!(
    comment_header,
    At::Below,
    ["Alex on September 17, 2018 at 6:34 am said:"],
    Some(Reason::Comments)
);
t!(
    cookie_banner,
    At::Below,
    ["We use cookies to improve your experience on our site."],
    Some(Reason::Legal)
);

t!(
    image_caption,
    At::Middle,
    ["Image caption Scooter Braun has managed many artists"],
    Some(Reason::Caption)
);
t!(
    inline_credit,
    At::Middle,
    ["The plague wiped out half of Europe (Image: GETTY)"],
    Some(Reason::Caption)
);
t!(
    contributed,
    At::Below,
    ["Jessica Napoli contributed to this report."],
    Some(Reason::Byline)
);
t!(
    author_bio,
    At::Below,
    ["Jane Doe is a staff writer at the Courier covering local government and schools."],
    Some(Reason::Byline)
);
t!(
    author_bio_title,
    At::Below,
    ["Daryl Fairweather is the chief economist of the Courier and writes about housing."],
    Some(Reason::Byline)
);
t!(
    tag_list_below,
    At::Below,
    ["Tags: council, budget, schools, roads"],
    Some(Reason::Navigation)
);
t!(
    stories_header,
    At::Below,
    ["More Great Courier Stories"],
    Some(Reason::RelatedStories)
);
t!(
    shouted_link,
    At::Middle,
    ["COUNCIL LEADER BLASTS CRITICS OVER SCHOOL BUDGET 'LIES'"],
    Some(Reason::RelatedStories)
);

// Look-alikes that are body.
t!(
    sentence_starting_with_by,
    At::Middle,
    ["By the end of the year, prices had risen by almost a third across the region."],
    None
);
t!(subheading, At::Middle, ["What happens next"], None);
t!(
    quote_line,
    At::Middle,
    ["“We will not give up,” she said."],
    None
);
t!(
    list_items,
    At::Middle,
    [
        "- Schools will get new roofs and heating systems",
        "- Roads in the north of the district will be resurfaced",
        "- Libraries will open on Sundays from next spring",
    ],
    None
);
t!(
    date_inside_sentence,
    At::Middle,
    ["On March 12, 2022, the council approved an earlier version of the plan by a wide margin."],
    None
);
t!(
    read_more_mid_sentence,
    At::Middle,
    ["Residents who want to read more about the plan can find the full text at the town hall."],
    None
);
t!(
    newsletter_in_sentence,
    At::Middle,
    [
        "The council said its weekly newsletter now reaches more than twenty thousand households in the district."
    ],
    None
);
t!(
    subscribers_sentence,
    At::Middle,
    ["Subscribers to the local paper complained that the budget pages had been hard to follow."],
    None
);
t!(
    more_than_sentence,
    At::Middle,
    ["More than 100 people attended the meeting, the largest turnout in a decade."],
    None
);
t!(
    short_final_paragraph,
    At::Below,
    ["The vote is set for May."],
    None
);

#[test]
fn headline_repeated_from_page_title() {
    let input = format!(
        "{HEADLINE} - The Daily Courier\n\nHome\nNews\nSport\nWeather\n\n{HEADLINE}\n\n{}\n\n{}\n",
        BODY[0], BODY[1]
    );
    let article = deboiler::clean_text(&input).unwrap();
    assert_eq!(article.title().unwrap().text(), HEADLINE);
    assert_eq!(article.blocks()[0].reason(), Some(Reason::DuplicateTitle));
    assert_eq!(article.body().count(), 2);
}

#[test]
fn standfirst_under_headline() {
    let dek = "The district's spending plan puts schools first and leaves roads for next year, officials say";
    let input = format!("{HEADLINE}\n\n{dek}\n\n{}\n\n{}\n", BODY[0], BODY[1]);
    let article = deboiler::clean_text(&input).unwrap();
    assert_eq!(article.title().unwrap().text(), HEADLINE);
    assert_eq!(article.standfirst().unwrap().text(), dek);
    assert_eq!(article.body().count(), 2);
}

#[test]
fn byline_over_two_lines() {
    let input = format!(
        "{HEADLINE}\n\nBy\n\nRandy Maniloff\n\n{}\n\n{}\n",
        BODY[0], BODY[1]
    );
    let article = deboiler::clean_text(&input).unwrap();
    assert_eq!(article.blocks()[1].reason(), Some(Reason::Byline));
    assert_eq!(article.blocks()[2].reason(), Some(Reason::Byline));
    assert_eq!(article.body().count(), 2);
}

#[test]
fn standfirst_repeated_as_first_paragraph_stays_body() {
    let dek = "The district's spending plan puts schools first and leaves the roads for next year.";
    let input = format!(
        "{HEADLINE}\n\n{dek}\n\nBy Jane Doe\n\n{dek}\n\n{}\n\n{}\n",
        BODY[0], BODY[1]
    );
    let article = deboiler::clean_text(&input).unwrap();
    assert_eq!(article.standfirst().unwrap().text(), dek);
    assert_eq!(article.body().count(), 3);
    assert_eq!(article.body().next().unwrap().text(), dek);
}

#[test]
fn caption_above_bracketed_credit() {
    let caption = "An artist's concept of the new school building on the old market site.";
    let input = format!(
        "{HEADLINE}\n\n{}\n\n{caption}\n\n(Image credit: District Council)\n\n{}\n\n{}\n",
        BODY[0], BODY[1], BODY[2]
    );
    let article = deboiler::clean_text(&input).unwrap();
    let reasons: Vec<_> = article.blocks().iter().map(|b| b.reason()).collect();
    assert_eq!(reasons[2], Some(Reason::Caption));
    assert_eq!(reasons[3], Some(Reason::Caption));
    assert_eq!(article.body().count(), 3);
}

#[test]
fn embedded_tweet_stays_body() {
    let input = format!(
        "{HEADLINE}\n\n{}\n\nThe budget is a disgrace to this district pic.twitter.com/abc123\n\n\
         — Jane Doe (@janedoe) November 19, 2019\n\n{}\n\n{}\n",
        BODY[0], BODY[1], BODY[2]
    );
    let article = deboiler::clean_text(&input).unwrap();
    assert_eq!(article.body().count(), 5);
}

#[test]
fn teaser_list_after_article() {
    let input = format!(
        "{HEADLINE}\n\n{}\n\n{}\n\n{}\n\nKurram atrocity\nUpdated 22 Nov, 2024\n\nKurram atrocity\n\n\
         It would be a monumental mistake for the state to continue ignoring the violence in the valley.\n\
         Green transport\n22 Nov, 2024\n\nGreen transport\n\n\
         The government has taken a commendable step by announcing a new policy for electric vehicles.\n",
        BODY[0], BODY[1], BODY[2]
    );
    let article = deboiler::clean_text(&input).unwrap();
    assert_eq!(article.body().count(), 3);
    for block in article.removed().skip(1) {
        assert_eq!(
            block.reason(),
            Some(Reason::RelatedStories),
            "{:?}",
            block.text()
        );
    }
}

#[test]
fn japanese_article() {
    let input = "東京都が新しい予算案を発表\n\n\
        東京都は二十日、来年度の予算案を発表した。学校や道路の整備に重点を置き、総額は過去最大となった。\n\n\
        知事は記者会見で「子どもたちの未来のための予算だ」と述べ、議会での早期成立を求めた。\n\n\
        トップへ\n";
    let article = deboiler::clean_text(input).unwrap();
    assert_eq!(
        article.title().unwrap().text(),
        "東京都が新しい予算案を発表"
    );
    assert_eq!(article.body().count(), 2);
    assert_eq!(article.blocks()[3].reason(), Some(Reason::Navigation));
}

#[test]
fn korean_article() {
    let input = "서울시 새 예산안 발표\n\n\
        서울시는 20일 내년도 예산안을 발표했다. 학교와 도로 정비에 중점을 두었으며 총액은 역대 최대 규모다.\n\n\
        시장은 기자회견에서 아이들의 미래를 위한 예산이라고 말하며 의회의 조속한 처리를 요청했다.\n\n\
        입력 2019.11.20 10:30\n";
    let article = deboiler::clean_text(input).unwrap();
    assert_eq!(article.body().count(), 2);
    assert_eq!(article.blocks()[3].reason(), Some(Reason::Date));
}

// Look-alikes of the narrower recognisers: body lines that share a word
// with clutter.
t!(
    shouted_subheading,
    At::Middle,
    ["WHAT THE BUDGET MEANS"],
    None
);
t!(
    name_is_a_teacher,
    At::Middle,
    ["Jane Doe is a teacher at the local school and said the money was badly needed."],
    None
);
t!(
    quote_intro_said,
    At::Middle,
    ["In a statement, the ministry said:"],
    None
);
t!(
    copyright_in_sentence,
    At::Middle,
    ["The company said it would sue the council for copyright infringement over the logo."],
    None
);
t!(
    cookie_shop_sentence,
    At::Middle,
    ["The cookie shop on the high street will receive a grant to repair its roof."],
    None
);
t!(latest_subheading, At::Middle, ["Latest developments"], None);
t!(
    sentence_case_news_subheading,
    At::Middle,
    ["Good news for parents"],
    None
);
t!(about_subheading, At::Middle, ["About the study"], None);
t!(
    comment_user_says,
    At::Below,
    ["thelastchargersfan says:"],
    Some(Reason::Comments)
);
t!(
    follow_on_networks,
    At::Below,
    ["Follow the Courier on Instagram, Facebook and YouTube."],
    Some(Reason::Promo)
);
t!(
    follow_the_money,
    At::Middle,
    ["Follow the money, the auditor told the council on Tuesday evening."],
    None
);
t!(
    date_after_article,
    At::Below,
    ["March 12, 2022"],
    Some(Reason::Date)
);

/// Cleans `input` and returns each block's text with its reason, checking
/// that every block is the slice of the input its span names.
fn decisions(input: &str) -> Vec<(String, Option<Reason>)> {
    let article = deboiler::clean_text(input).unwrap();
    article
        .blocks()
        .iter()
        .map(|b| {
            assert_eq!(&input[b.span().start..b.span().end], b.text());
            (b.text().to_owned(), b.reason())
        })
        .collect()
}

/// A page scraped one text node a line (BeautifulSoup's `get_text("\n")`):
/// every link splits its paragraph, keeping the spaces around it.
#[test]
fn paragraph_split_at_links_stays_body() {
    let input = [
        "Home",
        "News",
        "Sport",
        "Weather",
        HEADLINE,
        "The council met on Tuesday with ",
        "Mayor Ann Lee",
        " to discuss the new budget, which includes money for ",
        "schools",
        " and roads across the district.",
        "",
        "Officials said the plan would be put to a vote next month, according to the",
        "Daily Courier",
        ", after a period of public consultation with residents.",
        "",
        BODY[2],
        "",
        "Privacy",
        "Terms",
        "Contact us",
    ]
    .join("\n");
    let got = decisions(&input);
    let body: Vec<&str> = got
        .iter()
        .filter(|(_, r)| r.is_none())
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(
        body,
        [
            "The council met on Tuesday with",
            "Mayor Ann Lee",
            "to discuss the new budget, which includes money for",
            "schools",
            "and roads across the district.",
            "Officials said the plan would be put to a vote next month, according to the",
            "Daily Courier",
            ", after a period of public consultation with residents.",
            BODY[2],
        ],
        "{got:#?}"
    );
}

/// Menus, product names and user names that start in lower case are no
/// split sentence: joined, a list of them weighed like a paragraph.
#[test]
fn lower_case_list_entries_stay_apart() {
    let mut lines = vec![HEADLINE, BODY[0], BODY[1], BODY[2], "Top comments"];
    lines.extend([
        "iPhone 11",
        "iPad Air",
        "macOS Catalina",
        "fmcshan",
        "Rating: 25 Votes",
        "tjedora",
        "Rating: 12 Votes",
    ]);
    let input = lines.join("\n");
    for (text, reason) in decisions(&input) {
        let in_body = BODY.contains(&text.as_str());
        assert_eq!(reason.is_none(), in_body, "{text:?}: {reason:?}");
    }
}

/// A short post above a long thread: the "Reply" under every comment keeps
/// the thread from outweighing the post. Without a header over the thread,
/// the first comment, right under the post, still reads as its last
/// paragraph; every later one is cut off by a "Reply" row.
#[test]
fn thread_with_reply_rows_does_not_outweigh_short_post() {
    // Distinct comments, so that none is dropped as a repeat.
    let comments: Vec<String> = (1..=6)
        .map(|i| format!("I have been reading this blog for {i} years and I think the council should have asked the residents before spending the money on roads, because the schools need it far more than anyone else in the district does."))
        .collect();
    let mut lines = vec![HEADLINE, BODY[0], BODY[1]];
    for (i, comment) in comments.iter().enumerate() {
        lines.extend([["Jane Roe", "John Doe"][i % 2], comment.as_str(), "Reply"]);
    }
    let input = lines.join("\n");
    let got = decisions(&input);
    for (text, reason) in &got {
        if BODY.contains(&text.as_str()) {
            assert_eq!(*reason, None, "{text:?}");
        }
        if comments[1..].contains(text) || text == "Reply" {
            assert!(reason.is_some(), "{text:?} kept");
        }
    }
}

// inscriptis sets every list item behind a bullet or a number; the
// recognisers look past it.
t!(
    bulleted_advertisement,
    At::Middle,
    ["* Advertisement"],
    Some(Reason::Advertisement)
);
t!(
    numbered_advertisement,
    At::Middle,
    ["3. Advertisement"],
    Some(Reason::Advertisement)
);
t!(
    bulleted_sentence_stays,
    At::Middle,
    ["* The council will vote on the plan next month, the mayor said."],
    None
);

/// The region stops at a comment header below the article, however long
/// the thread under it: a barrier alone was outweighed by a dozen comments.
#[test]
fn long_thread_under_header_is_cut_off() {
    let comments: Vec<String> = (1..=12)
        .map(|i| format!("Comment number {i}: I have been reading this paper for years and I think the council should have asked the residents before it spent the money on roads, because the schools need it far more than the roads do."))
        .collect();
    let extra = "The budget also sets aside money for libraries and parks, which the council said had been neglected for a decade while the population of the district grew.";
    let mut lines = vec![HEADLINE, BODY[0], BODY[1], extra, BODY[2], "12 Comments"];
    lines.extend(comments.iter().map(String::as_str));
    let input = lines.join("\n");
    for (text, reason) in decisions(&input) {
        let in_body = BODY.contains(&text.as_str()) || text == extra;
        assert_eq!(reason.is_none(), in_body, "{text:?}: {reason:?}");
    }
}
