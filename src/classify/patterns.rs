//! What a block is, judged from its own text alone.
