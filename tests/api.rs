//! The public API's promises, independent of how well the classifiers do.

use deboiler::{Cleaner, Error, Reason, ReasonPolicy, Span};

#[test]
fn span_round_trips_through_range() {
    let span = Span::from(3..9);
    assert_eq!(std::ops::Range::from(span), 3..9);
    assert_eq!(format!("{span}"), "3..9");
    assert_eq!(format!("{span:?}"), "3..9");
    assert_eq!(span, 3..9);
    assert_eq!(3..9, span);
}

#[test]
fn reason_parses_from_its_name() {
    for &reason in Reason::ALL {
        assert_eq!(reason.as_str().parse::<Reason>(), Ok(reason));
        assert_eq!(Reason::from_name(reason.as_str()), Some(reason));
    }
    let err = "Promo".parse::<Reason>().unwrap_err();
    assert_eq!(err.name(), "Promo");
    assert!(
        err.to_string()
            .starts_with("unknown reason `Promo`; expected one of title, ")
    );
}

#[test]
fn empty_input_gives_empty_article() {
    for input in ["", "   ", "\n\n\t\n"] {
        let article = deboiler::clean_text(input).unwrap();
        assert!(article.blocks().is_empty(), "{input:?}");
        assert_eq!(article.body_text(), "");
        assert!(article.title().is_none());
    }
}

#[test]
fn builder_rejects_zero_limits() {
    assert_eq!(
        Cleaner::builder().max_nodes(0).build().unwrap_err(),
        Error::InvalidSetting {
            setting: "max_nodes",
            value: 0,
            why: "must be at least 1"
        }
    );
}

#[test]
fn input_limit_is_inclusive() {
    let cleaner = Cleaner::builder().max_input_bytes(5).build().unwrap();
    assert!(cleaner.clean_text("12345").is_ok());
    assert_eq!(
        cleaner.clean_text("123456").unwrap_err(),
        Error::InputTooLarge { size: 6, limit: 5 }
    );
    assert!(cleaner.clean_html("<p>123456</p>").is_err());
    assert!(cleaner.clean_bytes(b"123456").is_err());
}

#[test]
fn keep_policy_moves_a_reason_back_into_the_body() {
    let input = "Previous Story\n\nThe body of the article, a full sentence of text.";
    let plain = deboiler::clean_text(input).unwrap();
    assert_eq!(plain.body().count(), 1);
    let cleaner = Cleaner::builder()
        .policy(Reason::Navigation, ReasonPolicy::Keep)
        .build()
        .unwrap();
    let kept = cleaner.clean_text(input).unwrap();
    assert_eq!(kept.body().count(), 2);
}

/// The deprecated `keep` and `drop` still work, as the policies they wrap.
#[test]
#[allow(deprecated)]
fn deprecated_keep_and_drop_are_policies() {
    let input = "March 12, 2022\n\nPrevious Story\n\nThe body of the article, a full sentence.";
    let old = Cleaner::builder()
        .keep(Reason::Navigation)
        .drop(Reason::Date)
        .build()
        .unwrap();
    let new = Cleaner::builder()
        .policy(Reason::Navigation, ReasonPolicy::Keep)
        .policy(Reason::Date, ReasonPolicy::Hide)
        .build()
        .unwrap();
    let (a, b) = (
        old.clean_text(input).unwrap(),
        new.clean_text(input).unwrap(),
    );
    assert_eq!(a.body_text(), b.body_text());
    assert!(a.date().is_none() && b.date().is_none());
    assert_eq!(a.body().count(), 2);
}

#[test]
fn text_blocks_borrow_from_the_input() {
    let input =
        String::from("A paragraph of body text, one sentence long.\nAnother one, also a sentence.");
    let article = deboiler::clean_text(&input).unwrap();
    for block in article.blocks() {
        assert!(matches!(block.text_cow(), std::borrow::Cow::Borrowed(_)));
        let text = block.text();
        // The borrowed text points into the input's own buffer.
        let start = text.as_ptr() as usize - input.as_ptr() as usize;
        assert_eq!(start, block.span().start);
    }
}

#[test]
fn cleaner_is_shareable_across_threads() {
    let cleaner = std::sync::Arc::new(Cleaner::new());
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let cleaner = cleaner.clone();
            std::thread::spawn(move || {
                let input = format!("Paragraph number {i}, which is a sentence of body text.");
                cleaner.clean_text(&input).unwrap().body().count()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), 1);
    }
}

#[test]
fn every_reason_has_a_distinct_name_that_parses_back() {
    let mut names: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
    for r in Reason::ALL {
        assert_eq!(Reason::from_name(r.as_str()), Some(*r));
    }
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Reason::ALL.len());
}

/// The learned second opinion only puts back text lines the hand rules
/// removed as related stories or boilerplate, and `learned(false)` leaves
/// every decision to the hand rules.
#[test]
fn learned_second_opinion_readmits_and_can_be_turned_off() {
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/zyte-text/abd9d6291b6bfae0c3ffad8ab7623b482c6da46face0271dc42af6324d8f0ce5.txt"
    ))
    .unwrap();
    // The story's first paragraph, which the gold keeps.
    let line = "A group of physicians, alarmed that the Trump administration is denying flu vaccines to immigrants in custody, is urging the Department of Homeland Security to accept its offer to provide free flu shots to California detainees.";
    let hand = Cleaner::builder().learned(false).build().unwrap();
    let hand = hand.clean_text(&page).unwrap();
    let removed = hand.removed().find(|b| b.text() == line).unwrap();
    assert!(matches!(
        removed.reason(),
        Some(Reason::Boilerplate | Reason::RelatedStories)
    ));
    let learned = Cleaner::new().clean_text(&page).unwrap();
    assert!(learned.body().any(|b| b.text() == line));
    // Every block the model keeps, the hand rules kept or removed for one
    // of those two reasons; it never removes one.
    for (h, l) in hand.blocks().iter().zip(learned.blocks()) {
        assert_eq!(h.span(), l.span());
        if l.reason().is_some() {
            assert_eq!(h.reason(), l.reason());
        } else if let Some(r) = h.reason() {
            assert!(matches!(r, Reason::Boilerplate | Reason::RelatedStories));
        }
    }
    // HTML input never uses it.
    let html = "<html><body><h1>A headline</h1><p>The story, told in a sentence of body text.</p></body></html>";
    assert_eq!(
        Cleaner::new().clean_html(html).unwrap().body_text(),
        hand_cleaner().clean_html(html).unwrap().body_text()
    );
}

fn hand_cleaner() -> Cleaner {
    Cleaner::builder().learned(false).build().unwrap()
}
