//! The plain-text path finds the headline by the page title that scrapers
//! put on the first line: "Headline | Site" names the headline even when a
//! category line stands between the headline and the body. One case per
//! title separator, both those the HTML path narrows `<title>` at and the
//! colon the text path adds.

const HEADLINE: &str = "Council approves new budget for schools";
const BODY: [&str; 3] = [
    "The council met on Tuesday to discuss the new budget, which includes money for schools and roads across the district.",
    "Officials said the plan would be put to a vote next month after a period of public consultation with residents.",
    "Several members of the public spoke in favour of the proposals, though some raised concerns about the cost of repairs.",
];

/// A page whose first line is the page title `HEADLINE{sep}The Gazette`,
/// then a menu entry, the headline, a category line, and the body.
fn check(sep: &str) {
    let page_title = format!("{HEADLINE}{sep}The Gazette");
    let mut lines: Vec<&str> = vec![&page_title, "Home", HEADLINE, "Family, Finance"];
    lines.extend(BODY);
    let input = lines.join("\n\n");
    let article = deboiler::clean_text(&input).unwrap();
    assert_eq!(
        article.title().map(|b| b.text()),
        Some(HEADLINE),
        "title in\n{input}"
    );
    for body in BODY {
        let block = article.blocks().iter().find(|b| b.text() == body).unwrap();
        assert_eq!(block.reason(), None, "{body:?} removed in\n{input}");
    }
}

macro_rules! t {
    ($($name:ident: $sep:expr,)+) => {
        $(
            #[test]
            fn $name() {
                check($sep);
            }
        )+
    };
}

t! {
    separator_hyphen: " - ",
    separator_bar: " | ",
    separator_en_dash: " – ",
    separator_em_dash: " — ",
    separator_double_colon: " :: ",
    separator_middle_dot: " · ",
    separator_bullet: " • ",
    separator_guillemet: " » ",
    separator_double_bar: " || ",
    separator_tilde: " ~ ",
    separator_colon: ": ",
}
