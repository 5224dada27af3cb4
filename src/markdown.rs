//! Markdown rendering of an [`Article`]: the title and the body, each block
//! written as its kind says.

use std::fmt::Write as _;

use crate::article::{Article, Block};
use crate::vocab::BlockKind;

impl Article<'_> {
    /// The article as Markdown (CommonMark): the title as `# title`, then
    /// the body blocks in order, separated by blank lines.
    ///
    /// | block kind | Markdown |
    /// |---|---|
    /// | paragraph, caption, metadata | the text; a line break in it (`<br>`) a hard break (a backslash at the end of the line) |
    /// | heading | `## text` |
    /// | list item | `- text`, consecutive items in one list |
    /// | quote | `> text` |
    /// | preformatted | a fenced code block |
    /// | table row | a row of a Markdown table (cells split at tabs); the first row of a run is the header |
    ///
    /// Characters that would start Markdown syntax at the beginning of a
    /// line (`#`, `>`, `-`, `+`, `*`, `1.`) are escaped with a backslash, as
    /// is `|` inside table cells, so the text reads back as written. No
    /// trailing newline.
    ///
    /// ```
    /// let html = "<h1>Big news today</h1>\
    ///     <article><p>The story, told in a first full sentence of body text.</p>\
    ///     <h2>What happened next</h2>\
    ///     <ul><li>One thing happened first.</li><li>Then another thing did.</li></ul>\
    ///     <blockquote>A quote from somebody, in full.</blockquote></article>";
    /// let article = deboiler::clean_html(html).unwrap();
    /// assert_eq!(
    ///     article.to_markdown(),
    ///     concat!(
    ///         "# Big news today\n\n",
    ///         "The story, told in a first full sentence of body text.\n\n",
    ///         "## What happened next\n\n",
    ///         "- One thing happened first.\n",
    ///         "- Then another thing did.\n\n",
    ///         "> A quote from somebody, in full.",
    ///     )
    /// );
    /// ```
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        if let Some(title) = self.title() {
            out.push_str("# ");
            push_escaped_line(&mut out, &one_line(title.text()));
        }
        let body: Vec<&Block<'_>> = self.body().collect();
        let mut i = 0;
        while i < body.len() {
            let kind = body[i].kind();
            // A run of list items or table rows is written as one unit.
            let run = body[i..].iter().take_while(|b| b.kind() == kind).count();
            let group = match kind {
                BlockKind::ListItem | BlockKind::TableRow => run,
                _ => 1,
            };
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            let blocks = &body[i..i + group];
            match kind {
                BlockKind::Heading => {
                    out.push_str("## ");
                    push_escaped_line(&mut out, &one_line(blocks[0].text()));
                }
                BlockKind::ListItem => {
                    for (n, b) in blocks.iter().enumerate() {
                        if n > 0 {
                            out.push('\n');
                        }
                        out.push_str("- ");
                        push_lines(&mut out, b.text(), "  ");
                    }
                }
                BlockKind::Quote => {
                    out.push_str("> ");
                    push_lines(&mut out, blocks[0].text(), "> ");
                }
                BlockKind::Preformatted => push_code(&mut out, blocks[0].text()),
                BlockKind::TableRow => push_table(&mut out, blocks),
                _ => push_lines(&mut out, blocks[0].text(), ""),
            }
            i += group;
        }
        out
    }
}

/// The text with its line breaks turned into spaces (a heading is one
/// line).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Pushes `text`, escaped, each line after the first indented by
/// `continuation` (so a list item or quote keeps its later lines). A line
/// break inside a block is the page's (`<br>`: an address, a verse, a
/// paragraph split by two of them), so it is written as a hard line break,
/// a backslash at the end of the line; a bare newline would join the lines.
fn push_lines(out: &mut String, text: &str, continuation: &str) {
    for (n, line) in text.lines().enumerate() {
        if n > 0 {
            out.push_str("\\\n");
            out.push_str(continuation);
        }
        push_escaped_line(out, line.trim());
    }
}

/// Pushes one line, with a backslash before a character that would make it
/// a heading, quote, list item or thematic break.
fn push_escaped_line(out: &mut String, line: &str) {
    let first = line.chars().next();
    let ordered = {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
    };
    if matches!(first, Some('#' | '>' | '-' | '+' | '*' | '=' | '`' | '~')) {
        out.push('\\');
        out.push_str(line);
    } else if ordered {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        out.push_str(&line[..digits]);
        out.push('\\');
        out.push_str(&line[digits..]);
    } else {
        out.push_str(line);
    }
}

/// A fenced code block whose fence is longer than any run of backticks in
/// the text.
fn push_code(out: &mut String, text: &str) {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let _ = write!(out, "{fence}\n{text}\n{fence}");
}

/// A Markdown table: one row per block, cells split at tabs, the first row
/// as the header, every row padded to the widest.
fn push_table(out: &mut String, rows: &[&Block<'_>]) {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|b| {
            b.text()
                .split('\t')
                .map(|c| one_line(c).replace('|', "\\|"))
                .collect()
        })
        .collect();
    let width = cells.iter().map(Vec::len).max().unwrap_or(1);
    for (n, row) in cells.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push('|');
        for c in 0..width {
            let _ = write!(out, " {} |", row.get(c).map_or("", String::as_str));
        }
        if n == 0 {
            out.push_str("\n|");
            out.push_str(&" --- |".repeat(width));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn table_rows_become_a_table() {
        let html = "<h1>Results of the vote</h1><article>\
            <p>The count is in, and the table below has every figure in it.</p>\
            <table><tr><th>Party</th><th>Seats</th></tr>\
            <tr><td>Red | Left</td><td>12</td></tr><tr><td>Blue</td><td>9</td></tr></table>\
            <p>Turnout was the highest it has been in a long time, officials said.</p>\
            </article>";
        let md = crate::clean_html(html).unwrap().to_markdown();
        assert!(
            md.contains("| Party | Seats |\n| --- | --- |\n| Red \\| Left | 12 |\n| Blue | 9 |"),
            "{md}"
        );
    }

    #[test]
    fn markdown_syntax_in_text_is_escaped() {
        let text = "Headline of the story\n\n# not a heading but a line of text.\n\n1. Not a list either, just a sentence.\n";
        let md = crate::clean_text(text).unwrap().to_markdown();
        assert!(md.contains("\\# not a heading"), "{md}");
        assert!(md.contains("1\\. Not a list"), "{md}");
    }

    #[test]
    fn line_breaks_are_hard_breaks() {
        let html = "<h1>Letters to the editor</h1><article>\
            <p>The council should have listened to the people of the old town before it voted.</p>\
            <p>Jane Roe<br>12 Bridge Street<br>Riverton</p></article>";
        let md = crate::clean_html(html).unwrap().to_markdown();
        assert!(
            md.ends_with("Jane Roe\\\n12 Bridge Street\\\nRiverton"),
            "{md:?}"
        );
    }

    #[test]
    fn code_fences_outgrow_the_text() {
        let mut out = String::new();
        super::push_code(&mut out, "a ``` b");
        assert_eq!(out, "````\na ``` b\n````");
    }
}
