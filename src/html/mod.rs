//! HTML as markup, below any parser: the one lexer and the one table of
//! element facts that the depth guard, the raw-text strip and the source
//! map share.

pub(crate) mod elements;
pub(crate) mod lexer;
