//! The `serde` feature: an [`Article`] serialises to the shape of
//! `deboiler --format json`.

use deboiler::{BlockKind, Reason, Span};
use serde_json::{Value, json};

#[test]
fn html_article_has_the_cli_shape() {
    let html = "<title>Big news - Daily</title><h1>Big news</h1>\
                <p>The story itself, told in one full sentence.</p>";
    let article = deboiler::clean_html(html).unwrap();
    let v: Value = serde_json::to_value(&article).unwrap();
    // Sorted: whether serde_json keeps insertion order depends on features
    // other crates of the workspace turn on. The order itself is checked
    // on the text below.
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["blocks", "body", "metadata", "removed", "title"]);
    let text = serde_json::to_string(&article).unwrap();
    let at = |k: &str| text.find(&format!("\"{k}\":")).unwrap();
    assert!(at("title") < at("body") && at("body") < at("blocks"));
    assert!(at("blocks") < at("removed") && at("removed") < at("metadata"));
    assert_eq!(v["title"], "Big news");
    assert_eq!(v["body"], "The story itself, told in one full sentence.");
    let body = &article.body().next().unwrap();
    let (start, end) = (body.span().start, body.span().end);
    assert_eq!(
        v["blocks"],
        json!([{"kind": "paragraph", "text": body.text(), "start": start, "end": end,
                "spans": [[start, end]]}])
    );
    assert_eq!(v["removed"][0]["reason"], "duplicate-title");
    assert_eq!(v["metadata"]["date"], Value::Null);
}

#[test]
fn text_article_has_no_spans_and_keeps_field_order() {
    let input =
        "March 12, 2022\n\nHeadline of it\n\nThe story itself, told in one full sentence.\n";
    let article = deboiler::clean_text(input).unwrap();
    let s = serde_json::to_string(&article).unwrap();
    assert!(
        s.starts_with(r#"{"title":"Headline of it","body":"The story"#),
        "{s}"
    );
    // Blocks of plain text carry no source spans (each is its own span);
    // the metadata's spans are still there.
    let v: Value = serde_json::from_str(&s).unwrap();
    assert!(v["blocks"][0].get("spans").is_none(), "{s}");
    assert_eq!(v["metadata"]["spans"]["date"], json!([0, 14]));
    assert!(
        s.contains(r#""metadata":{"date":"March 12, 2022","byline":null"#),
        "{s}"
    );
}

#[test]
fn standalone_values() {
    assert_eq!(serde_json::to_string(&Span::new(3, 7)).unwrap(), "[3,7]");
    assert_eq!(
        serde_json::to_string(&Reason::RelatedStories).unwrap(),
        r#""related-stories""#
    );
    assert_eq!(
        serde_json::to_string(&BlockKind::ListItem).unwrap(),
        r#""list-item""#
    );
    let article =
        deboiler::clean_text("Next Story\nA paragraph that is the body of it all.").unwrap();
    assert_eq!(
        serde_json::to_value(&article.blocks()[0]).unwrap(),
        json!({"kind": "heading", "reason": "navigation", "text": "Next Story",
               "start": 0, "end": 10, "spans": [[0, 10]]})
    );
}

#[test]
fn metadata_values_stay_strings_and_spans_sit_beside_them() {
    let html = r#"<html lang="pt-BR"><head><meta property="article:published_time" content="2022-03-12T10:00:00Z">
        <script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Ana Lima"},{"name":"Bo Chen"}]}</script>
        </head><body><h1>Big news</h1><p>The story itself, told in one full sentence.</p></body></html>"#;
    let article = deboiler::clean_html(html).unwrap();
    let v: Value = serde_json::to_value(&article).unwrap();
    let m = &v["metadata"];
    assert_eq!(m["published"], "2022-03-12T10:00:00Z");
    assert_eq!(m["language"], "pt-BR");
    assert_eq!(m["author"], "Ana Lima, Bo Chen");
    let at = |name: &str| -> &str {
        let span = m["spans"][name].as_array().unwrap();
        let (start, end) = (span[0].as_u64().unwrap(), span[1].as_u64().unwrap());
        &html[start as usize..end as usize]
    };
    assert_eq!(at("published"), "2022-03-12T10:00:00Z");
    assert_eq!(at("language"), "pt-BR");
    assert_eq!(at("date"), "2022-03-12T10:00:00Z");
    // Two names joined come from no one stretch of the page.
    assert_eq!(m["spans"]["author"], Value::Null);
    assert_eq!(m["spans"]["site_name"], Value::Null);
    // The standalone Metadata has the same fields and spans.
    let alone: Value = serde_json::to_value(article.metadata()).unwrap();
    assert_eq!(alone["language"], "pt-BR");
    assert_eq!(alone["spans"]["language"], m["spans"]["language"]);
    assert!(alone["spans"].get("date").is_none());
}
