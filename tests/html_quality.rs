//! Named cases of the HTML path's main-content choice on page layouts that
//! lost whole articles on the dev pool: each page is small and synthetic,
//! shows one layout, and checks that the story is kept and the clutter is
//! not.

/// Cleans `html` and returns the body text.
fn body(html: &str) -> String {
    deboiler::clean_html(html).unwrap().body_text()
}

const P1: &str = "The city council on Tuesday approved plans for a new bridge across the river, ending a debate that has lasted for more than a decade.";
const P2: &str = "The bridge, which will carry cars, bicycles and pedestrians, is expected to cost about 40 million dollars, officials said, and to open in three years.";
const P3: &str = "Residents who spoke at the meeting were divided, with some praising the plan and others warning about traffic in the old town.";

fn assert_story(text: &str) {
    for p in [P1, P2, P3] {
        assert!(
            text.contains(p),
            "story paragraph lost: {p:?}\nbody: {text:?}"
        );
    }
}

/// A comment word in the class of `<html>` or `<body>` is a page feature
/// flag, not a comment section around every block.
#[test]
fn comment_flag_on_html_and_body() {
    for (html_class, body_class) in [
        ("feature_newcomments feature_disablecomments", ""),
        ("", "single single-post no-comments"),
        ("", "post-template has-comments sidebar-right"),
    ] {
        let page = format!(
            r#"<html class="{html_class}"><head><title>Bridge</title></head><body class="{body_class}">
<div class="post"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>
<div id="comments"><p>Great article, thanks for writing it, I agree with every single word here.</p></div>
</body></html>"#
        );
        let text = body(&page);
        assert_story(&text);
        assert!(!text.contains("Great article"), "comment kept: {text:?}");
    }
}

/// A post element's state flags (`has-comments`), its taxonomy slugs
/// (`category-worth-sharing`) and hAtom's `hentry` do not make the post a
/// comment section or a share bar.
#[test]
fn flags_and_slugs_on_the_post() {
    for class in [
        "BlogItem has-comments",
        "post category-worth-sharing tag-social-media",
        "post hentry comment-hidden",
    ] {
        let page = format!(
            r#"<html><head><title>Bridge</title></head><body>
<article class="{class}"><div class="text"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></article>
<div class="sidebar"><p>About us: a small newsroom covering the river towns since 1998, and proud of it.</p></div>
</body></html>"#
        );
        let text = body(&page);
        assert_story(&text);
        assert!(!text.contains("About us"), "sidebar kept: {text:?}");
    }
}

/// A subheading's id is its own words as a link anchor: words in it
/// ("consoli-date", "how-to-share", "comment-period") do not make the
/// subheading a date, a share bar or a comment.
#[test]
fn subheading_anchor_ids_are_not_region_names() {
    for (id, heading) in [
        (
            "step-1-consolidate-the-controls",
            "Step 1: Consolidate the controls",
        ),
        ("how-to-share-the-road", "How to share the road"),
        (
            "the-comment-period-closes-in-may",
            "The comment period closes in May",
        ),
    ] {
        let page = format!(
            r#"<html><head><title>Bridge</title></head><body><article>
<p>{P1}</p><h3 id="{id}">{heading}</h3><p>{P2}</p><p>{P3}</p></article></body></html>"#
        );
        let text = body(&page);
        assert_story(&text);
        assert!(
            text.contains(heading),
            "subheading lost: {heading:?}\nbody: {text:?}"
        );
    }
}

/// A collapsed accordion's panel, hidden until the reader opens it, is
/// part of the article; text for screen readers alone is not.
#[test]
fn collapsed_accordion_panels_are_kept() {
    for panel in [
        r#"<div role="region" style="display:none;">"#,
        r#"<div class="faq-answer" hidden>"#,
        r#"<div class="accordion__content closed" aria-hidden="true">"#,
    ] {
        let page = format!(
            r#"<html><head><title>Bridge</title></head><body><article>
<p>{P1}</p><button aria-expanded="false">Who pays for it?</button>{panel}<p>{P2}</p></div>
<p>{P3}</p><span class="sr-only">Opens in a new window with more information about the bridge</span></article></body></html>"#
        );
        let text = body(&page);
        assert_story(&text);
        assert!(
            !text.contains("Opens in a new window"),
            "screen-reader text kept: {text:?}"
        );
    }
}

/// Highlighting spans inside `<pre>` name code tokens, not page regions:
/// a `<span class="hljs-comment">` does not make the listing a comment.
#[test]
fn highlighted_code_is_not_a_comment() {
    let page = format!(
        r#"<html><head><title>Bridge</title></head><body><article>
<p>{P1}</p><pre><code><span class="hljs-comment">// count the cars on the bridge</span>
let cars = bridge.count_cars();</code></pre><p>{P2}</p><p>{P3}</p></article></body></html>"#
    );
    let text = body(&page);
    assert_story(&text);
    assert!(text.contains("count the cars"), "code lost: {text:?}");
}

/// A page builder cuts the article into components, each text section in
/// the same wrapper stack, their common ancestor levels above: every
/// section with the root's tag and class list is kept.
#[test]
fn article_cut_into_components() {
    let section = |h: &str, p: &str| {
        format!(
            r#"<section class="component"><div class="component-content"><div class="component-text"><h2>{h}</h2><p>{p}</p><p>{h}: {p}</p><p>{p} {h}.</p></div></div></section>"#
        )
    };
    let page = format!(
        r#"<html><head><title>Bridge</title></head><body><main>
<div class="row"><div class="col">{}</div><div class="col-side"><p>Share</p></div></div>
<div class="row"><div class="component-image"><img src="b.jpg"></div></div>
<div class="row"><div class="col">{}</div><div class="col-side"><p>Share</p></div></div>
<div class="row"><div class="col"><div class="wrap">{}</div></div></div>
</main><footer><p>About us: a small newsroom covering the river towns since 1998.</p></footer></body></html>"#,
        section("The vote", P1),
        section("The cost", P2),
        section("The residents", P3)
    );
    let text = body(&page);
    assert_story(&text);
    assert!(!text.contains("About us"), "footer kept: {text:?}");
}

/// A short post loses the vote to an author blurb in the sidebar unless
/// being inside a sidebar (or a header, a footer, a related box) counts
/// against a candidate, as its own class would.
#[test]
fn short_post_beats_sidebar_blurb() {
    let page = r#"<html><head><title>A walk by the river</title></head><body>
<div id="header"><h1>Life, notes</h1><div class="description"><p>Every day I experience life: I live, I learn, I teach, I write, and I wonder.</p></div></div>
<div id="main"><div class="post"><h3>A walk by the river</h3><div class="post-body">We walked along the river today, past the old mill, and saw the new bridge going up at last.<br>It is bigger than I expected.</div></div></div>
<div id="sidebar-wrapper"><div class="widget"><p>About me: I am a teacher, a writer, a cook and a walker.</p></div>
<ul><li><a href="/2012/01">January 2012</a></li><li><a href="/2012/02">February 2012</a></li></ul></div>
</body></html>"#;
    let text = body(page);
    assert!(
        text.contains("We walked along the river"),
        "post lost: {text:?}"
    );
    assert!(!text.contains("About me"), "sidebar kept: {text:?}");
}

/// A link-rich paragraph between two paragraphs of the story is the
/// story's; the same paragraph after the story's last one is not.
#[test]
fn link_rich_paragraph_between_body_is_body() {
    let links = r#"<p><a href="/a">The bridge plan</a> and <a href="/b">the council vote on the river crossing</a></p>"#;
    let page = format!(
        r#"<html><head><title>Bridge</title></head><body><article>
<p>{P1}</p>{links}<p>{P2}</p><p>{P3}</p>{links}</article></body></html>"#
    );
    let a = deboiler::clean_html(&page).unwrap();
    let fates: Vec<_> = a
        .blocks()
        .iter()
        .filter(|b| b.text().starts_with("The bridge plan"))
        .map(|b| b.reason())
        .collect();
    assert_eq!(fates.len(), 2, "{fates:?}");
    assert_eq!(fates[0], None, "between body: {fates:?}");
    assert!(fates[1].is_some(), "after the story: {fates:?}");
    assert_story(&a.body_text());
}

/// React's streamed rendering sends the article as `<div hidden id="S:0">`
/// after a placeholder and moves it into place with a script: it is shown.
/// Other `hidden` elements stay hidden.
#[test]
fn streamed_boundary_is_shown() {
    let page = format!(
        r#"<html><head><title>Bridge</title></head><body><main><template id="B:0"></template><p>Loading…</p></main>
<div hidden><p>A hidden panel that nobody sees on the page, with a sentence or two of text.</p></div>
<div hidden id="S:0"><article><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></div>
<script>$RC("B:0","S:0")</script></body></html>"#
    );
    let text = body(&page);
    assert_story(&text);
    assert!(!text.contains("hidden panel"), "hidden kept: {text:?}");
}

/// A short post whose wrapper's class names it the article body keeps the
/// page against a longer column of unclassed event blurbs beside it; a
/// list of teasers each in its own `entry-content` is no such lone story.
#[test]
fn lone_body_class_beats_unclassed_column() {
    let events: String = (0..4)
        .map(|i| {
            format!(
                "<p>Monday, November {i}, 2012, 13:30 to 17:45, London. This session will use real world case studies, demos and talks to help introduce partners, developers, architects and managers to the services, tools, prices and plans of the year ahead.</p>"
            )
        })
        .collect();
    let page = format!(
        r#"<html><head><title>Bridge</title></head><body>
<div id="main"><div class="entry"><h3>Bridge approved</h3><div class="entry-content"><p>{P1}</p><p>{P2}</p></div></div></div>
<div id="gamma"><h2>Featured Events</h2>{events}</div>
</body></html>"#
    );
    let text = body(&page);
    assert!(
        text.contains(P1) && text.contains(P2),
        "post lost: {text:?}"
    );
    assert!(
        !text.contains("real world case studies"),
        "events kept: {text:?}"
    );

    // Two teasers with their own body class: the class decides nothing,
    // the longer column of prose stays the main content.
    let page = format!(
        r#"<html><head><title>Bridge</title></head><body>
<div id="main"><div class="entry-content"><p>{P1}</p></div><div class="entry-content"><p>{P3}</p></div></div>
<div id="gamma">{events}</div>
</body></html>"#
    );
    let text = body(&page);
    assert!(
        text.contains("real world case studies"),
        "column lost: {text:?}"
    );
}

/// A region word on a wrapper inside the story that holds nearly all of its
/// text (`div.sidebar-content` in a sidebar layout) names the layout, not a
/// rail: the story stays, the real rail beside it still goes.
#[test]
fn region_word_on_story_wrapper() {
    let page = format!(
        r#"<html><body><article class="post"><h1>Bridge approved</h1>
<div class="wrap"><div class="sidebar-content"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div>
<div class="sidebar"><p>Read our other story about the harbour and the new ferry line.</p></div>
</article></body></html>"#
    );
    let text = body(&page);
    assert_story(&text);
    assert!(!text.contains("harbour"), "rail kept: {text:?}");
}

/// A post whose lines sit straight inside its body-classed wrapper
/// (`div.post-body` with `<br>` lines, no `<p>`) beats a longer blurb in an
/// unclassed column beside it: the wrapper itself scores its own text.
#[test]
fn br_lines_in_body_wrapper_beat_blurb() {
    let blurb = "I write, I draw, I cook, I travel, I teach, I learn, I run, I read, I sing, I dance, I garden, I paint, and here I share it all with you, my readers, friends, and family, every day of the week.";
    let page = format!(
        r#"<html><body><div class="wrap"><div class="col"><div><p>{blurb}</p></div></div>
<ul><li><a href="/a">Archive: March</a></li><li><a href="/b">Archive: April</a></li></ul></div>
<div class="main"><div class="post"><h3>Bridge approved</h3><div class="post-body">{P1}<br>{P2}<br>{P3}</div></div></div>
</body></html>"#
    );
    let text = body(&page);
    assert_story(&text);
    assert!(!text.contains("I garden"), "blurb kept: {text:?}");
}

/// A line the story itself repeats (a schedule's step, a recipe's note)
/// is kept every time inside the article, while a second copy of the
/// story (each copy beside a copy of its neighbour) is still kept once.
#[test]
fn repeated_line_inside_the_story() {
    let step = "Drink a large glass of water before you eat anything.";
    let day = |n: usize, meal: &str| {
        format!("<h2>Day {n}</h2><p>{step}</p><p>For day {n} the menu is {meal}, with fruit.</p>")
    };
    let page = format!(
        r#"<html><head><title>Bridge</title></head><body>
<article><p>{P1}</p><p>{P2}</p>{}{}{}<p>{P3}</p>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
</body></html>"#,
        day(1, "eggs and toast"),
        day(2, "oats and yoghurt"),
        day(3, "rice and beans")
    );
    let text = body(&page);
    assert_story(&text);
    assert_eq!(text.matches(step).count(), 3, "body: {text:?}");
    assert_eq!(text.matches(P1).count(), 1, "body: {text:?}");
}

/// A post's lead paragraph beside the wrapper of a longer quoted part (a
/// press release in a collapsed box) is kept with it; a paragraph after
/// the comment thread in the same wrapper is not.
#[test]
fn lead_paragraph_beside_root_wrapper() {
    let page = format!(
        r#"<html><head><title>Bridge</title></head><body>
<div class="nav"><a href="/">Home</a></div>
<div class="col"><div class="post"><h1>Bridge approved</h1>
<p>{P1}</p>
<div id="pr_box"><div class="button">Show full text</div><div id="pr_text"><p>{P2}</p><p>{P3}</p>
<p>The council, the mayor, the engineers and the builders will meet again, in public, next spring, to agree on the timetable.</p></div></div>
<div id="comments"><p>Great article, thanks for writing it, I agree with every single word here.</p></div>
<p>Debate is fine, flaming is not, so please keep your comments polite, short and on the topic of the post.</p>
</div></div>
</body></html>"#
    );
    let text = body(&page);
    assert_story(&text);
    assert!(!text.contains("Debate is fine"), "form note kept: {text:?}");
}

/// A short author blurb that outscores a short post beside it in the same
/// wrapper gives way to the post under the page's confirmed headline.
#[test]
fn headline_post_beside_short_blurb() {
    let blurb = "Jane Doe is always drawing, writing, cooking, travelling, teaching, learning, running, reading, singing and dancing, from her home studio in sunny southern California.";
    let page = format!(
        r#"<html><head><title>Bridge approved</title></head><body>
<div class="nav"><a href="/">Home</a> <a href="/archive">Archive</a></div>
<div class="col"><div class="entry"><h2>Bridge approved</h2><div class="wrap"><p>Once a week, we feature a comic from a talented artist, and this week the bridge gets its turn.</p></div></div>
<div class="about"><div class="text"><ul><li>Jane Doe</li><li><a href="/jane">Website</a></li></ul><p>{blurb}</p></div></div></div>
</body></html>"#
    );
    let text = body(&page);
    assert!(text.contains("Once a week"), "post lost: {text:?}");
    assert!(!text.contains("home studio"), "blurb kept: {text:?}");
}

/// A paragraph that is a long comma-separated list (a sidebar profile's
/// likes and dislikes) does not outscore a short post of plain prose:
/// commas count only up to a few per paragraph.
#[test]
fn comma_list_blurb_does_not_beat_post() {
    let list: Vec<String> = (0..21).map(|i| format!("thing{i}")).collect();
    let blurb = format!("I hate {} and most of all Mondays.", list.join(", "));
    let page = format!(
        r#"<html><body><div id="outer"><div id="content"><div class="hentry"><h3>Bridge approved</h3><div class="text"><p>{P1}</p><p>{P2}</p></div></div></div>
<div id="side"><div id="profile"><h2>About me</h2><p>{blurb}</p></div></div></div>
</body></html>"#
    );
    let text = body(&page);
    assert!(
        text.contains(P1) && text.contains(P2),
        "post lost: {text:?}"
    );
    assert!(!text.contains("thing12"), "blurb kept: {text:?}");
}

/// A site description long enough to score, for the near-empty posts below.
const BLURB: &str = "Street style in London: The Style Scout is the city's longest running street fashion blog, with photographs, interviews, news and reviews, updated daily since 2006 by a small team of photographers.";

/// A photo post whose body element (`entry-content`) holds an image and
/// one short line: the post's line is the body, not the site description
/// at the foot of the page that scored more.
#[test]
fn empty_post_body_beats_site_blurb() {
    let page = format!(
        r#"<html><head><title>The Scout: In the pink</title></head><body>
<div class="main"><div class="post"><h3>In the pink</h3><div class="post-body entry-content"><img src="a.jpg"> Pink coat, Soho.</div></div>
<div class="nav"><a href="/older">Older Post</a> <a href="/">Home</a></div></div>
<div class="bottom"><div class="text"><p>{BLURB}</p></div></div>
</body></html>"#
    );
    let text = body(&page);
    assert!(text.contains("Pink coat"), "post line lost: {text:?}");
    assert!(!text.contains("longest running"), "blurb kept: {text:?}");
}

/// A gallery page whose only prose is a note at the foot, far below the
/// confirmed headline: nothing is the article, rather than the note.
#[test]
fn foot_note_far_below_headline_is_no_article() {
    let links: String = (0..30)
        .map(|i| format!("<li><a href=\"/g{i}\">Gallery number {i}</a></li>\n"))
        .collect();
    let page = format!(
        r#"<html><head><title>Day in pictures</title></head><body>
<div class="story"><h1>Day in pictures</h1><img src="1.jpg"><img src="2.jpg"></div>
<ul class="more">{links}</ul>
<div class="foot"><p>This page is best viewed in an up-to-date web browser with style sheets enabled, although you will be able to view the content of this page in your current browser.</p></div>
</body></html>"#
    );
    let text = body(&page);
    assert!(!text.contains("best viewed"), "foot note kept: {text:?}");
}

/// A guide cut into sections by a page builder that repeats the body class
/// on each section: the sections together are the article, not the FAQ
/// that outscores each section alone.
#[test]
fn body_classed_sections_beat_a_faq() {
    let p = "Solar panels on a small roof can still pay off, installers say, if the roof faces south and the panels are not shaded by trees or other houses nearby.";
    let f = "Many readers ask whether the panels need cleaning, how long they last, and what happens to them at the end of their life, which we answer here.";
    let chunk = |n: u32| {
        format!(
            r#"<section class="block"><div class="row"><div class="col-a"><h2>Step {n}</h2></div><div class="col-b"><div class="entry-content"><p>{p} ({n}a)</p><p>{p} ({n}b)</p></div></div></div></section>"#
        )
    };
    let faq: String = (0..5).map(|i| format!("<p>{f} ({i})</p>")).collect();
    let page = format!(
        r#"<html><head><title>Solar guide</title></head><body><div class="page">{}{}{}<div class="faq-wrap"><div class="faq">{faq}</div></div></div></body></html>"#,
        chunk(1),
        chunk(2),
        chunk(3)
    );
    let text = body(&page);
    for n in 1..=3 {
        assert!(
            text.contains(&format!("({n}b)")),
            "section {n} lost: {text:?}"
        );
    }
    assert!(!text.contains("Many readers ask"), "FAQ kept: {text:?}");
}
