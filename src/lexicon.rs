//! Word lists the features and classifiers consult: stop words in the
//! languages of the development corpus (and the other large news languages),
//! so that "how much of this looks like running prose" works beyond English.
//!
//! Stop words are the cheapest language-agnostic-enough signal of prose that
//! jusText showed works: navigation and headlines are made of content words,
//! sentences are glued with function words. The lists are short on purpose
//! (the most frequent function words only); a long list starts to match
//! headline words too.

use std::collections::HashSet;

use once_cell::sync::Lazy;

const STOP_WORDS: &[&str] = &[
    // English
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he",
    "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "more", "most", "not", "of",
    "on", "one", "or", "other", "our", "out", "over", "said", "she", "so", "some", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "was",
    "we", "were", "what", "when", "which", "while", "who", "will", "with", "would", "you", "your",
    // German
    "aber", "auch", "auf", "aus", "bei", "das", "dass", "dem", "den", "der", "des", "die", "ein",
    "eine", "einem", "einen", "einer", "es", "für", "hat", "ich", "ist", "mit", "nach", "nicht",
    "noch", "oder", "sich", "sie", "sind", "über", "um", "und", "von", "vor", "war", "wie", "wird",
    "zu", "zum", "zur", // French
    "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "est", "et", "il",
    "ils", "la", "le", "les", "leur", "mais", "ne", "par", "pas", "plus", "pour", "qu", "que",
    "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une",
    // Spanish and Portuguese
    "al", "como", "con", "da", "das", "del", "do", "dos", "el", "ela", "ele", "em", "entre", "era",
    "foi", "las", "lo", "los", "mas", "na", "nas", "no", "nos", "o", "os", "para", "pela", "pelo",
    "por", "se", "ser", "su", "sus", "também", "uma", "y", // Italian
    "alla", "che", "della", "di", "gli", "il", "nel", "non", "per", "sono", "è",
    // Indonesian
    "adalah", "akan", "dalam", "dan", "dari", "dengan", "di", "ini", "itu", "juga", "ke", "oleh",
    "pada", "tidak", "untuk", "yang", // Russian
    "а", "в", "во", "и", "из", "к", "как", "на", "не", "но", "о", "он", "она", "они", "от", "по",
    "с", "что", "это", "так", "за", "для", "же", "бы", "был", "была", "были", "его", "её", "их",
    "у", "то",
];

static STOP_SET: Lazy<HashSet<&'static str>> = Lazy::new(|| STOP_WORDS.iter().copied().collect());

/// Whether `word` (already lowercased) is a frequent function word.
pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_SET.contains(word)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists() {
        assert!(super::is_stop_word("the"));
        assert!(super::is_stop_word("что"));
        assert!(!super::is_stop_word("taliban"));
    }
}
