"""Extract the article (title, body, metadata) from a scraped news page.

deboiler takes a page as plain text or raw HTML, as ``str`` or ``bytes``,
and gives back an :class:`Article`: the title, the body, the metadata, and
every removed block with the reason it was removed. Every block carries the
offsets of the input it came from:

* for ``str`` input they are ``str`` indices, so on plain text
  ``data[block.start:block.end] == block.text``;
* for ``bytes`` input they are byte offsets into those bytes.

>>> import deboiler
>>> page = "Go to Top\\nThe body of the story, one full sentence.\\n"
>>> article = deboiler.clean(page)
>>> article.body
'The body of the story, one full sentence.'
>>> [(b.reason, b.text) for b in article.removed]
[('navigation', 'Go to Top')]
>>> b = article.blocks[0]
>>> page[b.start:b.end] == b.text
True

:class:`Cleaner` holds settings and is reused across pages;
:meth:`Cleaner.clean_many` cleans an iterable on several threads without
the GIL. Errors are :class:`DeboilerError` (with :class:`LimitError` and
:class:`DecodingError` under it); bad arguments raise ``ValueError`` or
``TypeError``.
"""

from ._deboiler import (
    REASONS,
    Article,
    Block,
    Cleaner,
    CleanMany,
    DecodingError,
    DeboilerError,
    LimitError,
    SourceSpan,
    clean,
)

__all__ = [
    "REASONS",
    "Article",
    "Block",
    "Cleaner",
    "CleanMany",
    "DecodingError",
    "DeboilerError",
    "LimitError",
    "SourceSpan",
    "clean",
]
