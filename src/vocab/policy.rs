//! The reason policy: what the cleaner does with the blocks of each
//! [`Reason`]. The builder sets it; `crate::assemble` is the one place that
//! applies it.

use crate::vocab::Reason;

/// What a [`Cleaner`](crate::Cleaner) does with the blocks it removed for
/// one [`Reason`].
///
/// Every reason is in exactly one of three states. Whatever the state, a
/// block is never lost: it is listed by [`Article::blocks`](crate::Article::blocks)
/// and keeps its place in document order.
///
/// ```
/// use deboiler::{Cleaner, Reason, ReasonPolicy};
///
/// let input = "March 12, 2022\n\nPrevious Story\n\nBody text, a full sentence of it.";
/// let cleaner = Cleaner::builder()
///     .policy(Reason::Navigation, ReasonPolicy::Keep)
///     .policy(Reason::Date, ReasonPolicy::Hide)
///     .build()?;
/// let article = cleaner.clean_text(input)?;
/// assert_eq!(article.body().count(), 2); // "Previous Story" is body now
/// assert!(article.date().is_none()); // hidden, but still listed:
/// assert_eq!(article.removed().next().unwrap().reason(), Some(Reason::Date));
/// # Ok::<(), deboiler::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, Eq, Hash, PartialEq)]
#[non_exhaustive]
pub enum ReasonPolicy {
    /// The blocks stay in the body: [`Block::reason`](crate::Block::reason)
    /// is `None` and [`Article::body`](crate::Article::body) yields them.
    Keep,
    /// The blocks are removed from the body and keep their reason; a
    /// metadata reason (title, date, byline, standfirst, reading time,
    /// source line) is reported by its accessor on
    /// [`Article`](crate::Article). The default for every reason.
    #[default]
    Report,
    /// The blocks are removed from the body and keep their reason, but the
    /// article does not report them: [`Article::title`](crate::Article::title),
    /// [`Article::date`](crate::Article::date) and the other metadata
    /// accessors return `None` for a hidden reason (and the CLI writes
    /// `null` for its field). For a reason without an accessor (navigation,
    /// promo, …) this is the same as [`Report`](ReasonPolicy::Report).
    Hide,
}

/// A set of reasons, one bit each (`1 << reason as u32`).
pub(crate) type ReasonSet = u32;

// Every reason needs its own bit of a `ReasonSet`.
const _: () = assert!(Reason::ALL.len() <= ReasonSet::BITS as usize);

/// The bit of `reason` in a [`ReasonSet`].
pub(crate) fn bit(reason: Reason) -> ReasonSet {
    1 << reason as u32
}

/// The policy of every reason: [`ReasonPolicy::Report`] unless set.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub(crate) struct Policies {
    keep: ReasonSet,
    hide: ReasonSet,
}

impl Policies {
    /// Sets the policy of `reason`, replacing what was set before.
    pub(crate) fn set(&mut self, reason: Reason, policy: ReasonPolicy) {
        let b = bit(reason);
        self.keep &= !b;
        self.hide &= !b;
        match policy {
            ReasonPolicy::Keep => self.keep |= b,
            ReasonPolicy::Report => {}
            ReasonPolicy::Hide => self.hide |= b,
        }
    }

    /// The policy of `reason`.
    pub(crate) fn get(&self, reason: Reason) -> ReasonPolicy {
        let b = bit(reason);
        if self.keep & b != 0 {
            ReasonPolicy::Keep
        } else if self.hide & b != 0 {
            ReasonPolicy::Hide
        } else {
            ReasonPolicy::Report
        }
    }

    /// The reasons whose blocks the article does not report.
    pub(crate) fn hidden(&self) -> ReasonSet {
        self.hide
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The later setting for a reason wins, and other reasons are untouched.
    #[test]
    fn later_setting_wins() {
        let mut p = Policies::default();
        assert_eq!(p.get(Reason::Date), ReasonPolicy::Report);
        p.set(Reason::Date, ReasonPolicy::Keep);
        p.set(Reason::Title, ReasonPolicy::Hide);
        assert_eq!(p.get(Reason::Date), ReasonPolicy::Keep);
        p.set(Reason::Date, ReasonPolicy::Hide);
        assert_eq!(p.get(Reason::Date), ReasonPolicy::Hide);
        assert_eq!(p.hidden(), bit(Reason::Date) | bit(Reason::Title));
        p.set(Reason::Date, ReasonPolicy::Report);
        assert_eq!(p.get(Reason::Date), ReasonPolicy::Report);
        assert_eq!(p.get(Reason::Title), ReasonPolicy::Hide);
        assert_eq!(p.get(Reason::Promo), ReasonPolicy::Report);
    }
}
