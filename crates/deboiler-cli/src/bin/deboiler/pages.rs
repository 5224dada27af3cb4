//! One page: clean it and render it. Runs on the worker threads.

use std::path::PathBuf;
use std::sync::Arc;

use deboiler::{Article, Cleaner, Reason};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::{Map, Value};

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
    fields: Map<String, Value>,
    article: Result<Article<'_>, String>,
    format: Format,
    record: Map<String, Value>,
) {
    let article = match article {
        Ok(article) => article,
        Err(msg) => {
            if format == Format::Jsonl {
                done.rendered = Some(to_json(&Record {
                    fields: &fields,
                    article: None,
                    error: Some(&msg),
                    rest: Rest {
                        record: &record,
                        fields: &fields,
                    },
                }));
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
        Format::Markdown => article.to_markdown(),
        Format::Json | Format::Jsonl => to_json(&Record {
            fields: &fields,
            article: Some(&article),
            error: None,
            rest: Rest {
                record: &record,
                fields: &fields,
            },
        }),
    });
}

/// One page's JSON object, serialised field by field straight into the
/// output string: the article is never built as a `serde_json::Value`.
#[derive(Serialize)]
struct Record<'r> {
    /// `source`, `record`, a WARC page's or a JSON line's own fields
    /// (`id`, `url`, `warc_date`…), in order.
    #[serde(flatten)]
    fields: &'r Map<String, Value>,
    /// The article's fields (`title` … `metadata`), from the library's
    /// `Serialize`; `None` for a failed page.
    #[serde(flatten)]
    article: Option<&'r Article<'r>>,
    error: Option<&'r str>,
    #[serde(flatten)]
    rest: Rest<'r>,
}

/// The input record's other fields: untouched, except that one whose name
/// the CLI writes itself goes under `"input"`.
struct Rest<'r> {
    record: &'r Map<String, Value>,
    fields: &'r Map<String, Value>,
}

impl Serialize for Rest<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let mut clashes = Map::new();
        for (key, value) in self.record {
            if OWN_FIELDS.contains(&key.as_str()) || self.fields.contains_key(key) {
                clashes.insert(key.clone(), value.clone());
            } else {
                map.serialize_entry(key, value)?;
            }
        }
        if !clashes.is_empty() {
            map.serialize_entry("input", &clashes)?;
        }
        map.end()
    }
}

/// Serialises `record` as one line of JSON. Writing into a `Vec` cannot
/// fail, and every key is a string, so serde_json has no error to report.
fn to_json(record: &Record<'_>) -> String {
    serde_json::to_string(record).expect("a record always serialises")
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
