//! Named cases of HTML clutter and of look-alikes that belong to the
//! article. Each case puts one snippet into the same story page and checks
//! what becomes of the snippet's text and that the story survives.

use deboiler::Reason;

/// A story page with a slot for one snippet: `before` goes between the
/// headline and the first paragraph, `inside` among the paragraphs,
/// `after` after the article element.
fn page(before: &str, inside: &str, after: &str) -> String {
    format!(
        r#"<!doctype html><html><head><title>Council approves new river bridge - The Daily Courier</title>
<meta name="description" content="The council voted to build the bridge."></head>
<body><header><a href="/">The Daily Courier</a></header>
<main><article class="story">
<h1>Council approves new river bridge</h1>
{before}
<div class="story-body">
<p>The city council on Tuesday approved plans for a new bridge across the river, ending a debate that has lasted for more than a decade.</p>
<p>The bridge, which will carry cars, bicycles and pedestrians, is expected to cost about 40 million dollars, officials said, and to open in three years.</p>
{inside}
<p>Residents who spoke at the meeting were divided, with some praising the plan and others warning about traffic in the old town.</p>
<p>Construction is due to start next spring, once the last permits have been granted by the regional authority.</p>
</div></article>{after}</main>
<footer class="site-footer"><p>© 2024 The Daily Courier. All rights reserved.</p></footer>
</body></html>"#
    )
}

const STORY: &[&str] = &[
    "The city council on Tuesday approved plans",
    "The bridge, which will carry cars",
    "Residents who spoke at the meeting",
    "Construction is due to start next spring",
];

/// Cleans the page and returns, for every block whose text contains
/// `needle`, its reason (`None` for body).
fn fate(html: &str, needle: &str) -> Vec<Option<Reason>> {
    let article = deboiler::clean_html(html).unwrap();
    for s in STORY {
        assert!(
            article.body().any(|b| b.text().starts_with(s)),
            "story paragraph {s:?} lost; body: {:?}",
            article.body_text()
        );
    }
    let found: Vec<Option<Reason>> = article
        .blocks()
        .iter()
        .filter(|b| b.text().contains(needle))
        .map(|b| b.reason())
        .collect();
    assert!(!found.is_empty(), "no block holds {needle:?}");
    found
}

/// Clutter: every block holding `needle` is removed with `reason`.
macro_rules! clutter {
    ($name:ident, ($before:expr, $inside:expr, $after:expr), $needle:expr, $reason:expr) => {
        #[test]
        fn $name() {
            let html = page($before, $inside, $after);
            let got = fate(&html, $needle);
            assert!(
                got.iter().all(|r| *r == Some($reason)),
                "{:?} for {:?}",
                got,
                $needle
            );
        }
    };
}

/// Look-alikes: every block holding `needle` stays in the body.
macro_rules! kept {
    ($name:ident, ($before:expr, $inside:expr, $after:expr), $needle:expr) => {
        #[test]
        fn $name() {
            let html = page($before, $inside, $after);
            let got = fate(&html, $needle);
            assert!(
                got.iter().all(Option::is_none),
                "{:?} for {:?}",
                got,
                $needle
            );
        }
    };
}

clutter!(
    nav_menu,
    (
        "",
        "",
        r#"<nav class="main-menu"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>"#
    ),
    "Sport",
    Reason::Navigation
);

clutter!(
    breadcrumb,
    (
        r#"<div class="breadcrumb"><a href="/">Home</a> › <a href="/local">Local news</a></div>"#,
        "",
        ""
    ),
    "Local news",
    Reason::Navigation
);

clutter!(
    share_bar,
    (
        r#"<div class="social-share"><a href="https://facebook.com/share">Share on Facebook</a> <a href="https://twitter.com/share">Tweet this story</a></div>"#,
        "",
        ""
    ),
    "Tweet this story",
    Reason::Navigation
);

clutter!(
    related_stories_aside,
    (
        "",
        "",
        r#"<aside class="related-stories"><h3>Related</h3><ul><li><a href="/a">Mayor defends budget plan after tense meeting</a></li><li><a href="/b">Old ferry line to close after 80 years</a></li></ul></aside>"#
    ),
    "Old ferry line to close",
    Reason::RelatedStories
);

clutter!(
    most_read_list,
    (
        "",
        "",
        r#"<section class="most-read"><h2>Most read</h2><ol><li><a href="/1">Storm damages dozens of homes on the coast</a></li><li><a href="/2">School league final goes to extra time</a></li></ol></section>"#
    ),
    "School league final",
    Reason::RelatedStories
);

clutter!(
    newsletter_box,
    (
        "",
        r#"<div class="newsletter-signup"><p>Get the morning briefing delivered to your inbox every weekday, free of charge.</p><form><input type="email"><button>Sign up</button></form></div>"#,
        ""
    ),
    "morning briefing",
    Reason::Promo
);

clutter!(
    comment_section,
    (
        "",
        "",
        r#"<section id="comments" class="comments"><h3>12 comments</h3><div class="comment"><p>I have waited for this bridge my whole life, and it is about time the council did something useful for once.</p></div></section>"#
    ),
    "waited for this bridge",
    Reason::Comments
);

clutter!(
    site_footer,
    ("", "", ""),
    "All rights reserved",
    Reason::SourceFooter
);

clutter!(
    cookie_banner,
    (
        "",
        "",
        r#"<div class="cookie-consent"><p>We use cookies to improve your experience on our site and to show you relevant advertising.</p><button>Accept</button></div>"#
    ),
    "We use cookies",
    Reason::Legal
);

clutter!(
    advertisement_slot,
    (
        "",
        r#"<div class="ad ad-slot"><span>Advertisement</span><p>Buy the new phone today at a special discount price for our readers.</p></div>"#,
        ""
    ),
    "special discount price",
    Reason::Advertisement
);

clutter!(
    photo_caption,
    (
        r#"<figure><img src="bridge.jpg"><figcaption>An artist's impression of the planned bridge. Photo: City of Riverton</figcaption></figure>"#,
        "",
        ""
    ),
    "artist's impression",
    Reason::Caption
);

#[test]
fn headline_is_the_title_and_the_title_tag_a_duplicate() {
    let html = page("", "", "");
    let got = fate(&html, "Council approves new river bridge");
    assert_eq!(got, [Some(Reason::DuplicateTitle), Some(Reason::Title)]);
}

kept!(
    list_in_article,
    (
        "",
        "<p>The plan includes:</p><ul><li>two lanes for cars in each direction</li><li>a separate path for bicycles and walkers</li></ul>",
        ""
    ),
    "separate path for bicycles"
);

kept!(
    blockquote_in_article,
    (
        "",
        "<blockquote><p>This bridge will change how people move through our city for the next hundred years.</p></blockquote>",
        ""
    ),
    "change how people move"
);

kept!(
    short_subheading,
    ("", "<h2>Cost and timing</h2>", ""),
    "Cost and timing"
);

kept!(
    table_in_article,
    (
        "",
        "<table><tr><th>Option</th><th>Cost</th></tr><tr><td>Suspension bridge design</td><td>40 million dollars</td></tr></table>",
        ""
    ),
    "Suspension bridge design"
);

// A skip link is a few words; a section wrapper whose layout class holds
// "skip" (`div.skip-item`) is not one.
clutter!(
    skip_link,
    (
        r##"<a class="skip-link" href="#main">Skip to main content</a>"##,
        "",
        ""
    ),
    "Skip to main content",
    Reason::Navigation
);

kept!(
    skip_named_section_wrapper,
    (
        "",
        r#"<div class="skip-item"><p>Engineers expect the work on the foundations to begin next spring, once the river is low enough for the crews to reach the old piers safely.</p></div>"#,
        ""
    ),
    "work on the foundations"
);

// A menu's entries are a few words each; a paragraph of prose whose class
// holds "menu" (`p.contextmenu`, a script's hook) is not one.
clutter!(
    menu_inside_article,
    (
        "",
        r#"<ul class="section-menu"><li><a href="/news">Local news</a></li><li><a href="/sport">Sport</a></li></ul>"#,
        ""
    ),
    "Local news",
    Reason::Navigation
);

kept!(
    menu_named_paragraph,
    (
        "",
        r#"<p class="contextmenu">Engineers expect the work on the foundations to begin next spring, once the river is low enough for the crews to reach the old piers safely.</p>"#,
        ""
    ),
    "work on the foundations"
);

// The class of an inline element at a block's start names that element: a
// tweet button before a long paragraph does not make it a share bar, while
// a short block that is only the button still is one.
kept!(
    share_button_before_long_paragraph,
    (
        "",
        r#"<p><a class="twitter-share-button" href="https://twitter.com/share">Tweet</a> Engineers expect the work on the foundations to begin next spring, once the river is low enough for the crews to reach the old piers safely and the permits are in. The city expects the first cars to cross the new bridge in three years."#,
        ""
    ),
    "work on the foundations"
);

clutter!(
    share_button_alone,
    (
        "",
        r#"<p><a class="twitter-share-button" href="https://twitter.com/share">Tweet this story</a></p>"#,
        ""
    ),
    "Tweet this story",
    Reason::Navigation
);

// WordPress wraps every table in `figure.wp-block-table`: the rows are
// data, only the table's `<figcaption>` is a caption.
kept!(
    table_in_figure,
    (
        "",
        r#"<figure class="wp-block-table"><table><tr><th>Option</th><th>Cost</th></tr><tr><td>Suspension bridge design</td><td>40 million dollars</td></tr></table><figcaption>Costs of the two designs. Source: City of Riverton</figcaption></figure>"#,
        ""
    ),
    "Suspension bridge design"
);

clutter!(
    caption_of_table_in_figure,
    (
        "",
        r#"<figure class="wp-block-table"><table><tr><th>Option</th><th>Cost</th></tr><tr><td>Suspension bridge design</td><td>40 million dollars</td></tr></table><figcaption>Costs of the two designs. Source: City of Riverton</figcaption></figure>"#,
        ""
    ),
    "Costs of the two designs",
    Reason::Caption
);

kept!(
    link_inside_paragraph,
    (
        "",
        r#"<p>The full <a href="/report">engineering report</a> was published on the city's website on Monday morning, along with maps.</p>"#,
        ""
    ),
    "engineering report"
);

#[test]
fn metadata_is_reported_not_mixed_into_the_body() {
    let html = page("", "", "");
    let article = deboiler::clean_html(&html).unwrap();
    assert_eq!(
        article.title().unwrap().text(),
        "Council approves new river bridge"
    );
    assert_eq!(
        article.standfirst().unwrap().text(),
        "The council voted to build the bridge."
    );
    assert!(!article.body_text().contains("The council voted to build"));
    let title = article.title().unwrap();
    assert_eq!(
        &html.as_str()[title.span()],
        "Council approves new river bridge"
    );
    assert_eq!(
        article
            .blocks()
            .iter()
            .filter(|b| b.reason() == Some(Reason::Title))
            .count(),
        1
    );
}

#[test]
fn hidden_and_script_text_never_appears() {
    let html = page(
        r#"<div hidden>hidden text block</div><div style="display: none">styled away text</div><span aria-hidden="true">aria text</span><script>var s = "script text";</script><template><p>template text</p></template>"#,
        "",
        "",
    );
    let article = deboiler::clean_html(&html).unwrap();
    for gone in [
        "hidden text",
        "styled away",
        "aria text",
        "script text",
        "template text",
    ] {
        assert!(
            !article.blocks().iter().any(|b| b.text().contains(gone)),
            "{gone}"
        );
    }
}

#[test]
fn kinds_come_from_elements() {
    use deboiler::BlockKind as K;
    let html = "<h2>A heading here</h2><ul><li>an item of a list</li></ul><blockquote>a quote</blockquote>\
                <pre>pre  text</pre><table><tr><td>a</td><td>b</td></tr></table>\
                <figure><figcaption>a caption</figcaption></figure><p>a paragraph</p>";
    let article = deboiler::clean_html(html).unwrap();
    let kinds: Vec<(K, &str)> = article
        .blocks()
        .iter()
        .map(|b| (b.kind(), b.text()))
        .collect();
    assert_eq!(
        kinds,
        [
            (K::Heading, "A heading here"),
            (K::ListItem, "an item of a list"),
            (K::Quote, "a quote"),
            (K::Preformatted, "pre  text"),
            (K::TableRow, "a\tb"),
            (K::Caption, "a caption"),
            (K::Paragraph, "a paragraph"),
        ]
    );
}

#[test]
fn fully_linked_paragraph_has_link_density_one() {
    let article =
        deboiler::clean_html(r#"<p><a href="/x">All of this text is a link</a></p>"#).unwrap();
    assert_eq!(article.blocks()[0].features().link_density(), 1.0);
}

#[test]
fn limits_are_enforced() {
    let c = deboiler::Cleaner::builder().max_depth(8).build().unwrap();
    let deep = "<div>".repeat(20) + "text";
    assert!(matches!(
        c.clean_html(&deep),
        Err(deboiler::Error::TooDeep {
            limit: 8,
            depth: 9,
            ..
        })
    ));
    let c = deboiler::Cleaner::builder().max_nodes(10).build().unwrap();
    assert!(matches!(
        c.clean_html(&"<p>x</p>".repeat(50)),
        Err(deboiler::Error::TooManyNodes { limit: 10, .. })
    ));
}

/// A flat blog template (TypePad) puts the reader comments in the post's
/// own `<div>`, one `<p>` per comment under an `<h2>Comments</h2>`, with no
/// comment class: the heading starts the thread, the post above it stays.
#[test]
fn flat_comment_thread_after_a_comments_heading() {
    let html = r#"<!doctype html><html><head><title>My favourite graphs - A Blog</title></head>
<body><div id="center"><div class="entry">
<h3>My favourite graphs</h3>
<p>These are the graphs I keep coming back to when I think about what makes people passionate about the things they use every day.</p>
<p>The first one shows how the feeling of competence grows once a user gets past the early stage where everything is still hard work.</p>
<p class="posted">Posted by Kathy on April 6, 2007</p>
<h2><a id="comments"></a>Comments</h2>
<p>Way to go, Kathy! Good to see you back, glad the bullies did not win, because they usually want to silence people.</p>
<p class="posted">Posted by: Amy | Apr 6, 2007 1:21:27 PM</p>
<p>Thank you for all the years of posts; I have learned more from this blog than from any book I have read on the subject.</p>
</div></div></body></html>"#;
    let article = deboiler::clean_html(html).unwrap();
    let body = article.body_text();
    assert!(body.contains("These are the graphs"), "{body}");
    assert!(body.contains("competence grows"), "{body}");
    for b in article.blocks() {
        if b.text().contains("bullies") || b.text().contains("years of posts") {
            assert_eq!(b.reason(), Some(Reason::Comments), "{:?}", b.text());
        }
    }
}

/// A "Comments" heading above the post (a link to the thread, or a count
/// under the headline) has no article text above it: the post stays.
#[test]
fn comments_heading_above_the_post_keeps_the_post() {
    let html = r#"<!doctype html><html><head><title>My favourite graphs - A Blog</title></head>
<body><div id="center"><div class="entry">
<h2>12 Comments</h2>
<p>These are the graphs I keep coming back to when I think about what makes people passionate about the things they use every day.</p>
<p>The first one shows how the feeling of competence grows once a user gets past the early stage where everything is still hard work.</p>
</div></div></body></html>"#;
    let article = deboiler::clean_html(html).unwrap();
    let body = article.body_text();
    assert!(body.contains("These are the graphs"), "{body}");
    assert!(body.contains("competence grows"), "{body}");
}

/// A short post whose heading `og:title` names, outscored by a profile
/// blurb in another column: the post under the confirmed headline becomes
/// the main content, and the blurb, a root of one short paragraph, goes.
#[test]
fn short_post_under_the_confirmed_headline_is_kept() {
    let html = r#"<!doctype html><html><head><title>Creative Food Sculptures - I Geek for Creativity</title>
<meta property="og:title" content="Creative Food Sculptures"></head>
<body><div id="wrap"><div class="profile"><h1>I Geek for Creativity</h1>
<div class="about"><p>I live, I learn, I teach. And, 140 characters on Twitter is limiting. Here I share and celebrate my creativity, and the creativity of others.</p></div></div>
<div class="posts"><div class="post"><div class="post-head"><h2>Creative Food Sculptures</h2></div>
<div class="post-text"><p>via fubiz.net</p><p>Repurposing food as art is creative, says the artist.</p></div></div></div></div></body></html>"#;
    let article = deboiler::clean_html(html).unwrap();
    let body = article.body_text();
    assert!(body.contains("Repurposing food as art"), "{body}");
    assert!(!body.contains("140 characters"), "{body}");
}

kept!(
    byline_span_opening_a_long_paragraph,
    (
        "",
        r#"<p><span class="byline-author">Posted by Matt Steiner, Engineering Lead</span> With our photo albums you automatically get a gallery for every trip you take, and today we are adding more storage, more sharing options and a faster viewer for everyone who uses them.</p>"#,
        ""
    ),
    "more storage, more sharing options"
);

#[test]
fn author_box_biography_in_the_article_is_removed() {
    let html = page(
        "",
        "",
        r#"<div class="post-author"><p>Mary Brock is a scientist who works on drugs you have hopefully never heard of. She writes about chemistry, cooking and the lab life, and don't even try to follow her.</p></div>"#,
    )
    .replace("</div></article>", r#"<div class="post-author"><p>Mary Brock is a scientist who works on drugs you have hopefully never heard of. She writes about chemistry, cooking and the lab life, and don't even try to follow her.</p></div></div></article>"#);
    let got = fate(&html, "Mary Brock is a scientist");
    assert!(got.iter().all(|r| r.is_some()), "{got:?}");
}

clutter!(
    teaser_ending_in_read_more,
    (
        "",
        r#"<p>The old ferry across the river makes its last crossing on Sunday, the operator said. Read more...</p>"#,
        ""
    ),
    "The old ferry across the river",
    Reason::RelatedStories
);

// A blog engine's post footer, in the story's own element.
clutter!(
    wordpress_post_footer,
    (
        "",
        "<p><small>This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under Local news. You can follow any responses to this entry through the RSS 2.0 feed.</small></p>",
        ""
    ),
    "This entry was posted on",
    Reason::SourceFooter
);
clutter!(
    typepad_trackback_url,
    (
        "",
        "",
        "<p>TrackBack URL for this entry: http://www.typepad.com/services/trackback/6a00e552e5</p>"
    ),
    "TrackBack URL",
    Reason::Comments
);
kept!(
    entry_posted_in_prose,
    (
        "",
        "<p>This entry was written by a reader, who asked us to follow the responses of the council to every letter the residents sent.</p>",
        ""
    ),
    "This entry was written"
);
