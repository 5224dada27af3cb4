//! Where the plain-text path puts the article: named cases for the choice
//! of the main region.

const HEADLINE: &str = "Council approves new budget for schools";
const BODY: [&str; 3] = [
    "The council met on Tuesday to discuss the new budget, which includes money for schools and roads across the district.",
    "Officials said the plan would be put to a vote next month after a period of public consultation with residents.",
    "Several members of the public spoke in favour of the proposals, though some raised concerns about the cost of repairs.",
];

/// Cleans `lines` joined by blank lines; returns the kept texts.
fn kept(lines: &[&str]) -> Vec<String> {
    let input = lines.join("\n\n");
    let article = deboiler::clean_text(&input).unwrap();
    article
        .blocks()
        .iter()
        .filter(|b| b.reason().is_none())
        .map(|b| b.text().to_string())
        .collect()
}

/// A page that prints its article twice: every paragraph repeats once.
/// The article starts at the first copy, under the headline (counted as
/// repeats, both copies used to weigh as clutter, and the region started
/// at the second copy, leaving the first as standfirst and boilerplate).
#[test]
fn article_printed_twice_starts_at_first_copy() {
    let mut lines = vec!["Home", "News", "Sport", HEADLINE];
    lines.extend(BODY);
    lines.extend(["Share this article", HEADLINE]);
    lines.extend(BODY);
    lines.push("Try our planner today and see how much time your team can save every week.");
    let input = lines.join("\n\n");
    let article = deboiler::clean_text(&input).unwrap();
    for p in BODY {
        let first = article.blocks().iter().find(|b| b.text() == p).unwrap();
        assert_eq!(first.reason(), None, "first copy of {p:?} removed");
    }
}

/// One paragraph shown twice (a teaser blurb repeated in a sidebar) is no
/// doubled article: the repeat stays clutter and the body stays the body.
#[test]
fn one_repeated_blurb_stays_clutter() {
    let blurb = "Read how the district spent last year's budget on new buses, roads and a library extension.";
    let mut lines = vec![HEADLINE];
    lines.extend(BODY);
    lines.extend(["Related", blurb, "More from News", blurb]);
    let kept = kept(&lines);
    assert!(!kept.iter().any(|k| k == blurb), "blurb kept: {kept:#?}");
    for p in BODY {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
}

/// A guide that lists its sections at the top: each heading is printed
/// twice, once in the contents and once over its section. The second
/// copies are section headings, kept with their sections (counted as
/// repeats, they weighed as clutter and the article ended at the contents).
#[test]
fn section_headings_listed_in_contents_stay() {
    let sections = [
        (
            "Before you book",
            "Set a budget first and agree with your partner on the number of guests you would like to invite.",
        ),
        (
            "Three months ahead",
            "Send the invitations and ask every guest to tell you about any food they cannot eat at the dinner.",
        ),
        (
            "The week before",
            "Confirm the final numbers with the caterer and check the timings with the venue and the band.",
        ),
        (
            "On the day itself",
            "Hand the running order to a friend so that you can enjoy the day without looking at your phone.",
        ),
    ];
    let mut lines = vec!["Home", "Guides", HEADLINE, BODY[0], BODY[1]];
    lines.extend(sections.iter().map(|s| s.0));
    for (heading, text) in sections {
        lines.extend([heading, text]);
    }
    let kept = kept(&lines);
    for (heading, _) in sections {
        assert!(
            kept.iter().any(|k| k == heading),
            "heading {heading:?} removed: {kept:?}"
        );
    }
}

/// A list that closes the article with each item's link on a line of its
/// own under it (a deals list): the links do not end the list, and the
/// items stay body (the region used to stop at the first link).
#[test]
fn list_items_with_links_under_them_stay() {
    let mut lines = vec!["Home", HEADLINE];
    lines.extend(BODY);
    let items = [
        "1) Garden chair set of four",
        "2) Folding picnic table",
        "3) Outdoor lantern pack",
        "4) Barbecue cover",
    ];
    lines.push("Here are the deals we picked for you:");
    for item in items {
        lines.extend([item, "https://example.com/item"]);
    }
    let kept = kept(&lines);
    for item in items {
        assert!(
            kept.iter().any(|k| k == item),
            "item {item:?} removed: {kept:?}"
        );
    }
}

/// A short post of two paragraphs above a heavier comment thread: the
/// post is the article, although it has fewer than three paragraphs and
/// the thread outweighs it (with three required, the thread won on
/// blog pages of dragnet-train-text).
#[test]
fn two_paragraph_post_above_thread_wins() {
    let post = [
        "The council met on Tuesday to discuss the new budget, which includes money for schools and roads across the district and a new library.",
        "Officials said the plan would be put to a vote next month after a period of public consultation with residents and local businesses.",
    ];
    let comments = [
        "I have lived here for twenty years and I have never seen the roads in such a bad state, so this is good news for everyone.",
        "The library is the best thing in this plan, my children go there every week and the old building is far too small for them.",
        "Why does it take a whole month to vote on this when the schools need the money now and the winter is almost here again?",
        "I went to the consultation and nobody listened to the people who live on the east side of town, which is typical of them.",
        "Good to see some money for the schools at last, but I wonder how much of it will really reach the classrooms this year.",
    ];
    let mut lines = vec![HEADLINE];
    lines.extend(post);
    lines.push("5 Comments");
    let signatures = [
        "Posted by: reader one | July 13, 2012 at 08:42 PM",
        "Posted by: reader two | July 13, 2012 at 09:16 PM",
        "Posted by: reader three | July 14, 2012 at 10:05 AM",
        "Posted by: reader four | July 15, 2012 at 02:46 PM",
        "Posted by: reader five | July 16, 2012 at 01:49 PM",
    ];
    for (c, s) in comments.iter().zip(signatures) {
        lines.extend([c, s]);
    }
    let kept = kept(&lines);
    for p in post {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
    for c in comments {
        assert!(
            !kept.iter().any(|k| k == c),
            "comment {c:?} kept: {kept:#?}"
        );
    }
}

/// Two short paragraphs above a "Previous Story" arrow do not take the
/// place of the three-paragraph body below it: the arrow stands above
/// articles as often as under them (the case proptest found for the
/// two-paragraph rule, kept in tests/text_props.proptest-regressions).
#[test]
fn short_run_above_arrow_does_not_beat_body() {
    let mut lines = vec![
        "Officials said the plan would be put to a vote next month after a public consultation.",
        "The council met on Tuesday to discuss the new budget, which includes money for schools.",
        "Previous Story",
        "“We will not give up,” she said.",
        "Previous Story",
    ];
    lines.extend(BODY);
    let kept = kept(&lines);
    for p in BODY {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
}

/// A review that sets a spec table between its paragraphs: rows of short
/// lines and repeated labels weigh negative and used to end the article
/// there, losing the paragraphs under the table.
#[test]
fn body_resumes_after_a_spec_table() {
    let after = [
        "After two weeks of testing, the scooter held its charge better than any model we tried in the same price range.",
        "The brakes were strong enough for steep hills, and the folding latch never slipped during our daily commutes.",
    ];
    let mut lines = vec![HEADLINE];
    lines.extend(BODY);
    for row in [
        "Range: 40 km",
        "Weight: 14 kg",
        "Top speed: 25 km/h",
        "Charge time: 5 hours",
    ] {
        lines.extend(["Specs", row]);
    }
    lines.extend(after);
    let kept = kept(&lines);
    for p in BODY.iter().chain(&after) {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
}

/// Teasers after the article, each a headline, a blurb and two dates,
/// with no section header above them: one blurb at a time between short
/// lines is no resumed body, however long the blurb.
#[test]
fn teaser_blurbs_after_the_article_stay_out() {
    let heads = ["Bus lanes to open", "Calls for lights", "Library plans"];
    let blurbs = [
        "The mayor said on Friday that the new bus lanes along the river road would open before the end of the summer holidays, weeks ahead of plan.",
        "Residents of the east side asked the council for more street lights and a police patrol after a series of break-ins in the last two months.",
        "The library extension will add a children's wing, a reading garden and a cafe, the architects told the planning board at its meeting on Monday.",
    ];
    let mut lines = vec![HEADLINE];
    lines.extend(BODY);
    lines.extend(["Jane Doe", "March 3, 2024", "Updated: March 4, 2024"]);
    for (head, blurb) in heads.iter().zip(blurbs) {
        lines.extend([head, blurb, "March 3, 2024", "Updated: March 4, 2024"]);
    }
    let kept = kept(&lines);
    for b in blurbs {
        assert!(!kept.iter().any(|k| k == b), "teaser kept: {kept:#?}");
    }
    for p in BODY {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
}

/// A list of places set between paragraphs under a line ending in a
/// colon: the region runs on over the list to the paragraphs under it
/// (short lines weigh negative, and it stopped above the list).
#[test]
fn list_between_paragraphs_keeps_the_paragraphs_under_it() {
    let after = [
        "The Twin Cities centre is the largest of the new markets, with several key traffic areas also accounted for in the first phase.",
        "Customers in those areas may start to see the faster speeds before the official launch, the carrier said in a statement on Tuesday.",
    ];
    let mut lines = vec![HEADLINE];
    lines.extend(&BODY[..2]);
    lines.extend([
        "The areas are:",
        "Minneapolis/St. Paul, Minn.",
        "Fort Smith, Ark.",
        "Ardmore, Okla.",
        "Oakland/Fremont/Hayward, Calif.",
        "Eau Claire, Wis.",
        "Key West, Fla.",
        "Bloomington, Ind.",
        "Michigan City/La Porte, Ind.",
        "McAllen/Edinburg/Mission, Texas",
        "Rochester, Minn.",
        "Duluth, Minn.",
        "Fargo, N.D.",
        "Sioux Falls, S.D.",
        "Green Bay, Wis.",
    ]);
    lines.extend(after);
    lines.extend(["Topics:", "Smartphones", "Carriers"]);
    let kept = kept(&lines);
    for p in BODY[..2].iter().chain(&after) {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
}

/// The same split above the heaviest run: the first item of a listicle,
/// two paragraphs over its spec table, is no less the article than the
/// longer item under the table.
#[test]
fn body_above_a_spec_table_joins_the_heavier_run_below() {
    let first = [
        "Our first pick is the lightest scooter we tested, and it folds small enough to carry onto a crowded train.",
        "Its battery lasted a full week of short commutes, although the ride felt harsh on cobbled streets in the rain.",
    ];
    let mut lines = vec![HEADLINE];
    lines.extend(first);
    for row in [
        "Range: 40 km",
        "Weight: 14 kg",
        "Top speed: 25 km/h",
        "Charge time: 5 hours",
    ] {
        lines.extend(["Specs", row]);
    }
    lines.extend(BODY);
    let kept = kept(&lines);
    for p in first.iter().chain(&BODY) {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
}

/// A guide that sets a teaser-like header over every item ("Recommended
/// courses:"): printed four times it is the items' label, and the items
/// under it stay in the article.
#[test]
fn teaser_header_over_every_item_is_a_label() {
    let items = [
        "The first course teaches the basics of layout and colour over six weeks, with feedback from a tutor on each task.",
        "The second course covers type and grids in more depth, and ends with a portfolio review by two working designers.",
        "The third course is free and self-paced, which makes it a good way to try the field before paying for a certificate.",
        "The fourth course focuses on branding, and students design a logo, a letterhead and a small style guide for a client.",
    ];
    let mut lines = vec![HEADLINE];
    lines.extend(BODY);
    for item in items {
        lines.extend(["Recommended courses:", item]);
    }
    let kept = kept(&lines);
    for p in BODY.iter().chain(&items) {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
}

/// A roundup of quotes: each item is a name, then a paragraph that ends in
/// the credit of whoever said it ("… – Jane Doe, chief engineer, Acme").
/// The credit ends in a letter, and the paragraphs were graded as teasers
/// cut off at a character limit; the sentence before the dash says they
/// are prose.
#[test]
fn quotes_closed_by_a_credit_stay() {
    let items = [
        "Morning Briefing",
        "One of my favourite shows is Morning Briefing. The two hosts do a terrific job of researching each subject and explaining why it matters to people who run technology teams. – Jane Doe, chief engineer, Acme",
        "Open Ledger",
        "The hosts share what they have learned from decades of investing and explain the likely outcomes of new technologies for the companies that adopt them early. – John Roe, partner, Example Capital",
        "Night Shift",
        "Lately I have been enjoying Night Shift, which is all about the people who keep networks running at night and the stories they tell about the worst outages they saw. – Ann Poe, director of operations, Widget Co",
    ];
    let mut lines = vec!["Home", "Podcasts", HEADLINE, BODY[0]];
    lines.extend(items);
    lines.extend([
        "Related content",
        "Why budgets are harder than expected",
        "By Sam Lee",
    ]);
    let kept = kept(&lines);
    for p in items.iter().skip(1).step_by(2) {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
}

/// A teaser cut off at a character limit stays out even when it holds a
/// dash: the part before the dash is no finished sentence.
#[test]
fn cut_teasers_with_a_dash_stay_out() {
    let teasers = [
        "Why the district's new budget – approved on Tuesday after months of debate among council members and residents – leaves the primary goal of",
        "How officials plan to spend the money on roads and schools across the district – and what residents who spoke at the meeting said about the cost of",
    ];
    let mut lines = vec![HEADLINE];
    lines.extend(BODY);
    lines.push("More from News");
    lines.extend(teasers);
    let kept = kept(&lines);
    for t in teasers {
        assert!(!kept.iter().any(|k| k == t), "{t:?} kept: {kept:#?}");
    }
}

/// A short post above "Reader Comments (2)": the count heads a thread, and
/// the comment under it is no part of the post (read as a heading, the
/// count let the region run on into the first comment).
#[test]
fn reader_comments_count_ends_a_short_post() {
    let comment = "I love these! Thank you so much for coming out to the meeting and explaining the plan to all of us, we cannot wait to see the rest!";
    let mut lines = vec![HEADLINE];
    lines.extend(BODY);
    lines.extend([
        "Posted by Jane | 2 Comments | Share Article",
        "Reader Comments (2)",
        comment,
        "October 15, 2012 | Danae",
        "Post a New Comment",
    ]);
    let kept = kept(&lines);
    assert!(
        !kept.iter().any(|k| k == comment),
        "comment kept: {kept:#?}"
    );
    for p in BODY {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
}

/// An agency caption ends in its credit in brackets, and runs longer than
/// the recognisers judge a line by its marks: it is a caption, not body.
#[test]
fn long_caption_ending_in_an_agency_credit_is_removed() {
    let captions = [
        "In this file photo, council members, left to right, listen to residents speaking at the public meeting on the new budget for schools and roads across the district, in the town hall on Tuesday, March 12, 2019, after months of debate about the cost of repairs to older buildings. (AP Photo/Jane Doe, File)",
        "Residents line up outside the town hall before the meeting on Tuesday. (City Council via AP)",
    ];
    let mut lines = vec![
        HEADLINE,
        BODY[0],
        captions[0],
        BODY[1],
        captions[1],
        BODY[2],
    ];
    lines.push("© 2024 Example Media. All rights reserved.");
    let kept = kept(&lines);
    for c in captions {
        assert!(!kept.iter().any(|k| k == c), "{c:?} kept: {kept:#?}");
    }
    for p in BODY {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
}

/// A slideshow page whose only paragraphs are credited captions keeps
/// them: there they are the story.
#[test]
fn captions_of_a_slideshow_without_other_prose_stay() {
    let caption = "A boy poses with a painting at the art exhibition in the town hall, where visitors are invited to touch the works and even sit on them. (Jane Doe/AP)";
    let lines = vec![
        "Home",
        "Pictures",
        HEADLINE,
        caption,
        "Back to top",
        "Sections",
    ];
    let kept = kept(&lines);
    assert!(
        kept.iter().any(|k| k == caption),
        "caption dropped: {kept:#?}"
    );
}

/// A caption whose credit follows a label after its last sentence ("…
/// equivalent. Credit: Jane Doe", "Photo: Example Agency") is a caption; a
/// paragraph with a colon in its last sentence is not.
#[test]
fn caption_closed_by_a_labelled_credit_is_removed() {
    let captions = [
        "A reference module for the new school compared to the older buildings the council wants to repair over the next decade. Credit: Jane Doe",
        "Residents queue outside the town hall before the meeting. Photo: Example Agency/John Roe",
    ];
    let colon = "One resident summed up the mood of the meeting in a single line that drew applause from the hall: we cannot wait";
    let lines = vec![
        HEADLINE,
        BODY[0],
        captions[0],
        BODY[1],
        captions[1],
        colon,
        BODY[2],
    ];
    let kept = kept(&lines);
    for c in captions {
        assert!(!kept.iter().any(|k| k == c), "{c:?} kept: {kept:#?}");
    }
    for p in BODY.iter().chain([&colon]) {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
}

/// "12 thoughts on “Title”" heads the thread under a post: the region ends
/// there, and the comments under it stay out (unrecognised, the header
/// let the region run from the post into a long thread).
#[test]
fn titled_thread_head_ends_the_post() {
    let comments = [
        "For the avoidance of doubt, I like the plan very much and I think the council has done a good job explaining it to all of us.",
        "I know what you mean; I fell in love with the old library despite the changes and the fact that the roof has leaked for years now.",
        "In terms of the roads, I learned today that the repairs are going to start next spring, which is much sooner than anyone expected.",
        "As an isolated project the library and the roads have a lot to say about each other, much of it about what the district values most.",
    ];
    let mut lines = vec![HEADLINE];
    lines.extend(BODY);
    lines.push("3 thoughts on “Council approves new budget for schools”");
    for c in comments {
        lines.extend(["Jane Doe", c]);
    }
    let kept = kept(&lines);
    for c in comments {
        assert!(!kept.iter().any(|k| k == c), "{c:?} kept: {kept:#?}");
    }
    for p in BODY {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
}

/// One giant line without stop words (a blog archive of dates printed on
/// one line) does not make the page a language without stop words: the
/// archive stays out and the short post under the headline is the body
/// (counted whole, the archive outweighed every paragraph, the stop-word
/// test was switched off and the archive, graded prose, became the body).
#[test]
fn giant_archive_line_does_not_switch_off_stop_words() {
    let archive: String = (1..=400)
        .map(|i| format!("10/{:02}/12 - 10/{:02}/12 ({i})", i % 28 + 1, i % 28 + 2))
        .collect::<Vec<_>>()
        .join(" ");
    let archive = format!("Blog Archive {archive}");
    let post = "There is a weird genre of people chastising local businesses for staying open during the storm, but they are open because they want and need the money. Tip well.";
    let mut lines = vec![
        "Monday, October 29, 2012",
        HEADLINE,
        post,
        "by Jane Doe at 09:53",
    ];
    lines.extend([
        "Older Post",
        "Home",
        "Blogroll:",
        "Daily News",
        "Other Blog",
    ]);
    lines.push(&archive);
    lines.extend([
        "Popular Posts",
        "Get Your Zingers On",
        "Flying Death Robots",
    ]);
    let kept = kept(&lines);
    assert!(kept.iter().any(|k| k == post), "post dropped: {kept:#?}");
    assert!(!kept.iter().any(|k| k == &archive), "archive kept");
}

/// A post of one paragraph over a thread of long comments: the post is the
/// article, the comments stay out (holding a single paragraph, the post
/// lost to the heavier comments below the thread's first header).
#[test]
fn one_paragraph_post_wins_over_the_thread_under_it() {
    let post = "Our goal with hosting these open threads is to give readers a place to raise questions and comments about our work in public, and we will try to respond promptly to each of them.";
    let comments = [
        "I skimmed your latest report on the school budget and did not see any analysis of the cost of the new buses that the council approved last spring, which seems like a large omission given how much they cost.",
        "I assume that buying the slower but safer buses is an overall net positive for the district, but I am not totally convinced, since the longer journeys take time away from lessons and from families every day.",
        "Logically there must be some price at which it is no longer better to buy new buses rather than repair the old ones, and I would love to see where you think that point lies for a district of this size.",
    ];
    let mut lines = vec![
        "Home",
        "Blog",
        HEADLINE,
        "September 10, 2018 | by Catherine",
        post,
    ];
    lines.extend([
        "Comments",
        "Milan Griffes on September 12, 2018 at 4:47 pm said:",
    ]);
    lines.push("Any update on how the new paper will affect the recommendation for the district?");
    lines.push("Alex on September 17, 2018 at 6:34 am said:");
    lines.extend(comments);
    lines.push("Gary on September 17, 2018 at 8:50 pm said:");
    lines.extend(comments.iter().rev());
    let kept = kept(&lines);
    assert!(kept.iter().any(|k| k == post), "post dropped: {kept:#?}");
    for c in comments {
        assert!(!kept.iter().any(|k| k == c), "{c:?} kept: {kept:#?}");
    }
}

/// The headline named by the page title anchors the body: two short
/// paragraphs over a results table under it are the article, not a
/// sidebar of column blurbs further down that outweighs them (the body
/// was lost to the sidebar).
#[test]
fn body_under_the_headline_wins_over_a_sidebar_of_blurbs() {
    let title = format!("{HEADLINE} | Example News | Sport | Weather");
    let results = [
        "1 Jane Doe 5040 5 1 17 27",
        "2 John Roe 5035 7 0 15 24",
        "3 Mary Major 5033 4 6 15 26",
        "4 Richard Miles 5027 6 3 19 24",
        "5 Sam Smith 2380 2 3 12 21",
        "6 Alex Brown 2339 1 1 11 18",
        "7 Kim Lee 2339 1 1 8 17",
        "8 Pat Green 2318 3 3 13 19",
        "9 Lee White 2290 0 1 7 18",
        "10 Chris Black 2275 3 4 11 15",
    ];
    let blurbs = [
        "Click on the photo of our columnist and read the columns he writes for us every week about the races, the drivers and the teams of the season.",
        "Click on the picture above and see how the drivers rank in this season of the championship after the latest race in the capital city.",
        "Click and find out the times of the race on television, the track, the statistics and the odds for the twentieth race of the season.",
        "Our weekly show is back for its twelfth season with a chat about everything that has happened in the world of motor sport this week.",
    ];
    let mut lines = vec![title.as_str(), "Home", "News", "Columns", "Results"];
    lines.extend([
        HEADLINE,
        "Monday, October 29, 2012",
        "Share this on WhatsApp",
    ]);
    let body = [
        "Here you will always find the standings of the championship, updated after the latest race of the season.",
        "Save this page to your favourites and come back to check the standings after every race.",
    ];
    lines.extend(body);
    lines.extend(results);
    lines.extend([
        "Share this on WhatsApp",
        "Tags",
        "results, season, standings",
    ]);
    for (i, b) in blurbs.iter().enumerate() {
        lines.push(
            [
                "» Columns",
                "» Power Ranking",
                "» Race preview",
                "» Podcast",
            ][i],
        );
        lines.push(b);
    }
    lines.extend(["Privacy Policy", "About Us", "Contact"]);
    let kept = kept(&lines);
    for p in body {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
    for b in blurbs {
        assert!(!kept.iter().any(|k| k == b), "{b:?} kept: {kept:#?}");
    }
}

/// A table that closes the article keeps its caption and its column heads
/// above the rows: with room for one intro line only, the rows were cut
/// off from the article.
#[test]
fn table_under_caption_and_column_heads_stays() {
    let rows = [
        "1 Jane Doe 5040 5 1 17 27",
        "2 John Roe 5035 7 0 15 24",
        "3 Mary Major 5033 4 6 15 26",
        "4 Richard Miles 5027 6 3 19 24",
        "5 Sam Smith 2380 2 3 12 21",
    ];
    let mut lines = vec!["Home", "Sport", HEADLINE];
    lines.extend(BODY);
    lines.extend(["Jane Doe", "Final standings of the season after 36 races:"]);
    lines.push("Pos. Driver Points Wins Poles Top 5 Top 10");
    lines.extend(rows);
    lines.extend(["Privacy Policy", "About Us", "Contact"]);
    let kept = kept(&lines);
    for r in rows {
        assert!(kept.iter().any(|k| k == r), "{r:?} dropped: {kept:#?}");
    }
}

/// "Comments" in a blog's top menu, right above the headline, heads no
/// thread: the post under it stays (the region ended at the menu entry,
/// and a welcome blurb above it became the article).
#[test]
fn comments_menu_entry_above_the_headline_heads_no_thread() {
    let title = format!("{HEADLINE} | Example Blog");
    let welcome = "Welcome to Example Blog! If you are new here, you can learn about me, read our guide to getting started, or sign up for our weekly newsletter, which brings the best posts of the week to your inbox every Sunday morning. You can also follow us on social media, where we share tips, news and stories from readers who have paid off their debts and saved for the future. We hope you enjoy your stay and come back soon to read more of our posts about money.";
    let mut lines = vec![title.as_str(), "Home", "Archives", "Contact", welcome];
    lines.extend([
        "Comments",
        HEADLINE,
        "Written by Clark filed under General Finance",
    ]);
    let more = [
        "A layaway plan lets a shopper put an item on hold and pay for it in several instalments over a few weeks, after which the item is handed over.",
        "The store keeps the item in its back room until the last payment is made, and charges a small fee for the service, which some shoppers do not notice.",
        "Shoppers who cannot or will not use a credit card find the plan useful, since no interest is charged on the payments however long they take.",
    ];
    lines.extend(BODY);
    lines.extend(more);
    let kept = kept(&lines);
    for p in BODY.iter().chain(&more) {
        assert!(kept.iter().any(|k| k == p), "{p:?} dropped: {kept:#?}");
    }
}
