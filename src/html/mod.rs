//! HTML as markup, below any parser: the one lexer and the one table of
//! element facts that the depth guard, the raw-text strip, the source map
//! and the charset prescan share.

pub(crate) mod elements;
pub(crate) mod lexer;
