"""Fixed words of the minutes in Swedish (default) and English, and date formats."""

from __future__ import annotations

import datetime as dt

from facilitator.minutes.model import Labels

SWEDISH = Labels(
    page="Sid",
    case="Ärende",
    date="Datum",
    venue="Plats",
    focus_areas="Fokusområden",
    responsible="Ansvarig framåt",
    key_figures="Siffror och fakta",
    group_work="Grupparbete",
    groups_intro="Det blev {n} grupper som arbetade med",
    members="Deltagare",
    attendance="Närvarande",
    others="Övriga",
    actions="Åtgärder",
    action="Åtgärd",
    responsible_col="Ansvarig",
    due="Klart senast",
    votes_one="röst",
    votes_many="röster",
    persons_one="person",
    persons_many="personer",
    participant="en deltagare",
    default_document_type="Minnesanteckningar",
    follow_up="Uppföljning sedan förra mötet",
    nothing_followed_up="Inget följdes upp på det här mötet.",
    other_area="Övrigt",
    came_from="från {origin}",
    new_action="Ny åtgärd",
)

ENGLISH = Labels(
    page="Page",
    case="Case",
    date="Date",
    venue="Venue",
    focus_areas="Focus areas",
    responsible="Responsible going forward",
    key_figures="Key figures",
    group_work="Group work",
    groups_intro="There were {n} groups working on",
    members="Members",
    attendance="Present",
    others="Others",
    actions="Actions",
    action="Action",
    responsible_col="Responsible",
    due="Due by",
    votes_one="vote",
    votes_many="votes",
    persons_one="person",
    persons_many="people",
    participant="a participant",
    default_document_type="Minutes",
    follow_up="Follow-up since the last meeting",
    nothing_followed_up="Nothing was followed up at this meeting.",
    other_area="Other",
    came_from="from {origin}",
    new_action="New action",
)

_MONTHS_SV = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
              "september", "oktober", "november", "december")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")

_NUMBERS_SV = ("noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
               "elva", "tolv")
_NUMBERS_EN = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
               "ten", "eleven", "twelve")


def labels_for(language: str) -> Labels:
    return ENGLISH if language == "en" else SWEDISH


def long_date(date: dt.date, language: str) -> str:
    """"4 december 2014" (sv) or "4 December 2014" (en)."""
    months = _MONTHS_EN if language == "en" else _MONTHS_SV
    return f"{date.day} {months[date.month - 1]} {date.year}"


def time_span(start: dt.time | None, end: dt.time | None, language: str) -> str:
    """"18.00–21.00" (sv) or "18:00–21:00" (en); empty when no start time."""
    if start is None:
        return ""
    sep = ":" if language == "en" else "."

    def fmt(t: dt.time) -> str:
        return f"{t.hour:02d}{sep}{t.minute:02d}"

    return fmt(start) + (f"–{fmt(end)}" if end is not None else "")


def number_word(n: int, language: str) -> str:
    """Small numbers as words, as a writer would ("tre grupper"); larger as digits."""
    words = _NUMBERS_EN if language == "en" else _NUMBERS_SV
    return words[n] if 0 <= n < len(words) else str(n)


def count_phrase(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
