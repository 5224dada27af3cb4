//! Words in class, id, role, itemprop and aria-label values that say what an
//! element holds, found with one Aho-Corasick pass per value.
//!
//! Substrings, not whole tokens: sites glue words together
//! (`sharebar`, `relatedPosts`, `c-article-body__content`). A few short
//! words that hide inside longer ones are spelled with their separators
//! (`-ad-`, `ads-`) so "head", "read" and "shadow" do not count as ads.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use once_cell::sync::Lazy;

use crate::segment::hint::*;

/// Marks a word that counts only as a whole token (see [`bits`]).
const AD_TOKEN: u32 = 1 << 31;

const WORDS: &[(&str, u32)] = &[
    ("ad", AD_TOKEN),
    ("ads", AD_TOKEN),
    ("adv", AD_TOKEN),
    ("adunit", AD_TOKEN),
    ("adbox", AD_TOKEN),
    ("adwrap", AD_TOKEN),
    ("adcontainer", AD_TOKEN),
    ("menu", MENU),
    ("nav", NAV),
    ("navigation", NAV),
    ("toolbar", NAV),
    ("share", SHARE),
    ("sharing", SHARE),
    ("social", SOCIAL),
    ("follow", SOCIAL),
    ("related", RELATED),
    ("recommend", RELATED),
    ("more-stories", RELATED),
    ("morestories", RELATED),
    ("more-from", RELATED),
    ("popular", RELATED),
    ("most-read", RELATED),
    ("mostread", RELATED),
    ("trending", RELATED),
    ("read-next", RELATED),
    ("also-read", RELATED),
    ("teaser", RELATED),
    ("outbrain", RELATED),
    ("taboola", RELATED),
    ("promo", PROMO),
    ("newsletter", NEWSLETTER),
    ("subscribe", SUBSCRIBE),
    ("subscription", SUBSCRIBE),
    ("signup", NEWSLETTER),
    ("sign-up", NEWSLETTER),
    ("comment", COMMENT),
    ("disqus", COMMENT),
    ("respond", COMMENT),
    ("footer", FOOTER),
    ("contentinfo", FOOTER),
    ("copyright", FOOTER),
    ("sidebar", SIDEBAR),
    ("complementary", SIDEBAR),
    ("right-rail", SIDEBAR),
    ("side-rail", SIDEBAR),
    ("rightrail", SIDEBAR),
    ("breadcrumb", BREADCRUMB),
    ("byline", BYLINE),
    ("author", AUTHOR),
    ("caption", CAPTION),
    ("credit", CAPTION),
    ("advert", AD),
    ("adslot", AD),
    ("ad-slot", AD),
    ("adsense", AD),
    ("dfp", AD),
    ("sponsor", AD),
    ("cookie", COOKIE),
    ("consent", COOKIE),
    ("gdpr", COOKIE),
    ("date", DATE),
    ("time", DATE),
    ("published", DATE),
    ("tags", TAGS),
    ("tag-list", TAGS),
    ("keywords", TAGS),
    ("topics", TAGS),
    ("content", CONTENT),
    ("article", CONTENT),
    ("story", CONTENT),
    ("entry", CONTENT),
    ("post-body", CONTENT),
    ("postbody", CONTENT),
    ("main", CONTENT),
    ("body", CONTENT),
    ("text", CONTENT),
    ("article-body", BODY),
    ("articlebody", BODY),
    ("article__body", BODY),
    ("article_body", BODY),
    ("article-content", BODY),
    ("article__content", BODY),
    ("articlecontent", BODY),
    ("article-text", BODY),
    ("articletext", BODY),
    ("entry-content", BODY),
    ("post-content", BODY),
    ("post-body", BODY),
    ("post__content", BODY),
    ("postcontent", BODY),
    ("story-body", BODY),
    ("storybody", BODY),
    ("story-content", BODY),
    ("story__body", BODY),
    ("body-text", BODY),
    ("bodytext", BODY),
    ("content-body", BODY),
    ("news-body", BODY),
    ("news-content", BODY),
    ("hidden", HIDDEN),
    ("sr-only", HIDDEN),
    ("visually-hidden", HIDDEN),
    ("visuallyhidden", HIDDEN),
    ("screen-reader", HIDDEN),
    ("header", HEADER),
    ("masthead", HEADER),
    ("banner", HEADER),
    ("title", TITLE),
    ("headline", TITLE),
    ("summary", SUMMARY),
    ("standfirst", SUMMARY),
    ("excerpt", SUMMARY),
    ("subtitle", SUMMARY),
    ("subhead", SUMMARY),
    ("lede", SUMMARY),
    ("dek", SUMMARY),
    ("popup", POPUP),
    ("modal", POPUP),
    ("overlay", POPUP),
    ("pagination", PAGINATION),
    ("pager", PAGINATION),
    ("bio", BIO),
    ("skip", SKIP),
];

pub(super) struct Matcher {
    ac: AhoCorasick,
}

static MATCHER: Lazy<Matcher> = Lazy::new(|| Matcher {
    ac: AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(WORDS.iter().map(|w| w.0))
        .expect("the word list is small and valid"),
});

pub(super) fn matcher() -> &'static Matcher {
    &MATCHER
}

/// The [`hint`](crate::segment::hint) bits of one attribute value.
pub(super) fn bits(m: &Matcher, value: &str) -> u32 {
    let mut out = 0;
    let b = value.as_bytes();
    // Words found in one token share its facts.
    let mut token: Option<FlagToken> = None;
    for hit in m.ac.find_overlapping_iter(value) {
        let bits = WORDS[hit.pattern().as_usize()].1;
        if bits & HIDDEN == 0 {
            let at = hit.start();
            let t = match token {
                Some(t) if t.holds(at) => t,
                _ => *token.insert(FlagToken::of(b, at)),
            };
            if t.flags(at) {
                continue;
            }
        }
        if bits == AD_TOKEN {
            // "ad" hides in "read-more", "header" and "shadow", so the
            // advertising tokens only count whole, between non-alphanumerics.
            let whole = (hit.start() == 0 || !b[hit.start() - 1].is_ascii_alphanumeric())
                && b.get(hit.end()).is_none_or(|c| !c.is_ascii_alphanumeric());
            if whole {
                out |= AD;
            }
            continue;
        }
        out |= bits;
    }
    if out & BODY != 0 {
        // "article-body pagination-first": the body words win over the
        // weak words beside them.
        out &= !(PAGINATION
            | SKIP
            | SIDEBAR
            | TAGS
            | DATE
            | AUTHOR
            | BYLINE
            | CAPTION
            | HEADER
            | TITLE
            | SUMMARY
            | MENU);
    }
    if out & (SOCIAL | SHARE) != 0 && memchr::memmem::find(value.as_bytes(), b"embed").is_some() {
        // "social-media-embed": an embedded post the story quotes, not a
        // share bar.
        out &= !(SOCIAL | SHARE);
    }
    // "hidden" alone as a class means hidden; "overflow-hidden" and
    // friends are layout, not visibility.
    if out & HIDDEN != 0 && !hidden_class(value) {
        out &= !HIDDEN;
    }
    if has_token(value, b"hentry") {
        // hAtom's "this element is the entry": the post itself, whatever
        // its other classes say (`BlogItem hentry has-comments`,
        // `hentry category-worth-sharing`).
        out &= CONTENT | BODY | HIDDEN;
    }
    out
}

/// Class-list prefixes of tokens that state a fact about the element or
/// its page rather than name what it is: `has-comments`, `no-sidebar`,
/// `feature_disablecomments`, and the taxonomy slugs blog engines add to a
/// post (`category-worth-sharing`, `tag-internet-sharing`). A clutter word
/// inside one made a whole post a comment or a share bar.
const FLAG_PREFIXES: &[&[u8]] = &[
    b"has-",
    b"has_",
    b"no-",
    b"no_",
    b"with-",
    b"category-",
    b"tag-",
];
/// Movable Type's and Typepad's slugs on a post (`entry-author-jane_doe`,
/// `entry-category-social_media`): no word anywhere in them counts.
const SLUG_PREFIXES: &[&[u8]] = &[
    b"entry-category-",
    b"entry-author-",
    b"entry-tag-",
    b"authored-by-",
];
/// Words inside a token that make it a switch or a layout, not a name:
/// `sidebar-layout`, `layout--with-related` describe how the element is
/// laid out; one wrapped a whole wcxb-dev-article page's story.
const FLAG_INFIXES: &[&[u8]] = &[b"disable", b"enable", b"layout"];

/// What makes a class-list token a flag or a slug (see [`FLAG_PREFIXES`]),
/// found once for all the words found in it.
#[derive(Clone, Copy)]
struct FlagToken {
    /// The token's bytes in the value.
    start: usize,
    end: usize,
    kind: Flag,
}

#[derive(Clone, Copy)]
enum Flag {
    /// A slug: no word in it counts.
    Slug,
    /// A flag of a prefix this long: only its first word counts.
    Prefix(usize),
    /// Whether it holds a [`FLAG_INFIXES`] word (then no word counts).
    Infix(bool),
}

impl FlagToken {
    /// The facts of the class-list token holding byte `at` of `b`.
    fn of(b: &[u8], at: usize) -> FlagToken {
        let start = b[..at]
            .iter()
            .rposition(|c| c.is_ascii_whitespace())
            .map_or(0, |p| p + 1);
        let end = b[at..]
            .iter()
            .position(|c| c.is_ascii_whitespace())
            .map_or(b.len(), |p| at + p);
        let token = &b[start..end];
        // The prefixes start with a lowercase letter: the first byte is
        // compared before the rest.
        let starts = |p: &&[u8]| {
            token.len() > p.len()
                && token[0] | 0x20 == p[0]
                && token[..p.len()].eq_ignore_ascii_case(p)
        };
        let kind = if SLUG_PREFIXES.iter().any(starts) {
            Flag::Slug
        } else if let Some(p) = FLAG_PREFIXES.iter().find(|p| starts(p)) {
            Flag::Prefix(p.len())
        } else {
            // Each window's first byte compared before the rest (the words
            // are lowercase): most windows start with another.
            Flag::Infix(FLAG_INFIXES.iter().any(|w| {
                token
                    .windows(w.len())
                    .any(|x| x[0] | 0x20 == w[0] && x.eq_ignore_ascii_case(w))
            }))
        };
        FlagToken { start, end, kind }
    }

    /// Whether byte `at` is in this token.
    fn holds(&self, at: usize) -> bool {
        (self.start..self.end).contains(&at)
    }

    /// Whether the word at byte `at` of the token is in a flag or a slug
    /// and is not its first word: `tag-list` still names a tag list.
    fn flags(&self, at: usize) -> bool {
        match self.kind {
            Flag::Slug => true,
            Flag::Prefix(n) => at >= self.start + n,
            Flag::Infix(infix) => infix,
        }
    }
}

/// Whether the whitespace-separated list `value` holds `token`.
fn has_token(value: &str, token: &[u8]) -> bool {
    // A look for the token's first byte before the whole token: a class
    // list is short, and `memmem::find` builds a searcher per call.
    let b = value.as_bytes();
    b.len() >= token.len()
        && b.windows(token.len())
            .any(|x| x[0] == token[0] && x == token)
        && value
            .split_ascii_whitespace()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(token))
}

fn hidden_class(value: &str) -> bool {
    value.split_ascii_whitespace().any(|w| {
        let w = w.to_ascii_lowercase();
        matches!(
            w.as_str(),
            "hidden"
                | "sr-only"
                | "visually-hidden"
                | "visuallyhidden"
                | "screen-reader-text"
                | "is-hidden"
                | "d-none"
        )
    })
}

/// Whether an inline style hides the element.
/// Whether a class value names a disclosure widget's panel, which the
/// page hides until the reader opens it: an accordion's, a collapsible
/// section's, an FAQ's answer.
pub(super) fn is_panel_class(class: &str) -> bool {
    const PANEL: &[&[u8]] = &[b"accordion", b"collaps", b"faq"];
    PANEL
        .iter()
        .any(|p| crate::textutil::contains_ascii_ci(class, p))
}

pub(super) fn style_hidden(style: &str) -> bool {
    let b = style.as_bytes();
    let find = |needle: &[u8]| {
        memchr::memmem::find_iter(b, needle).any(|at| {
            let rest = &b[at + needle.len()..];
            let rest = rest.iter().skip_while(|c| c.is_ascii_whitespace()).copied();
            let rest: Vec<u8> = rest.take(8).collect();
            rest.starts_with(b":none")
                || rest.starts_with(b": none")
                || rest.starts_with(b":hidden")
                || rest.starts_with(b": hidden")
        })
    };
    (memchr::memchr(b'd', b).is_some() && find(b"display")) || find(b"visibility")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_found() {
        let m = matcher();
        assert_ne!(bits(m, "social-share-bar") & SHARE, 0);
        assert_eq!(bits(m, "thread header") & AD, 0);
        assert_ne!(bits(m, "sidebar-ad-slot") & AD, 0);
        assert_eq!(bits(m, "entry-content-read-more") & AD, 0);
        assert_eq!(bits(m, "overflow-hidden") & HIDDEN, 0);
        assert_ne!(bits(m, "sr-only") & HIDDEN, 0);
        assert_eq!(bits(m, "BlogItem has-comments") & COMMENT, 0);
        assert_eq!(bits(m, "feature_disablecomments") & COMMENT, 0);
        assert_eq!(bits(m, "post category-worth-sharing") & SHARE, 0);
        assert_ne!(bits(m, "tag-list") & TAGS, 0);
        assert_ne!(bits(m, "comments-area") & COMMENT, 0);
        assert_eq!(bits(m, "grid sidebar-layout") & SIDEBAR, 0);
        assert_eq!(bits(m, "with-related") & RELATED, 0);
        assert_ne!(bits(m, "related-posts") & RELATED, 0);
        assert_eq!(bits(m, "entry-author-jane entry") & AUTHOR, 0);
        assert_ne!(bits(m, "entry-author") & AUTHOR, 0);
        assert_eq!(bits(m, "post hentry author-bio") & (AUTHOR | BIO), 0);
        // Several words in one flag token, and in the next token.
        assert_eq!(bits(m, "has-comments-share") & (COMMENT | SHARE), 0);
        let b = bits(m, "tag-list-related share");
        assert_ne!(b & TAGS, 0);
        assert_eq!(b & RELATED, 0);
        assert_ne!(b & SHARE, 0);
        assert_eq!(bits(m, "x HENTRY-like") & HIDDEN, 0);
        assert!(style_hidden("color: red; display: none"));
        assert!(!style_hidden("display:block"));
    }
}
