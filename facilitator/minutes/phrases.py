"""Words the minutes build from the facilitator's choices, in Swedish and English:
role labels, counted key figures (singular or plural), lists joined with "och"/"and"
and responsible people written as the workshop asks."""

from __future__ import annotations

from facilitator.store.vocabulary import Metric, ResponsibleForm, ReviewStatus, RoleKind

ROLE_LABELS: dict[RoleKind, tuple[str, str]] = {  # kind → (Swedish, English)
    RoleKind.PROJECT_LEADER: ("Projektledare", "Project leader"),
    RoleKind.MODERATOR: ("Moderator", "Moderator"),
    RoleKind.PRESENTER: ("Föredragande", "Presenter"),
    RoleKind.AUTHOR: ("Författare", "Author"),
    RoleKind.EVALUATOR: ("Följeforskare", "Evaluator"),
    RoleKind.NOTE_TAKER: ("Antecknare", "Minutes taken by"),
    RoleKind.CHAIR: ("Ordförande", "Chair"),
}

REVIEW_STATUS_WORDS: dict[ReviewStatus, tuple[str, str]] = {  # status → (Swedish, English)
    ReviewStatus.OPEN: ("Öppen", "Open"),
    ReviewStatus.IN_PROGRESS: ("Pågår", "In progress"),
    ReviewStatus.DONE: ("Klar", "Done"),
    ReviewStatus.DROPPED: ("Struken", "Dropped"),
}

# metric → ((Swedish one, Swedish many), (English one, English many)); {n} is the count.
METRIC_PHRASES: dict[Metric, tuple[tuple[str, str], tuple[str, str]]] = {
    Metric.PARTICIPANTS: (
        ("{n} deltagare i den här workshopen", "{n} deltagare i den här workshopen"),
        ("{n} participant at this workshop", "{n} participants at this workshop")),
    Metric.PEOPLE_MET: (
        ("{n} person har deltagit i projektets workshoppar",
         "{n} personer har deltagit i projektets workshoppar"),
        ("{n} person has taken part in the project's workshops",
         "{n} different people have taken part in the project's workshops")),
    Metric.ATTENDANCES: (
        ("{n} deltagande i projektets workshoppar", "{n} deltaganden i projektets workshoppar"),
        ("{n} attendance at the project's workshops",
         "{n} attendances at the project's workshops")),
    Metric.ORGANISATIONS: (
        ("{n} organisation har varit representerad i projektets workshoppar",
         "{n} organisationer har varit representerade i projektets workshoppar"),
        ("{n} organisation has been represented at the project's workshops",
         "{n} organisations have been represented at the project's workshops")),
    Metric.WORKSHOPS: (
        ("{n} workshop i projektet", "{n} workshoppar i projektet"),
        ("{n} workshop in the project", "{n} workshops in the project")),
    Metric.WISHES: (
        ("{n} önskemål och ambitioner från grupperna",
         "{n} önskemål och ambitioner från grupperna"),
        ("{n} wish or ambition from the groups", "{n} wishes and ambitions from the groups")),
}


def role_label(kind: RoleKind, own_label: str, language: str) -> str:
    if kind == RoleKind.OTHER or kind not in ROLE_LABELS:
        return own_label
    swedish, english = ROLE_LABELS[kind]
    return english if language == "en" else swedish


def review_status_word(status: ReviewStatus, language: str) -> str:
    swedish, english = REVIEW_STATUS_WORDS[status]
    return english if language == "en" else swedish


def metric_phrase(metric: Metric, n: int, language: str) -> str:
    swedish, english = METRIC_PHRASES[metric]
    one, many = english if language == "en" else swedish
    number = f"{n:,}".replace(",", "\u00a0" if language != "en" else ",")
    return (one if n == 1 else many).format(n=number)


def joined(items: list[str], language: str) -> str:
    """"A, B och C" (sv) or "A, B and C" (en)."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    word = "and" if language == "en" else "och"
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def person_phrase(name: str, title: str, organisation: str, form: ResponsibleForm,
                  language: str) -> str:
    """"Name", "Name, title" or "Name, title på Organisation", as the workshop asks."""
    if form == ResponsibleForm.NAME:
        return name
    if form == ResponsibleForm.NAME_TITLE or not organisation:
        return f"{name}, {title}" if title else name
    if not title:
        return f"{name}, {organisation}"
    at = "at" if language == "en" else "på"
    return f"{name}, {title} {at} {organisation}"
