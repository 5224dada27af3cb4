//! Stage 3: decide, for every segment, whether it is body or why it is not.
//!
//! The decision is made in two layers. [`patterns`] recognises what a block
//! *is* from its own text (a date, a "Next Story" link, an "ALSO READ:"
//! promo), in any position. The path-specific classifiers ([`text`] for
//! scraped text, [`html`] for DOM blocks) then find where the article is and
//! use context (neighbours, position, repetition) to settle the blocks that
//! the patterns leave open, the way jusText and boilerpipe smooth their
//! per-block guesses.

pub(crate) mod content;
pub(crate) mod headline;
pub(crate) mod html;
mod learned;
pub(crate) mod patterns;
pub(crate) mod rejoin;
pub(crate) mod text;

use crate::segment::Segment;
use crate::vocab::Features;
use crate::vocab::Reason;

/// A map keyed by line fingerprints (`Features::fingerprint`): they are
/// hashes already, so one seeded, folded multiply ([`KeyHasher`]) spreads
/// them for the table, not SipHash (which cost the headline search more
/// than its comparisons) nor FNV (eight dependent multiplies a key, and
/// the same on every machine: a page could crowd one bucket). No code
/// iterates such a map, so the hasher decides no order of anything.
pub(crate) type FingerprintMap<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// The hasher of [`FingerprintMap`]: a `u64` key
/// [`spread`](crate::textutil::spread), so that every bit of the key
/// reaches the low bits that pick a bucket and the high bits that tag it,
/// by a seed no page can know.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        crate::textutil::spread(self.0)
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys are hashed (`write_u64`); any other bytes are
        // folded in eight at a time.
        for chunk in bytes.chunks(8) {
            let mut eight = [0u8; 8];
            eight[..chunk.len()].copy_from_slice(chunk);
            self.0 = self.0.rotate_left(29) ^ u64::from_le_bytes(eight);
        }
    }

    fn write_u64(&mut self, key: u64) {
        self.0 = key;
    }
}

/// Page-level facts a classifier may use besides the segments themselves.
#[derive(Clone, Debug, Default)]
pub(crate) struct Context {
    pub(crate) html: bool,
    /// The headline as the document's metadata states it (`<title>` without
    /// the site name, `og:title`), when there is one.
    pub(crate) title_hint: Option<String>,
    /// Whether the learned second opinion ([`learned`]) may re-admit
    /// scraped-text lines the hand rules removed.
    pub(crate) learned: bool,
}

impl Context {
    pub(crate) fn text(learned: bool) -> Context {
        Context {
            learned,
            ..Context::default()
        }
    }

    pub(crate) fn html(page: &crate::segment::html::Page<'_>) -> Context {
        Context {
            html: true,
            title_hint: page.title_hint.clone(),
            learned: false,
        }
    }
}

/// One decision per segment: `None` keeps it in the body.
pub(crate) fn classify(
    segments: &[Segment<'_>],
    features: &[Features],
    ctx: &Context,
) -> Vec<Option<Reason>> {
    if ctx.html {
        html::classify(segments, features, ctx)
    } else {
        let mut reasons = text::classify(segments, features, ctx);
        if ctx.learned {
            learned::readmit(segments, features, &mut reasons);
        }
        reasons
    }
}
