//! Times each hostile input of `tests/hostile.rs` at a size and at twice
//! that size, to show throughput and whether the cost grows linearly.
//!
//! ```text
//! cargo run --release --example hostile_timing            # all cases
//! cargo run --release --example hostile_timing -- nested  # cases whose name contains "nested"
//! cargo run --release --example hostile_timing -- div 10   # those, at a tenth of the size
//! ```
//!
//! Prints a Markdown table: input size, best-of-three wall time, MB/s, the
//! ratio time(2n) / time(n) (about 2 for linear cost, 4 for quadratic), and
//! the outcome (block count, or the error for refused input).

#[path = "../tests/support/inputs.rs"]
mod inputs;

use std::time::{Duration, Instant};

enum Input {
    Text(String),
    Html(String),
    /// HTML cleaned with `max_depth` raised out of the way, to time the
    /// parser on deep nesting itself.
    HtmlDeep(String),
    Bytes(Vec<u8>),
}

impl Input {
    fn len(&self) -> usize {
        match self {
            Input::Text(s) | Input::Html(s) | Input::HtmlDeep(s) => s.len(),
            Input::Bytes(b) => b.len(),
        }
    }

    /// Best of three runs, and the outcome: the block count or the error.
    fn time(&self) -> (Duration, String) {
        let deep = deboiler::Cleaner::builder()
            .max_depth(usize::MAX)
            .build()
            .unwrap();
        let mut outcome = String::new();
        let best = (0..3)
            .map(|_| {
                let t = Instant::now();
                let blocks = match self {
                    Input::Text(s) => deboiler::clean_text(s).map(|a| a.blocks().len()),
                    Input::Html(s) => deboiler::clean_html(s).map(|a| a.blocks().len()),
                    Input::HtmlDeep(s) => deep.clean_html(s).map(|a| a.blocks().len()),
                    Input::Bytes(b) => deboiler::clean_bytes(b).map(|a| a.blocks().len()),
                };
                let took = t.elapsed();
                outcome = match blocks {
                    Ok(n) => format!("{n} blocks"),
                    Err(e) => format!("{e}"),
                };
                took
            })
            .min()
            .unwrap_or_default();
        (best, outcome)
    }
}

type Case = (&'static str, usize, fn(usize) -> Input);

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let divisor: usize = std::env::args()
        .nth(2)
        .and_then(|d| d.parse().ok())
        .unwrap_or(1)
        .max(1);
    let cases: &[Case] = &[
        ("single line text (bytes)", 25 << 20, |n| {
            Input::Text(inputs::single_line_text(n))
        }),
        ("single line html (bytes)", 25 << 20, |n| {
            Input::Html(inputs::single_line_html(n))
        }),
        ("single line via clean_bytes (bytes)", 25 << 20, |n| {
            Input::Bytes(inputs::single_line_text(n).into_bytes())
        }),
        ("tiny lines text (lines)", 500_000, |n| {
            Input::Text(inputs::tiny_lines_text(n))
        }),
        ("tiny lines html (paragraphs)", 500_000, |n| {
            Input::Html(inputs::tiny_lines_html(n))
        }),
        ("nested div unclosed (depth)", 50_000, |n| {
            Input::Html(inputs::nested_open("div", n))
        }),
        ("nested div closed (depth)", 50_000, |n| {
            Input::Html(inputs::nested_closed("div", n))
        }),
        ("nested b unclosed (depth)", 50_000, |n| {
            Input::Html(inputs::nested_open("b", n))
        }),
        ("nested b closed (depth)", 50_000, |n| {
            Input::Html(inputs::nested_closed("b", n))
        }),
        ("nested div closed, no depth limit (depth)", 5_000, |n| {
            Input::HtmlDeep(inputs::nested_closed("div", n))
        }),
        ("nested b closed, no depth limit (depth)", 50_000, |n| {
            Input::HtmlDeep(inputs::nested_closed("b", n))
        }),
        ("unclosed tags (repeats)", 5_000, |n| {
            Input::Html(inputs::unclosed_tags(n))
        }),
        ("unclosed nesting tags (repeats)", 50_000, |n| {
            Input::Html(inputs::unclosed_nesting_tags(n))
        }),
        ("huge attribute (bytes)", 10 << 20, |n| {
            Input::Html(inputs::huge_attribute(n))
        }),
        ("all navigation html (links)", 5_000, |n| {
            Input::Html(inputs::all_navigation_html(n))
        }),
        ("all navigation text (menu copies)", 5_000, |n| {
            Input::Text(inputs::all_navigation_text(n))
        }),
        ("all body html (paragraphs)", 5_000, |n| {
            Input::Html(inputs::all_body_html(n))
        }),
        ("all body text (paragraphs)", 50_000, |n| {
            Input::Text(inputs::all_body_text(n))
        }),
        ("mixed encodings bytes (bytes)", 5 << 20, |n| {
            Input::Bytes(inputs::mixed_encodings(n, 97))
        }),
        ("windows-1252 bytes (bytes)", 5 << 20, |n| {
            Input::Bytes(inputs::windows_1252(n))
        }),
    ];
    println!("| case | n | input MB | time (ms) | MB/s | time(2n)/time(n) | outcome |");
    println!("|---|---:|---:|---:|---:|---:|---|");
    for &(name, n, make) in cases {
        if !name.contains(filter.as_str()) {
            continue;
        }
        let n = n / divisor;
        let small = make(n);
        let (t1, o1) = small.time();
        let mb1 = small.len() as f64 / 1e6;
        drop(small);
        let large = make(n * 2);
        let (t2, o2) = large.time();
        let mb2 = large.len() as f64 / 1e6;
        drop(large);
        let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-9);
        for (k, mb, t, o) in [(n, mb1, t1, o1), (n * 2, mb2, t2, o2)] {
            println!(
                "| {name} | {k} | {mb:.1} | {:.1} | {:.1} | {} | {o} |",
                t.as_secs_f64() * 1e3,
                mb / t.as_secs_f64().max(1e-9),
                if k == n {
                    String::new()
                } else {
                    format!("{ratio:.2}")
                }
            );
        }
    }
}
