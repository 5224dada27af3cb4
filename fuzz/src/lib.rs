//! What every fuzz target shares: the builder options as an `Arbitrary`
//! type, and the span contract as assertions.

use arbitrary::Arbitrary;
use deboiler::{Article, BlockKind, Cleaner, Error, InputKind, Reason, ReasonPolicy};

/// The three reason policies, indexed by the fuzzer's bytes.
const POLICIES: [ReasonPolicy; 3] = [ReasonPolicy::Keep, ReasonPolicy::Report, ReasonPolicy::Hide];

/// Every option of [`deboiler::Builder`]. Small types so the fuzzer reaches
/// the limits: a depth limit of a few levels, a node limit of a few nodes.
#[derive(Arbitrary, Debug)]
pub struct Options {
    pub max_input_bytes: Option<u16>,
    pub max_depth: Option<u8>,
    pub max_nodes: Option<u16>,
    pub max_attributes: Option<u8>,
    /// Reason policies: each byte picks a reason of [`Reason::ALL`] and one
    /// of the three policies.
    pub policies: Vec<u8>,
}

impl Options {
    /// The cleaner these options describe, or `None` when the builder
    /// (rightly) refuses them; a refusal is checked to name the setting.
    pub fn cleaner(&self) -> Option<Cleaner> {
        let mut b = Cleaner::builder();
        if let Some(n) = self.max_input_bytes {
            b = b.max_input_bytes(usize::from(n));
        }
        if let Some(n) = self.max_depth {
            b = b.max_depth(usize::from(n));
        }
        if let Some(n) = self.max_nodes {
            b = b.max_nodes(usize::from(n));
        }
        if let Some(n) = self.max_attributes {
            b = b.max_attributes(usize::from(n));
        }
        for &k in &self.policies {
            let k = usize::from(k);
            let reason = Reason::ALL[k % Reason::ALL.len()];
            b = b.policy(reason, POLICIES[k / Reason::ALL.len() % POLICIES.len()]);
        }
        match b.build() {
            Ok(c) => {
                assert!(
                    self.max_depth != Some(0)
                        && self.max_nodes != Some(0)
                        && self.max_attributes != Some(0)
                );
                Some(c)
            }
            Err(Error::InvalidSetting { setting, value: 0, .. }) => {
                assert!(
                    (setting == "max_depth" && self.max_depth == Some(0))
                        || (setting == "max_nodes" && self.max_nodes == Some(0))
                        || (setting == "max_attributes" && self.max_attributes == Some(0))
                );
                None
            }
            Err(e) => panic!("unexpected build error {e}"),
        }
    }

    /// Checks an error against the options: each limit error names its
    /// configured limit and a value over it.
    pub fn check_error(&self, err: &Error, input_len: usize) {
        match *err {
            Error::InputTooLarge { size, limit } => {
                assert_eq!(Some(limit), self.max_input_bytes.map(usize::from));
                assert_eq!(size, input_len);
                assert!(size > limit);
            }
            Error::TooDeep { depth, limit, .. } => {
                assert_eq!(limit, self.max_depth.map_or(deboiler::DEFAULT_MAX_DEPTH, usize::from));
                assert!(depth > limit);
            }
            Error::TooManyNodes { nodes, limit, .. } => {
                assert_eq!(limit, self.max_nodes.map_or(deboiler::DEFAULT_MAX_NODES, usize::from));
                assert!(nodes > limit);
            }
            Error::TooManyAttributes {
                attributes, limit, ..
            } => {
                assert_eq!(
                    limit,
                    self.max_attributes
                        .map_or(deboiler::DEFAULT_MAX_ATTRIBUTES, usize::from)
                );
                assert!(attributes > limit);
            }
            ref e => panic!("unexpected error {e}"),
        }
    }

    /// The policy these options leave `reason` with: the last byte that
    /// names it wins, as the builder's later call does.
    fn policy_of(&self, reason: Reason) -> ReasonPolicy {
        let n = Reason::ALL.len();
        self.policies
            .iter()
            .map(|&k| usize::from(k))
            .filter(|k| Reason::ALL[k % n] == reason)
            .last()
            .map_or(ReasonPolicy::Report, |k| POLICIES[k / n % POLICIES.len()])
    }

    /// Checks the reason policies: no block is removed for a kept reason,
    /// and a hidden reason is not reported as the title or a metadata
    /// field.
    pub fn check_policy(&self, article: &Article<'_>) {
        for block in article.blocks() {
            if let Some(reason) = block.reason() {
                assert!(
                    self.policy_of(reason) != ReasonPolicy::Keep,
                    "block with kept reason {reason} not in body"
                );
            }
        }
        for (reason, reported) in [
            (Reason::Title, article.title().is_some()),
            (Reason::Date, article.date().is_some()),
            (Reason::Byline, article.byline().is_some()),
            (Reason::Standfirst, article.standfirst().is_some()),
            (Reason::ReadingTime, article.reading_time().is_some()),
            (Reason::SourceFooter, article.source_line().is_some()),
        ] {
            if self.policy_of(reason) == ReasonPolicy::Hide {
                assert!(!reported, "hidden reason {reason} reported");
            }
        }
    }
}

/// Blocks in order and not overlapping; each block's source spans in order,
/// inside the block's span, and their text spans inside its text.
pub fn check_order(article: &Article<'_>, input_len: usize) {
    let mut last = 0;
    for block in article.blocks() {
        let span = block.span();
        assert!(span.start <= span.end && span.end <= input_len, "span {span} out of bounds");
        assert!(span.start >= last, "block {span} overlaps the previous one ending at {last}");
        last = span.end;
        let mut src_end = span.start;
        let mut text_end = 0;
        for piece in block.source_spans() {
            assert!(piece.source.start >= src_end && piece.source.end <= span.end);
            assert!(piece.text.start >= text_end && piece.text.end <= block.text().len());
            src_end = piece.source.end;
            text_end = piece.text.end;
        }
    }
}

/// The plain-text contract: `&input[span] == text`, one source span.
pub fn check_text(input: &str, article: &Article<'_>) {
    assert_eq!(article.input_kind(), InputKind::Text);
    check_order(article, input.len());
    for block in article.blocks() {
        assert!(!block.text().trim().is_empty(), "blank block");
        assert_eq!(input.get(block.span().range()), Some(block.text()));
        let pieces = block.source_spans();
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].source, block.span());
        assert_eq!(pieces[0].text.range(), 0..block.text().len());
    }
}

/// The HTML contract: each source slice lies on char boundaries, holds no
/// markup, and (when it has no character reference or JSON escape to
/// decode) collapses to the same words as its text part.
pub fn check_html(input: &str, article: &Article<'_>) {
    assert_eq!(article.input_kind(), InputKind::Html);
    check_order(article, input.len());
    for block in article.blocks() {
        assert!(input.is_char_boundary(block.span().start) && input.is_char_boundary(block.span().end));
        for piece in block.source_spans() {
            let raw = input.get(piece.source.range()).expect("source on char boundaries");
            let part = block.text().get(piece.text.range()).expect("text on char boundaries");
            // Metadata comes from attribute values, <title> and JSON-LD,
            // where a "<" is text whatever follows it.
            if block.kind() != BlockKind::Metadata {
                // A "</" that ends the input is text (the tokenizer's end
                // tag open state at the end of the file).
                let raw_tags = match raw.strip_suffix("</") {
                    Some(head) if piece.source.end == input.len() => head,
                    _ => raw,
                };
                assert!(!has_markup(raw_tags), "markup in source {}: {raw:?}", piece.source);
            }
            if !raw.contains(['&', '\\', '\0', '\r']) {
                assert_eq!(collapse(raw), collapse(part), "source {} vs text {}", piece.source, piece.text);
            }
        }
    }
    check_metadata(input, article);
}

/// Every metadata value's source lies on char boundaries of the input, and
/// rendering the article as Markdown does not panic.
fn check_metadata(input: &str, article: &Article<'_>) {
    let m = article.metadata();
    for value in [m.published(), m.author(), m.language(), m.site_name(), m.image(), m.canonical_url()]
        .into_iter()
        .flatten()
    {
        if let Some(span) = value.source() {
            assert!(input.get(span.range()).is_some(), "metadata source {span} off char boundaries");
        }
    }
    let _ = article.to_markdown();
}

/// Whether `s` holds the start of a tag, comment or doctype: a `<`
/// followed by a letter, `/`, `!` or `?`. A `<` before anything else is
/// text ("5 < 6", "<<").
fn has_markup(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
}

fn collapse(s: &str) -> String {
    s.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}
