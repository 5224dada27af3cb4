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
