"""Type stubs for deboiler: the signatures of the compiled module."""

from typing import Iterable, Iterator, Literal, Mapping, Optional, Sequence, Tuple, TypedDict, Union, final

_Kind = Literal["auto", "text", "html"]
_Data = Union[str, bytes, bytearray]

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

REASONS: Tuple[str, ...]
"""The names of every removal reason, as Block.reason and keep/drop use them."""

class DeboilerError(Exception):
    """Base class of the errors deboiler raises for an input it cannot clean."""

class LimitError(DeboilerError):
    """The input is over max_input_bytes, max_depth, max_attributes, max_nodes or (for text) max_lines."""

class DecodingError(DeboilerError):
    """The bytes are binary data or not valid in their encoding."""

class _SpanDict(TypedDict):
    start: int
    end: int
    text_start: int
    text_end: int

class _BlockDict(TypedDict):
    text: str
    kind: str
    reason: Optional[str]
    start: int
    end: int
    spans: list[_SpanDict]

class _ArticleDict(TypedDict):
    title: Optional[str]
    body: str
    input_kind: str
    blocks: list[_BlockDict]
    removed: list[_BlockDict]
    metadata: dict[str, Optional[str]]

@final
class SourceSpan:
    """One piece of a block: input[start:end] became block.text[text_start:text_end].

    start/end are str indices for str input and byte offsets for bytes input;
    text_start/text_end are str indices into Block.text.
    """

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text_start(self) -> int: ...
    @property
    def text_end(self) -> int: ...

@final
class Block:
    """One block of the input, kept in the body (reason is None) or removed."""

    @property
    def text(self) -> str:
        """The block's text."""
    @property
    def kind(self) -> str:
        """paragraph, heading, quote, list-item, preformatted, table-row, caption or metadata."""
    @property
    def reason(self) -> Optional[str]:
        """Why the block was removed (one of REASONS), or None for a body block."""
    @property
    def start(self) -> int:
        """Start in the input: a str index for str input, a byte offset for bytes."""
    @property
    def end(self) -> int:
        """End in the input, exclusive, in the same units as start."""
    @property
    def spans(self) -> list[SourceSpan]:
        """The pieces of the input the text came from, in order."""
    def to_dict(self) -> _BlockDict:
        """The block as plain values."""

@final
class Article:
    """The result of cleaning one page."""

    @property
    def title(self) -> Optional[str]:
        """The headline, or None."""
    @property
    def body(self) -> str:
        """The body blocks' text, joined by blank lines."""
    @property
    def input_kind(self) -> Literal["text", "html"]:
        """Which path cleaned the input."""
    @property
    def blocks(self) -> list[Block]:
        """The body blocks, in input order."""
    @property
    def removed(self) -> list[Block]:
        """The removed blocks, in input order, each with its reason."""
    @property
    def metadata(self) -> dict[str, Optional[str]]:
        """date, byline, standfirst, reading_time, source_line: text or None."""
    def to_dict(self) -> _ArticleDict:
        """The article as plain values, shaped like a record of the CLI's JSON."""

@final
class CleanMany(Iterator[Union[Article, DeboilerError]]):
    """The iterator Cleaner.clean_many returns: Articles in input order."""

    def __iter__(self) -> "CleanMany": ...
    def __next__(self) -> Union[Article, DeboilerError]: ...

@final
class Cleaner:
    """A configured cleaner, built once and reused across pages and threads."""

    def __new__(
        cls,
        *,
        max_input_bytes: Optional[int] = None,
        max_depth: Optional[int] = None,
        max_nodes: Optional[int] = None,
        max_attributes: Optional[int] = None,
        max_lines: Optional[int] = None,
        keep: Optional[Sequence[str]] = None,
        drop: Optional[Sequence[str]] = None,
        policy: Optional[Mapping[str, Literal["keep", "report", "hide"]]] = None,
        learned: bool = True,
    ) -> "Cleaner": ...
    def clean(self, data: _Data, kind: _Kind = "auto", charset: Optional[str] = None) -> Article:
        """Cleans one page; offsets are str indices for str, byte offsets for bytes."""
    def clean_many(
        self,
        iterable: Iterable[_Data],
        kind: _Kind = "auto",
        charset: Optional[str] = None,
        threads: Optional[int] = None,
        errors: Literal["raise", "return"] = "raise",
    ) -> CleanMany:
        """Cleans every page of iterable on threads threads, yielding Articles in input order."""

def clean(data: _Data, kind: _Kind = "auto", charset: Optional[str] = None) -> Article:
    """Cleans one page with the default settings; see Cleaner.clean."""
