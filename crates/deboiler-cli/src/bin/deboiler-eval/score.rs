//! Zyte-benchmark scoring: word 4-gram shingles, per-page precision and
//! recall, corpus means.
//!
//! This mirrors `bench/score.py` (itself a re-implementation of `evaluate.py`
//! in scrapinghub/article-extraction-benchmark) rule for rule, so that the
//! figures `deboiler-eval` prints are the ones the field publishes. The tests
//! at the bottom hold it to `score.py`'s own self-test cases and, when
//! `python3` is on the path, to `score.py` itself.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// Shingle length of the benchmark.
pub const N: usize = 4;

/// Python's `re` `\w` on `str` patterns is "`str.isalnum()` or `_`", and
/// `isalnum` is exactly the general categories L* and N* (checked over every
/// code point of Python 3.11 / Unicode 14, see `python_word_chars_agree`).
/// Rust's `char::is_alphanumeric` is *not* the same: it adds the
/// `Other_Alphabetic` combining marks (Devanagari and Thai vowel signs,
/// circled letters), which Python treats as separators. The regex crate's
/// `\w` is wider still (all marks, connector punctuation).
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("valid regex"));

/// One `\w+` match: the token text and its byte range in the scored text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// The tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    WORD.find_iter(text)
        .map(|m| Token {
            text: m.as_str(),
            start: m.start(),
            end: m.end(),
        })
        .collect()
}

/// The windows (shingles) of a token list: overlapping `n`-grams, or one
/// short window for 1..n tokens, or none for no tokens. Each window is given
/// as the index of its first token and its length.
pub fn windows(len: usize, n: usize) -> impl Iterator<Item = (usize, usize)> {
    let (count, width) = match len {
        0 => (0, 0),
        l if l < n => (1, l),
        l => (l - n + 1, n),
    };
    (0..count).map(move |i| (i, width))
}

/// The shingle multiset of a token list.
pub fn shingles<'t>(words: &'t [&'t str], n: usize) -> HashMap<&'t [&'t str], u32> {
    let mut counts = HashMap::new();
    for (i, w) in windows(words.len(), n) {
        *counts.entry(&words[i..i + w]).or_insert(0) += 1;
    }
    counts
}

/// Shingle counts of one page: shared, extra in the prediction, missing from
/// it. `score.py` divides all three by their sum; that leaves every ratio it
/// computes unchanged, so the raw counts are kept here.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
}

impl Counts {
    /// Precision of one page: 1 when nothing is extra or missing, 0 when the
    /// prediction is empty, else tp/(tp+fp).
    pub fn precision(self) -> f64 {
        if self.fp == 0 && self.fn_ == 0 {
            1.0
        } else if self.tp == 0 && self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    /// Recall of one page: 1 when nothing is extra or missing, 0 when the
    /// gold is empty, else tp/(tp+fn).
    pub fn recall(self) -> f64 {
        if self.fp == 0 && self.fn_ == 0 {
            1.0
        } else if self.tp == 0 && self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }

    /// Whether the prediction has at least one shingle.
    pub fn has_prediction(self) -> bool {
        self.tp + self.fp > 0
    }

    /// Whether the gold has at least one shingle.
    pub fn has_gold(self) -> bool {
        self.tp + self.fn_ > 0
    }

    /// F1 of one page, as `score.py`'s `F1/doc`: both empty scores 1, an empty
    /// prediction 0.
    pub fn f1(self) -> f64 {
        if !self.has_prediction() && !self.has_gold() {
            return 1.0;
        }
        if !self.has_prediction() {
            return 0.0;
        }
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// One scored page, with which tokens of each side found no partner.
pub struct PageScore<'a> {
    pub counts: Counts,
    pub gold: Vec<Token<'a>>,
    pub pred: Vec<Token<'a>>,
    /// For each prediction token: is it inside at least one shared shingle?
    pub pred_matched: Vec<bool>,
    /// For each gold token: is it inside at least one shared shingle?
    pub gold_matched: Vec<bool>,
}

/// Scores one page with `n`-token shingles.
pub fn score_page<'a>(gold: &'a str, pred: &'a str, n: usize) -> PageScore<'a> {
    let gold_toks = tokenize(gold);
    let pred_toks = tokenize(pred);
    let g: Vec<&str> = gold_toks.iter().map(|t| t.text).collect();
    let p: Vec<&str> = pred_toks.iter().map(|t| t.text).collect();
    let (gc, pc) = (shingles(&g, n), shingles(&p, n));
    let mut counts = Counts::default();
    for (s, &c) in &pc {
        let shared = c.min(gc.get(s).copied().unwrap_or(0));
        counts.tp += u64::from(shared);
        counts.fp += u64::from(c - shared);
    }
    for (s, &c) in &gc {
        counts.fn_ += u64::from(c - c.min(pc.get(s).copied().unwrap_or(0)));
    }
    let pred_matched = matched_tokens(&p, &gc, n);
    let gold_matched = matched_tokens(&g, &pc, n);
    PageScore {
        counts,
        gold: gold_toks,
        pred: pred_toks,
        pred_matched,
        gold_matched,
    }
}

/// Marks the tokens of `words` that sit in a shingle the other side also
/// has. Shingles are matched left to right against the other side's counts,
/// so a shingle repeated more often than the other side has it is matched
/// only that many times, as the multiset intersection counts it.
fn matched_tokens(words: &[&str], other: &HashMap<&[&str], u32>, n: usize) -> Vec<bool> {
    let mut left: HashMap<&[&str], u32> = other.iter().map(|(k, v)| (*k, *v)).collect();
    let mut matched = vec![false; words.len()];
    for (i, w) in windows(words.len(), n) {
        if let Some(c) = left.get_mut(&words[i..i + w])
            && *c > 0
        {
            *c -= 1;
            matched[i..i + w].iter_mut().for_each(|m| *m = true);
        }
    }
    matched
}

/// Corpus figures: precision is the mean over pages with a non-empty
/// prediction, recall over pages with a non-empty gold, F1 = 2PR/(P+R) of the
/// two means. A mean over no pages is NaN, as in `score.py`.
#[derive(Clone, Copy, Debug)]
pub struct Aggregate {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 { f64::NAN } else { sum / n as f64 }
}

/// The corpus figures of a set of pages.
pub fn aggregate(pages: &[Counts]) -> Aggregate {
    let precision = mean(
        pages
            .iter()
            .filter(|c| c.has_prediction())
            .map(|c| c.precision()),
    );
    let recall = mean(pages.iter().filter(|c| c.has_gold()).map(|c| c.recall()));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Aggregate {
        precision,
        recall,
        f1,
    }
}

/// The mean over all pages of the per-page F1 (an empty prediction scores 0).
pub fn f1_per_page_mean(pages: &[Counts]) -> f64 {
    mean(pages.iter().map(|c| c.f1()))
}

/// A maximal run of consecutive unmatched tokens: its byte range in the
/// scored text and how many tokens it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub start: usize,
    pub end: usize,
    pub tokens: usize,
}

/// The runs of unmatched tokens, longest first (ties in text order).
pub fn unmatched_runs(tokens: &[Token<'_>], matched: &[bool]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut current: Option<Run> = None;
    for (t, &m) in tokens.iter().zip(matched) {
        match (&mut current, m) {
            (Some(run), false) => {
                run.end = t.end;
                run.tokens += 1;
            }
            (None, false) => {
                current = Some(Run {
                    start: t.start,
                    end: t.end,
                    tokens: 1,
                })
            }
            (_, true) => runs.extend(current.take()),
        }
    }
    runs.extend(current);
    runs.sort_by(|a, b| b.tokens.cmp(&a.tokens).then(a.start.cmp(&b.start)));
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text).collect()
    }

    fn counts3(gold: &str, pred: &str) -> (f64, f64, f64) {
        let c = score_page(gold, pred, 3).counts;
        let s = (c.tp + c.fp + c.fn_) as f64;
        if s == 0.0 {
            (0.0, 0.0, 0.0)
        } else {
            (c.tp as f64 / s, c.fp as f64 / s, c.fn_ as f64 / s)
        }
    }

    // The cases of `score.py --self-test`, one per row.
    #[test]
    fn selftest_tokenize() {
        assert_eq!(
            toks("a b,cd:e(foo,bar) "),
            ["a", "b", "cd", "e", "foo", "bar"]
        );
    }

    #[test]
    fn selftest_shingles() {
        let w: Vec<&str> = vec![];
        assert!(shingles(&w, 4).is_empty());
        assert!(shingles(&toks("!"), 4).is_empty());
        let t = toks("a,b c ");
        let s = shingles(&t, 5);
        assert_eq!(s.len(), 1);
        assert_eq!(s[&["a", "b", "c"][..]], 1);
        let t = toks("a b c a b c");
        let s = shingles(&t, 3);
        assert_eq!(s[&["a", "b", "c"][..]], 2);
        assert_eq!(s[&["b", "c", "a"][..]], 1);
        assert_eq!(s[&["c", "a", "b"][..]], 1);
        assert_eq!(s.values().sum::<u32>(), 4);
    }

    #[test]
    fn selftest_page_counts() {
        let cases = [
            ("a b c", "a b c", (1.0, 0.0, 0.0)),
            ("a b c d", "a b c", (0.5, 0.0, 0.5)),
            ("a b c", "a b c d", (0.5, 0.5, 0.0)),
            ("", "", (0.0, 0.0, 0.0)),
            ("a", "", (0.0, 0.0, 1.0)),
            ("", "a", (0.0, 1.0, 0.0)),
            ("a b c a b c", "a b c", (0.25, 0.0, 0.75)),
            ("a b c", "a b c a b c", (0.25, 0.75, 0.0)),
        ];
        for (g, p, want) in cases {
            let got = counts3(g, p);
            for (x, y) in [(got.0, want.0), (got.1, want.1), (got.2, want.2)] {
                assert!(
                    (x - y).abs() < 1e-12,
                    "{g:?} {p:?}: got {got:?}, want {want:?}"
                );
            }
        }
    }

    #[test]
    fn selftest_empty_prediction_costs_recall_only() {
        let a = aggregate(&[
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0,
            },
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1,
            },
        ]);
        assert_eq!(a.precision, 1.0);
        assert_eq!(a.recall, 0.5);
        assert!((a.f1 - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn per_page_f1_edge_cases() {
        assert_eq!(
            Counts {
                tp: 0,
                fp: 0,
                fn_: 0
            }
            .f1(),
            1.0
        );
        assert_eq!(
            Counts {
                tp: 0,
                fp: 0,
                fn_: 3
            }
            .f1(),
            0.0
        );
        assert_eq!(
            Counts {
                tp: 0,
                fp: 3,
                fn_: 0
            }
            .f1(),
            0.0
        );
        assert!(
            (Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
            .f1()
                - 2.0 / 3.0)
                .abs()
                < 1e-12
        );
    }

    // Python's \w: letters and numbers of every script, but not combining
    // marks (so a Devanagari vowel sign splits a word) and not connector
    // punctuation other than `_`.
    #[test]
    fn word_chars_follow_python() {
        assert_eq!(toks("snake_case x²  ½ Ⅻ"), ["snake_case", "x²", "½", "Ⅻ"]);
        assert_eq!(toks("東京タワー、서울"), ["東京タワー", "서울"]);
        assert_eq!(toks("हिंदी"), ["ह", "द"]);
        assert_eq!(toks("a‿b ⓐ"), ["a", "b"]);
        assert_eq!(toks("cafe\u{301} naïve"), ["cafe", "naïve"]);
    }

    #[test]
    fn unmatched_runs_name_the_extra_text() {
        let gold = "one two three four five six";
        let pred = "menu home news one two three four five six share this story now";
        let s = score_page(gold, pred, 4);
        let runs = unmatched_runs(&s.pred, &s.pred_matched);
        let texts: Vec<&str> = runs.iter().map(|r| &pred[r.start..r.end]).collect();
        assert_eq!(texts, ["share this story now", "menu home news"]);
        assert!(unmatched_runs(&s.gold, &s.gold_matched).is_empty());
    }

    #[test]
    fn repeated_shingles_match_only_as_often_as_the_other_side_has_them() {
        let s = score_page("a b c d", "a b c d x a b c d", 4);
        assert_eq!(
            s.counts,
            Counts {
                tp: 1,
                fp: 5,
                fn_: 0
            }
        );
        let runs = unmatched_runs(&s.pred, &s.pred_matched);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].tokens, 5);
    }

    /// Checks against Python itself: `bench/score.py` and Python's `re`.
    /// Both skip (with a note on stderr) where `python3` is not installed.
    mod python {
        use super::super::*;
        use std::path::{Path, PathBuf};
        use std::process::Command;

        fn python() -> Option<Command> {
            let ok = Command::new("python3")
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success());
            if !ok {
                eprintln!("python3 not found: skipping the comparison with Python");
                return None;
            }
            Some(Command::new("python3"))
        }

        fn root() -> PathBuf {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
        }

        /// Every file of the development corpus, as text.
        fn corpus_texts() -> Vec<(PathBuf, String)> {
            let mut out = Vec::new();
            for sub in ["corpus/seeds", "corpus/zyte", "corpus/zyte-text"] {
                let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join(sub))
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
                    .collect();
                paths.sort();
                for p in paths {
                    let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
                    out.push((p, text));
                }
            }
            out
        }

        // Python's `\w` against ours over every code point Python's Unicode
        // database assigns, and over every character the corpus contains
        // (assigned or not, so a newer Unicode on one side cannot hide a
        // difference that changes a score).
        #[test]
        fn python_word_chars_agree() {
            let Some(mut py) = python() else { return };
            let out = py
                .arg("-c")
                .arg(
                    "import re,sys,unicodedata\n\
                     W=re.compile(r'\\w')\n\
                     sys.stdout.write(''.join('1' if W.match(chr(i)) else \
                     ('-' if unicodedata.category(chr(i))=='Cn' else '0') for i in range(0x110000)))",
                )
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let table = out.stdout;
            assert_eq!(table.len(), 0x110000);
            let is_word = |c: char| tokenize(c.encode_utf8(&mut [0; 4])).len() == 1;
            let mut differ = Vec::new();
            for (cp, &flag) in table.iter().enumerate() {
                let Some(c) = char::from_u32(cp as u32) else {
                    continue;
                };
                if flag != b'-' && (flag == b'1') != is_word(c) {
                    differ.push(format!("U+{cp:04X}"));
                }
            }
            assert!(
                differ.is_empty(),
                "\\w differs from Python on {} code points: {:?}",
                differ.len(),
                &differ[..differ.len().min(40)]
            );
            let mut in_corpus = std::collections::BTreeSet::new();
            for (_, text) in corpus_texts() {
                in_corpus.extend(text.chars());
            }
            let differ: Vec<String> = in_corpus
                .iter()
                .filter(|&&c| (table[c as usize] == b'1') != is_word(c))
                .map(|c| format!("U+{:04X}", *c as u32))
                .collect();
            assert!(
                differ.is_empty(),
                "corpus characters scored differently from Python: {differ:?}"
            );
        }

        /// A deterministic pseudo-random sequence (an LCG), so the generated
        /// predictions are the same on every run.
        struct Lcg(u64);
        impl Lcg {
            fn next(&mut self) -> u64 {
                self.0 = self
                    .0
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                self.0 >> 33
            }
        }

        // Several prediction sets over corpus/zyte-text (the gold itself,
        // keep-everything, truncations, shuffles, empty and missing files,
        // repeated paragraphs), scored by both implementations: corpus P, R,
        // F1, F1/page, the empty count and every page's tp/fp/fn must match.
        #[test]
        fn agrees_with_score_py() {
            let Some(mut py) = python() else { return };
            let dir = root().join("corpus/zyte-text");
            let mut ids: Vec<String> = std::fs::read_dir(&dir)
                .unwrap()
                .filter_map(|e| {
                    e.unwrap()
                        .file_name()
                        .to_str()?
                        .strip_suffix(".gold.txt")
                        .map(str::to_owned)
                })
                .collect();
            ids.sort();
            let read = |p: &Path| std::fs::read_to_string(p).unwrap();
            let gold: Vec<String> = ids
                .iter()
                .map(|id| read(&dir.join(format!("{id}.gold.txt"))))
                .collect();
            let input: Vec<String> = ids
                .iter()
                .map(|id| read(&dir.join(format!("{id}.txt"))))
                .collect();

            let mut rng = Lcg(42);
            let mut sets: Vec<(&str, Vec<Option<String>>)> = Vec::new();
            sets.push(("gold", gold.iter().cloned().map(Some).collect()));
            sets.push(("everything", input.iter().cloned().map(Some).collect()));
            let mut mixed = Vec::new();
            let mut shuffled = Vec::new();
            let mut sparse = Vec::new();
            for (i, (g, t)) in gold.iter().zip(&input).enumerate() {
                let gl: Vec<&str> = g.lines().collect();
                let tl: Vec<&str> = t.lines().collect();
                // first half of the gold, a random third of the input lines
                let mut m: Vec<&str> = gl[..gl.len() / 2].to_vec();
                m.extend(tl.iter().filter(|_| rng.next().is_multiple_of(3)));
                mixed.push(Some(m.join("\n")));
                // gold lines in a random order, one repeated, punctuation only lines added
                let mut s: Vec<&str> = gl.clone();
                for k in (1..s.len()).rev() {
                    s.swap(k, (rng.next() as usize) % (k + 1));
                }
                if let Some(first) = gl.first() {
                    s.push(first);
                }
                s.push("— · —");
                shuffled.push(Some(s.join("\n")));
                // every 5th page missing, every 7th empty, else a few short fragments
                sparse.push(match i {
                    i if i % 5 == 0 => None,
                    i if i % 7 == 0 => Some(String::from("!?")),
                    _ => Some(
                        g.split_whitespace()
                            .take((rng.next() % 6) as usize)
                            .collect::<Vec<_>>()
                            .join(" "),
                    ),
                });
            }
            sets.push(("mixed", mixed));
            sets.push(("shuffled", shuffled));
            sets.push(("sparse", sparse));

            let tmp = tempfile::tempdir().unwrap();
            for (name, preds) in &sets {
                let d = tmp.path().join(name);
                std::fs::create_dir_all(&d).unwrap();
                for (id, p) in ids.iter().zip(preds) {
                    if let Some(p) = p {
                        std::fs::write(d.join(format!("{id}.txt")), p).unwrap();
                    }
                }
            }
            let out_json = tmp.path().join("scores.json");
            let out = py
                .arg(root().join("bench/score.py"))
                .arg("--gold")
                .arg(&dir)
                .arg("--n-bootstrap")
                .arg("0")
                .arg("--json")
                .arg(&out_json)
                .arg(tmp.path())
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let rows: serde_json::Value = serde_json::from_str(&read(&out_json)).unwrap();
            let rows = rows.as_array().unwrap();
            assert_eq!(rows.len(), sets.len());
            let close = |a: f64, b: &serde_json::Value, what: &str, set: &str| {
                let b = b.as_f64().unwrap_or(f64::NAN);
                assert!(
                    (a - b).abs() < 1e-9 || (a.is_nan() && b.is_nan()),
                    "{set}: {what}: ours {a}, score.py {b}"
                );
            };
            for (name, preds) in &sets {
                let row = rows.iter().find(|r| r["tool"] == *name).unwrap();
                let counts: Vec<Counts> = gold
                    .iter()
                    .zip(preds)
                    .map(|(g, p)| score_page(g, p.as_deref().unwrap_or(""), N).counts)
                    .collect();
                let agg = aggregate(&counts);
                close(agg.precision, &row["precision"], "precision", name);
                close(agg.recall, &row["recall"], "recall", name);
                close(agg.f1, &row["f1"], "f1", name);
                close(
                    f1_per_page_mean(&counts),
                    &row["f1_per_doc_mean"],
                    "f1 per page",
                    name,
                );
                let empty = preds
                    .iter()
                    .filter(|p| tokenize(p.as_deref().unwrap_or("")).is_empty())
                    .count();
                assert_eq!(
                    row["empty_predictions"].as_u64(),
                    Some(empty as u64),
                    "{name}: empty"
                );
                for (id, c) in ids.iter().zip(&counts) {
                    let doc = &row["per_doc"][id];
                    let s = (c.tp + c.fp + c.fn_) as f64;
                    let norm = |x: u64| if s == 0.0 { 0.0 } else { x as f64 / s };
                    close(norm(c.tp), &doc["tp"], &format!("{id} tp"), name);
                    close(norm(c.fp), &doc["fp"], &format!("{id} fp"), name);
                    close(norm(c.fn_), &doc["fn"], &format!("{id} fn"), name);
                }
            }
        }
    }
}
