//! `Article::metadata`: each field on the kinds of page the issue names
//! (@graph JSON-LD, dates only in meta tags or only in the visible text,
//! lang attributes, og: tags), the source spans, and hostile JSON-LD.

use deboiler::{Article, MetaValue};

fn html(page: &str) -> Article<'_> {
    deboiler::clean_html(page).expect("cleans")
}

fn value(v: Option<&MetaValue>) -> Option<&str> {
    v.map(MetaValue::as_str)
}

const BODY: &str = "<p>The story itself, told in a first full sentence of body text.</p>\
    <p>A second paragraph follows it, with more of the story in it.</p>";

#[test]
fn graph_json_ld_with_website_first() {
    let page = format!(
        r##"<html><head><script type="application/ld+json">{{"@context":"https://schema.org","@graph":[
        {{"@type":"WebSite","@id":"#site","name":"Daily Planet","description":"All the news that fits"}},
        {{"@type":"Person","@id":"#jr","name":"Jane Roe"}},
        {{"@type":"NewsArticle","headline":"Big news today","datePublished":"2022-03-12T09:30:00+01:00",
          "description":"The dek of the story","author":[{{"@id":"#jr"}},{{"@type":"Person","name":"Bo Chen"}}],
          "publisher":{{"@id":"#site"}},"image":{{"@type":"ImageObject","url":"https://x.test/lead.jpg"}},
          "mainEntityOfPage":{{"@id":"https://x.test/big-news"}},"inLanguage":"en-GB"}}]}}</script>
        </head><body><h1>Big news today</h1><article>{BODY}</article></body></html>"##
    );
    let a = html(&page);
    let m = a.metadata();
    assert_eq!(value(m.published()), Some("2022-03-12T09:30:00+01:00"));
    assert_eq!(value(m.author()), Some("Jane Roe, Bo Chen"));
    assert_eq!(value(m.site_name()), Some("Daily Planet"));
    assert_eq!(value(m.image()), Some("https://x.test/lead.jpg"));
    assert_eq!(value(m.canonical_url()), Some("https://x.test/big-news"));
    assert_eq!(value(m.language()), Some("en-GB"));
    // The byline and standfirst come from the article node, not the site.
    assert_eq!(a.byline().unwrap().text(), "Jane Roe");
    assert_eq!(a.standfirst().unwrap().text(), "The dek of the story");
    for v in [m.published(), m.site_name(), m.image(), m.language()] {
        let v = v.unwrap();
        assert!(
            page.as_str()[v.source().unwrap()].contains(&v.as_str()[..4]),
            "{v:?}"
        );
    }
}

#[test]
fn dates_only_in_meta_tags() {
    let page = format!(
        r#"<meta name="pubdate" content="12.03.2022"><meta property="og:locale" content="pt_BR">{BODY}"#
    );
    let a = html(&page);
    let published = a.metadata().published().unwrap();
    assert_eq!(published.as_str(), "2022-03-12");
    assert_eq!(&page.as_str()[published.source().unwrap()], "12.03.2022");
    assert_eq!(value(a.metadata().language()), Some("pt-BR"));
}

#[test]
fn dates_only_in_the_visible_text() {
    for (line, iso) in [
        ("March 12, 2022", "2022-03-12"),
        ("12 de março de 2022", "2022-03-12"),
        ("2022년 3월 12일", "2022-03-12"),
        ("12 марта 2022", "2022-03-12"),
    ] {
        let page = format!(
            "<h1>Big news on the day</h1><div class=date>{line}</div><article>{BODY}</article>"
        );
        let a = html(&page);
        let published = a.metadata().published();
        assert_eq!(value(published), Some(iso), "{line}");
        assert_eq!(&page.as_str()[published.unwrap().source().unwrap()], line);
    }
    // Ambiguous: no date rather than a guess.
    let page = format!("<h1>Big news on the day</h1><p>03/04/2022</p><article>{BODY}</article>");
    assert_eq!(value(html(&page).metadata().published()), None);
}

#[test]
fn lang_attribute_og_tags_and_canonical_link() {
    let page = format!(
        r#"<html lang="id"><head><meta property="og:site_name" content="Kompas &amp; Co">
        <meta property="og:image" content="https://x.test/a.jpg?w=1&amp;h=2">
        <link rel="canonical" href="https://x.test/berita"></head><body>{BODY}</body></html>"#
    );
    let a = html(&page);
    let m = a.metadata();
    assert_eq!(value(m.language()), Some("id"));
    assert_eq!(value(m.site_name()), Some("Kompas & Co"));
    assert_eq!(value(m.image()), Some("https://x.test/a.jpg?w=1&h=2"));
    assert_eq!(value(m.canonical_url()), Some("https://x.test/berita"));
    assert_eq!(
        &page.as_str()[m.site_name().unwrap().source().unwrap()],
        "Kompas &amp; Co"
    );
}

#[test]
fn plain_text_has_date_author_and_a_detected_language_only() {
    let a = deboiler::clean_text(
        "By Jane Roe\n\n12 March 2022\n\nThe story itself, told in a first full sentence.\n",
    )
    .unwrap();
    let m = a.metadata();
    assert_eq!(value(m.published()), Some("2022-03-12"));
    assert_eq!(value(m.author()), Some("Jane Roe"));
    // Plain text declares no language: the body's, when whatlang is sure.
    if cfg!(feature = "detect-language") {
        assert_eq!(value(m.language()), Some("en"));
        assert_eq!(m.language().unwrap().source(), None);
    } else {
        assert_eq!(m.language(), None);
    }
    assert_eq!(m.site_name(), None);
}

#[test]
fn a_declared_language_wins_over_the_detected_one() {
    let html = r#"<html lang="pt"><body><p>The story itself, told in English in a first full sentence, and then a second one.</p></body></html>"#;
    let a = deboiler::clean_html(html).unwrap();
    assert_eq!(value(a.metadata().language()), Some("pt"));
}

#[cfg(feature = "detect-language")]
#[test]
fn an_unsure_guess_is_no_language() {
    // Too short for whatlang to be sure.
    let a = deboiler::clean_text("Ok.").unwrap();
    assert_eq!(a.metadata().language(), None);
}

#[test]
fn spans_point_into_original_bytes() {
    // windows-1252 bytes: the span of the site name is in the original.
    let bytes = b"<meta charset=windows-1252><meta property=\"og:site_name\" content=\"Caf\xe9 Daily\"><p>Un caf\xe9 au lait, s'il vous pla\xeet, avec du sucre.</p>";
    let a = deboiler::clean_bytes(bytes).unwrap();
    let site = a.metadata().site_name().unwrap();
    assert_eq!(site.as_str(), "Café Daily");
    assert_eq!(&bytes[site.source().unwrap()], b"Caf\xe9 Daily");
}

#[test]
fn hostile_json_ld_is_survived() {
    let deep = format!(
        "<script type=\"application/ld+json\">{}{}</script>{BODY}",
        "[".repeat(1_000_000),
        "]".repeat(1_000_000)
    );
    let a = html(&deep);
    assert!(a.metadata().author().is_none());
    let many = format!(
        "<script type=\"application/ld+json\">{{\"@type\":\"Article\",\"author\":[{}]}}</script>{BODY}",
        vec!["{\"name\":\"A B\"}"; 100_000].join(",")
    );
    let a = html(&many);
    assert_eq!(value(a.metadata().author()), Some("A B"));
}

#[test]
fn a_person_in_a_byline_beats_an_organisation_as_author() {
    let page = |byline: &str| {
        format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Big news",
            "author":{{"@type":"Organization","name":"Daily Co"}}}}</script></head><body>
            <h1>Big news</h1><p class="byline">{byline}</p>
            <p>The story itself, told in a first full sentence, and then a second one.</p></body></html>"#
        )
    };
    let html = page("By Jane Roe");
    let a = deboiler::clean_html(&html).unwrap();
    let author = a.metadata().author().unwrap();
    assert_eq!(author.as_str(), "Jane Roe");
    assert!(html.as_str()[author.source().unwrap()].contains("Jane Roe"));
    // No person named: the organisation stays the author.
    let html = page("By the newsroom staff of the paper");
    let a = deboiler::clean_html(&html).unwrap();
    assert_eq!(value(a.metadata().author()), Some("Daily Co"));
}

#[test]
fn a_date_in_the_canonical_url_when_the_page_states_none() {
    let page = format!(
        r#"<html><head><link rel="canonical" href="https://x.test/2025/12/18/big-news/">
        </head><body><h1>Big news today</h1><article>{BODY}</article></body></html>"#
    );
    let a = html(&page);
    let published = a.metadata().published().unwrap();
    assert_eq!(published.as_str(), "2025-12-18");
    // The span holds the date as the URL writes it.
    assert_eq!(&page.as_str()[published.source().unwrap()], "2025/12/18");
}

#[test]
fn a_modification_date_is_no_publication_date() {
    let page = format!(
        r#"<html><head><meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">
        </head><body><h1>Big news today</h1><article>{BODY}</article></body></html>"#
    );
    assert_eq!(value(html(&page).metadata().published()), None);
}

#[test]
fn a_later_date_block_when_the_first_is_no_date() {
    let page = format!(
        r#"<html><body><h1>Big news today</h1><article>{BODY}</article>
        <p class="date">15,000</p><p class="post-date">Published On: 15 August 2025</p></body></html>"#
    );
    let a = html(&page);
    assert_eq!(value(a.metadata().published()), Some("2025-08-15"));
}

#[test]
fn a_markup_date_written_for_people_loses_to_the_shown_date() {
    let page = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"BlogPosting",
        "datePublished":"Jun 24, 2025"}}</script></head><body><h1>Big news today</h1>
        <p class="date">August 25, 2024</p><article>{BODY}</article></body></html>"#
    );
    assert_eq!(
        value(html(&page).metadata().published()),
        Some("2024-08-25")
    );
    // Alone, it is the date.
    let alone = page.replace(r#"<p class="date">August 25, 2024</p>"#, "");
    assert_eq!(
        value(html(&alone).metadata().published()),
        Some("2025-06-24")
    );
    // An ISO date in the markup beats both (unless the shown date is
    // earlier: see `an_earlier_shown_date_beats_the_markup`).
    let iso = page.replace(
        "<head>",
        r#"<head><meta property="article:published_time" content="2024-06-23T10:00:00Z">"#,
    );
    assert_eq!(
        value(html(&iso).metadata().published()),
        Some("2024-06-23T10:00:00Z")
    );
}

fn with_markup_and_shown(markup: &str, shown: &str) -> String {
    format!(
        r#"<html><head><meta property="article:published_time" content="{markup}"></head>
        <body><h1>Big news today</h1><p class="date">{shown}</p><article>{BODY}</article></body></html>"#
    )
}

#[test]
fn an_earlier_shown_date_beats_the_markup() {
    // A date-time in UTC past the local midnight: the page shows the day
    // its readers saw.
    let page = with_markup_and_shown("2025-12-19T03:05:00+00:00", "December 18, 2025");
    let a = html(&page);
    let published = a.metadata().published().unwrap();
    assert_eq!(published.as_str(), "2025-12-18");
    assert_eq!(
        &page.as_str()[published.source().unwrap()],
        "December 18, 2025"
    );
    // A markup stamp months after the story's day (a migration, a rebuild).
    let page = with_markup_and_shown("2025-11-20T16:02:46Z", "May 14, 2025");
    assert_eq!(
        value(html(&page).metadata().published()),
        Some("2025-05-14")
    );
    // A later shown date is most often an update's: the markup wins.
    let page = with_markup_and_shown("2025-06-23T18:44:33+00:00", "Friday, December 19, 2025");
    assert_eq!(
        value(html(&page).metadata().published()),
        Some("2025-06-23T18:44:33+00:00")
    );
}

#[test]
fn an_earlier_update_line_does_not_beat_the_markup() {
    let page = with_markup_and_shown("2026-01-05T00:00:00Z", "Updated Jun 16, 2025");
    assert_eq!(
        value(html(&page).metadata().published()),
        Some("2026-01-05T00:00:00Z")
    );
}

#[test]
fn a_time_element_keeps_its_datetime_unless_a_day_apart() {
    let page = |datetime: &str, text: &str| {
        format!(
            r#"<html><body><h1>Big news today</h1><div class="meta"><time datetime="{datetime}">{text}</time></div>
            <article>{BODY}</article></body></html>"#
        )
    };
    // Months apart, the machine's value is the date.
    let far = page("2024-12-20", "August 28, 2024");
    assert_eq!(value(html(&far).metadata().published()), Some("2024-12-20"));
    // A day apart, the text shows the local day of a UTC time.
    let near = page("2026-02-24T04:13:00Z", "February 23, 2026");
    assert_eq!(
        value(html(&near).metadata().published()),
        Some("2026-02-23")
    );
}

#[test]
fn a_labelled_publication_line_beats_a_later_date() {
    // Under the story, past the share buttons: "Published" says which date
    // it is, and the markup's later one is a stamp.
    let page = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"Article",
        "datePublished":"2025-11-29T12:28:31-05:00"}}</script></head><body><h1>Big news today</h1>
        <article>{BODY}<p>Share this story</p><p>Published August 13, 2025</p></article></body></html>"#
    );
    let a = html(&page);
    let published = a.metadata().published().unwrap();
    assert_eq!(published.as_str(), "2025-08-13");
    assert_eq!(
        &page.as_str()[published.source().unwrap()],
        "Published August 13, 2025"
    );
    // A label alone, the date in the next line.
    let page = format!(
        r#"<html><body><h1>Big news today</h1><article>{BODY}<p>Share this story</p>
        <p>Posted on</p><p>Nov 21, 2018</p></article></body></html>"#
    );
    assert_eq!(
        value(html(&page).metadata().published()),
        Some("2018-11-21")
    );
    // "Originally published" in a note under the story beats the date by
    // the headline, the day it was last reworked.
    let page = format!(
        r#"<html><body><h1>Big news today</h1><p class="date">30 Sep 2022, 11:07am</p><article>{BODY}
        <p>This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated.</p>
        </article></body></html>"#
    );
    assert_eq!(
        value(html(&page).metadata().published()),
        Some("2019-09-26")
    );
}

#[test]
fn labelled_lines_that_disagree_are_a_list_of_posts() {
    let page = format!(
        r#"<html><head><meta property="article:published_time" content="2012-10-29"></head>
        <body><h1>Big news today</h1><article>{BODY}</article>
        <ul><li><p>Posted on Oct 27th 2012 9:00AM</p></li><li><p>Posted on Oct 26th 2012 8:00PM</p></li>
        <li><p>Posted on Oct 25th 2012 4:30PM</p></li></ul></body></html>"#
    );
    assert_eq!(
        value(html(&page).metadata().published()),
        Some("2012-10-29")
    );
    // A "Last published" stamp (a site builder's latest change) is no
    // publication date.
    let page = format!(
        r#"<html><head><meta property="article:published_time" content="2024-08-07"></head>
        <body><h1>Big news today</h1><article>{BODY}<p>Last published Apr 8, 2024</p></article></body></html>"#
    );
    assert_eq!(
        value(html(&page).metadata().published()),
        Some("2024-08-07")
    );
}

#[test]
fn the_date_after_a_byline_under_the_story() {
    let page = |credit: &str| {
        format!(
            r#"<html><body><h1>Big news today</h1><article>{BODY}<p>{credit}</p>
            <figure><img src="x.jpg"><figcaption>December 3, 2025. Updated: December 7, 2025</figcaption>
            </figure></article></body></html>"#
        )
    };
    let a = page("Interview by Sylvia Bishop");
    assert_eq!(value(html(&a).metadata().published()), Some("2025-12-03"));
    // Without the credit, a caption's date under the story is not read.
    let a = page("Share this story");
    assert_eq!(value(html(&a).metadata().published()), None);
}

#[test]
fn a_publication_date_by_the_headline_before_an_update() {
    let page = format!(
        r#"<html><body><h1>Big news today</h1><p class="updated">Updated Dec 2, 2025</p>
        <p class="date">Mar 8, 2024</p><article>{BODY}</article></body></html>"#
    );
    assert_eq!(
        value(html(&page).metadata().published()),
        Some("2024-03-08")
    );
    // Alone, the update's date is the page's.
    let alone = page.replace(r#"<p class="date">Mar 8, 2024</p>"#, "");
    assert_eq!(
        value(html(&alone).metadata().published()),
        Some("2025-12-02")
    );
}

#[test]
fn a_shown_date_three_body_blocks_into_the_story() {
    // A standfirst kept in the body and two short links before the date
    // line: the date stands four blocks past the body's first, and beats
    // the markup's later stamp.
    let page = format!(
        r#"<html><head><meta property="article:published_time" content="2024-08-07T12:01:51Z"></head>
        <body><h1>Big news today</h1><article>
        <h2>Here are the lessons learned from a startup with two years and about three hundred users.</h2>
        <p><a href="/follow">Follow</a></p><p><a href="/@jane">Jane Roe</a></p>
        <p>7 min read · Dec 30, 2013</p>{BODY}</article></body></html>"#
    );
    let a = html(&page);
    let published = a.metadata().published().unwrap();
    assert_eq!(published.as_str(), "2013-12-30");
    assert_eq!(
        &page.as_str()[published.source().unwrap()],
        "7 min read · Dec 30, 2013"
    );
}

#[test]
fn an_ambiguous_numeric_date_in_the_order_the_page_writes() {
    // "03/01/2017" could be March or January; the page's "01/31/2025" is
    // month first, so it is March. The `<time>` tags of a list of posts
    // above the headline give a later date, which loses to the date block.
    let page = format!(
        r#"<html><body><ul class="news"><li><a href="/a">A first news item in the list</a>
        <time datetime="2025-01-31T12:00:00Z">01/31/2025</time></li>
        <li><a href="/b">A second news item in the list</a>
        <time datetime="2025-12-17T12:00:00Z">12/17/2025</time></li></ul>
        <h1>Big news today</h1><p class="date">03/01/2017 by Agatha Caleo</p>
        <article>{BODY}</article></body></html>"#
    );
    assert_eq!(
        value(html(&page).metadata().published()),
        Some("2017-03-01")
    );
    // Alone, the ambiguous date is not read.
    let alone = format!(
        r#"<html><body><h1>Big news today</h1><p class="date">03/01/2017 by Agatha Caleo</p>
        <article>{BODY}</article></body></html>"#
    );
    assert_eq!(value(html(&alone).metadata().published()), None);
}
