//! One page: clean it and render it. Runs on the worker threads.

use std::path::PathBuf;
use std::sync::Arc;

use deboiler::{Article, Block, Cleaner, InputKind, Reason};
use serde_json::{Map, Value, json};

use crate::inputs::{Content, Job, Unit, safe_file_name};
use crate::{Format, Input};

/// Fields the CLI writes itself; a JSON Lines input field of the same name
/// is kept under `"input"` instead of being overwritten.
const OWN_FIELDS: &[&str] = &[
    "source", "record", "id", "url", "title", "body", "blocks", "removed", "metadata", "error",
    "input",
];

/// A cleaned (or failed) page, ready to write.
pub(crate) struct Done {
    pub(crate) source: String,
    pub(crate) unit: Arc<Unit>,
    pub(crate) out_name: PathBuf,
    /// What to write: the body text or one JSON line (no trailing newline).
    /// `None` when the page failed and the format has no error records.
    pub(crate) rendered: Option<String>,
    pub(crate) error: Option<String>,
    pub(crate) body_blocks: u64,
    /// Removed blocks per reason, indexed by `Reason as usize`.
    pub(crate) removed: [u64; Reason::ALL.len()],
}

/// Cleans one job. Never panics on bad input: every failure becomes `error`.
pub(crate) fn process(job: Job, cleaner: &Cleaner, format: Format, input: Input) -> Done {
    let mut done = Done {
        source: job.source,
        unit: job.unit,
        out_name: job.out_name,
        rendered: None,
        error: None,
        body_blocks: 0,
        removed: [0; Reason::ALL.len()],
    };
    let mut fields = Map::new();
    fields.insert("source".into(), Value::from(done.source.as_str()));
    if let Some(n) = job.record {
        fields.insert("record".into(), Value::from(n));
    }
    match job.content {
        Content::Failed(msg) => render(&mut done, fields, Err(msg), format, Map::new()),
        Content::Bytes {
            data,
            charset,
            fields: extra,
        } => {
            fields.extend(extra);
            let article = clean_bytes(cleaner, &data, charset.as_deref(), input);
            render(&mut done, fields, article, format, Map::new());
        }
        Content::JsonLine(line) => match parse_object(&line) {
            Err(msg) => render(&mut done, fields, Err(msg), format, Map::new()),
            Ok(mut record) => {
                if let Some(id) = record.get("id").filter(|v| !v.is_null()) {
                    let id = id.as_str().map_or_else(|| id.to_string(), str::to_string);
                    if let Some(parent) = done.out_name.parent() {
                        done.out_name = parent.join(safe_file_name(&id));
                    }
                }
                for key in ["id", "url"] {
                    if let Some(v) = record.remove(key) {
                        fields.insert(key.into(), v);
                    }
                }
                match take_page(&mut record) {
                    Err(msg) => render(&mut done, fields, Err(msg), format, record),
                    Ok((page, is_html)) => {
                        let article = match (input, is_html) {
                            (Input::Html, _) | (Input::Auto, true) => cleaner.clean_html(&page),
                            (Input::Text, _) | (Input::Auto, false) => cleaner.clean_text(&page),
                        }
                        .map_err(|e| e.to_string());
                        render(&mut done, fields, article, format, record);
                    }
                }
            }
        },
    }
    done
}

/// Renders a cleaned article (or its failure) into `done` and counts its
/// blocks. `fields` go first, then the article's, then `error`, then the
/// input record's own fields.
fn render(
    done: &mut Done,
    mut fields: Map<String, Value>,
    article: Result<Article<'_>, String>,
    format: Format,
    record: Map<String, Value>,
) {
    let article = match article {
        Ok(article) => article,
        Err(msg) => {
            if format == Format::Jsonl {
                fields.insert("error".into(), Value::from(msg.as_str()));
                pass_through(&mut fields, record);
                done.rendered = Some(Value::Object(fields).to_string());
            }
            done.error = Some(msg);
            return;
        }
    };
    for block in article.blocks() {
        match block.reason() {
            None => done.body_blocks += 1,
            Some(r) => done.removed[r as usize] += 1,
        }
    }
    done.rendered = Some(match format {
        Format::Text => article.body_text(),
        Format::Json | Format::Jsonl => {
            article_fields(&article, &mut fields);
            fields.insert("error".into(), Value::Null);
            pass_through(&mut fields, record);
            Value::Object(fields).to_string()
        }
    });
}

/// Cleans a page's bytes as `--input` says.
pub(crate) fn clean_bytes<'a>(
    cleaner: &Cleaner,
    data: &'a [u8],
    charset: Option<&str>,
    input: Input,
) -> Result<Article<'a>, String> {
    let result = match input {
        Input::Auto => match charset {
            Some(charset) => cleaner.clean_bytes_with_charset(data, charset),
            None => cleaner.clean_bytes(data),
        },
        Input::Text | Input::Html => {
            let text = std::str::from_utf8(data).map_err(|e| {
                format!(
                    "not valid UTF-8 at byte {} (use --input auto to decode other encodings)",
                    e.valid_up_to()
                )
            })?;
            if input == Input::Text {
                cleaner.clean_text(text)
            } else {
                cleaner.clean_html(text)
            }
        }
    };
    result.map_err(|e| e.to_string())
}

/// Parses a JSON Lines record, which must be an object.
pub(crate) fn parse_object(line: &[u8]) -> Result<Map<String, Value>, String> {
    match serde_json::from_slice(line) {
        Ok(Value::Object(record)) => Ok(record),
        Ok(_) => Err("a JSON Lines record must be an object".into()),
        Err(e) => Err(format!("invalid JSON: {e}")),
    }
}

/// Takes the page out of a record: its `html` field, else its `text`
/// field, and whether it is HTML. A record with both keeps `text` as a
/// field.
pub(crate) fn take_page(record: &mut Map<String, Value>) -> Result<(String, bool), String> {
    for (key, is_html) in [("html", true), ("text", false)] {
        match record.get(key) {
            Some(Value::String(_)) => {
                let Some(Value::String(page)) = record.remove(key) else {
                    unreachable!("checked above")
                };
                return Ok((page, is_html));
            }
            Some(Value::Null) | None => {}
            Some(_) => return Err(format!("field \"{key}\" is not a string")),
        }
    }
    Err("record has neither an \"html\" nor a \"text\" string".into())
}

/// Adds the input record's other fields, untouched; one whose name the CLI
/// uses itself goes under `"input"`.
fn pass_through(fields: &mut Map<String, Value>, record: Map<String, Value>) {
    let mut clashes = Map::new();
    for (key, value) in record {
        if OWN_FIELDS.contains(&key.as_str()) || fields.contains_key(&key) {
            clashes.insert(key, value);
        } else {
            fields.insert(key, value);
        }
    }
    if !clashes.is_empty() {
        fields.insert("input".into(), Value::Object(clashes));
    }
}

/// The article's fields. Names are a contract with scripts outside the
/// repository: extend, never rename.
fn article_fields(article: &Article<'_>, fields: &mut Map<String, Value>) {
    let html = article.input_kind() == InputKind::Html;
    let block_json = |b: &Block<'_>, key: &str, value: &str| {
        let mut obj = json!({
            key: value,
            "text": b.text(),
            "start": b.span().start,
            "end": b.span().end,
        });
        if html {
            obj["spans"] = b
                .source_spans()
                .iter()
                .map(|s| json!([s.source.start, s.source.end]))
                .collect();
        }
        obj
    };
    let meta = |b: Option<&Block<'_>>| b.map(|b| b.text().to_string());
    fields.insert("title".into(), json!(article.title().map(Block::text)));
    fields.insert("body".into(), Value::from(article.body_text()));
    fields.insert(
        "blocks".into(),
        article
            .body()
            .map(|b| block_json(b, "kind", b.kind().as_str()))
            .collect(),
    );
    fields.insert(
        "removed".into(),
        article
            .removed()
            .map(|b| block_json(b, "reason", b.reason().map_or("", Reason::as_str)))
            .collect(),
    );
    fields.insert(
        "metadata".into(),
        json!({
            "date": meta(article.date()),
            "byline": meta(article.byline()),
            "standfirst": meta(article.standfirst()),
            "reading_time": meta(article.reading_time()),
            "source_line": meta(article.source_line()),
        }),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_fields() {
        let mut rec = parse_object(br#"{"id":1,"html":"<p>x</p>","lang":"en"}"#).unwrap();
        assert_eq!(take_page(&mut rec).unwrap(), ("<p>x</p>".to_string(), true));
        assert_eq!(rec.get("lang"), Some(&Value::from("en")));
        assert!(rec.get("html").is_none());
        assert!(parse_object(b"[1]").is_err());
        assert!(take_page(&mut parse_object(br#"{"html":5}"#).unwrap()).is_err());
        assert!(take_page(&mut parse_object(br#"{"id":1}"#).unwrap()).is_err());
    }
}
