"""The minutes as plain data: what the Word writer draws, with no Qt and no database.

``build.py`` turns a workshop in the store into a :class:`MinutesDocument`;
``docx_writer.py`` turns that into a .docx. Both sides can be tested alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class MinutesOptions:
    """What the user chose in the export dialog or on the command line."""

    template: Path | None = None
    include_participants: bool = True
    anonymise: bool = False
    # Replace the names of those who must not be named in published minutes.
    for_publication: bool = False
    order: str = "capture"  # "capture" or "votes"
    show_votes: bool = False


@dataclass
class Span:
    """A run of text with emphasis. ``"\\n"`` inside the text is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Paragraph:
    """A paragraph of spans. ``style`` is a role the writer maps to a Word style:
    ``body``, ``lead``, ``quote``, ``compact`` (tight lists of lines) and ``closing``
    (e.g. "Ansvarig framåt", kept on the page of the paragraph before it)."""

    spans: list[Span]
    style: str = "body"

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass
class Heading:
    """A heading of the document outline; level 1 is a top-level section."""

    level: int
    text: str


@dataclass
class ListItem:
    """One list entry: its paragraphs (the first carries the number or bullet)
    and the lists nested under it."""

    paragraphs: list[list[Span]]
    children: list[ListBlock] = field(default_factory=list)


@dataclass
class ListBlock:
    """A bulleted or numbered list; every ListBlock at top level restarts at ``start``."""

    ordered: bool
    items: list[ListItem]
    start: int = 1


@dataclass
class Quote:
    """A block quotation (e.g. an evaluator's report) holding paragraphs, lists and quotes
    nested in it (each nesting indented one step further)."""

    blocks: list[Paragraph | ListBlock | Quote]


@dataclass
class Table:
    """A simple table whose first row is a header row repeated on every page."""

    header: list[str]
    rows: list[list[str]]
    widths_cm: list[float] | None = None
    # A least height for body rows, e.g. room for a signature on a sign-in sheet.
    row_height_cm: float | None = None


@dataclass
class Fact:
    """A labelled fact of the title block, e.g. ("Projektledare", "…")."""

    label: str
    value: str


Block = Heading | Paragraph | ListBlock | Quote | Table


@dataclass
class Labels:
    """The fixed words of the document in its language."""

    page: str
    case: str
    date: str
    venue: str
    focus_areas: str
    responsible: str
    key_figures: str
    group_work: str
    groups_intro: str
    members: str
    attendance: str
    others: str
    actions: str
    action: str
    responsible_col: str
    due: str
    votes_one: str
    votes_many: str
    persons_one: str
    persons_many: str
    participant: str
    default_document_type: str
    follow_up: str  # the default heading of a follow-up agenda item
    nothing_followed_up: str
    other_area: str  # items of no focus area
    came_from: str  # "(från {origin})"
    new_action: str  # an action made from a followed-up wish


@dataclass
class MinutesDocument:
    """Everything the writer needs, in reading order."""

    language: str  # "sv" or "en"
    header_left: str
    document_type: str
    title: str
    issuing_unit: str
    facts: list[Fact]
    lead: list[Paragraph | ListBlock | Quote]
    body: list[Block]
    labels: Labels
    author: str = ""
    subject: str = ""
    keywords: str = ""
    date: dt.date | None = None
    # For publication: how many names were replaced, of how many people.
    names_replaced: int = 0
    people_replaced: int = 0

    @property
    def lang_tag(self) -> str:
        return "en-GB" if self.language == "en" else "sv-SE"

    def outline(self) -> list[tuple[int, str]]:
        """(level, text) of the title (level 0) and every heading, in order."""
        return [(0, self.title)] + [(b.level, b.text) for b in self.body if isinstance(b, Heading)]
