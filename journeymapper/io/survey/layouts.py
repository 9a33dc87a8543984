"""Recognising the layout of a survey export from its first rows.

Each survey tool lays its CSV out in its own way: how many header rows,
which metadata columns, where the question text is. :func:`detect_layout`
returns a :class:`Layout` that says how many rows are headers and, for every
column, the text a person knows it by, its id (Qualtrics ``Q3``) and its role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

GOOGLE_FORMS = "google-forms"
SURVEYMONKEY = "surveymonkey"
QUALTRICS = "qualtrics"
TYPEFORM = "typeform"
LONG = "long"
GENERIC = "generic"

LAYOUT_LABELS = {
    GOOGLE_FORMS: "Google Forms", SURVEYMONKEY: "SurveyMonkey", QUALTRICS: "Qualtrics",
    TYPEFORM: "Typeform", LONG: "Long table (one row per answer)", GENERIC: "Table with one header row",
}

# Roles of a column.
META = "meta"          # respondent id, dates, IP address, ...
DERIVED = "derived"    # a tool's own computation (Qualtrics Q3_NPS_GROUP)
OPEN = "open"          # open-ended text (a SurveyMonkey "Open-Ended Response")
ANSWER = "answer"      # a question's answers
STAGE_COL, SCORE_COL, METRIC_COL = "stage", "score", "metric"  # long tables


def _names(*names: str) -> frozenset[str]:
    return frozenset(n.casefold() for n in names)


QUALTRICS_META = _names(
    "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
    "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName",
    "RecipientEmail", "ExternalReference", "ExternalDataReference", "LocationLatitude",
    "LocationLongitude", "DistributionChannel", "UserLanguage", "Q_RecaptchaScore",
    "Q_RelevantIDDuplicate", "Q_RelevantIDDuplicateScore", "Q_RelevantIDFraudScore",
    "Q_RelevantIDLastStartDate", "Q_TotalDuration", "ResponseID", "ResponseSet", "Name",
    "EmailAddress",
)
SURVEYMONKEY_META = _names(
    "Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
    "First Name", "Last Name", "Custom Data 1", "Custom Data", "Custom Data 2",
)
TYPEFORM_META = _names(
    "#", "Start Date (UTC)", "Submit Date (UTC)", "Network ID", "Stage Date (UTC)", "Tags",
    "Response Type", "Ending",
)
GOOGLE_TIMESTAMP = _names("Timestamp", "타임스탬프", "Horodateur", "Marca temporal",
                          "Zeitstempel", "Carimbo de data/hora", "タイムスタンプ")
GOOGLE_META = GOOGLE_TIMESTAMP | _names("Email Address", "이메일 주소", "Email", "Score", "점수")
GENERIC_META = _names(
    "id", "respondent", "respondent id", "response id", "응답자", "응답자 id", "date",
    "timestamp", "submitted", "submitted at", "created", "created at", "email", "e-mail",
    "email address", "이메일",
    "날짜", "제출 시각", "name", "이름",
)
LONG_STAGE = _names("stage", "journey stage", "단계", "여정 단계", "stage name")
LONG_SCORE = _names("score", "value", "answer", "rating", "점수", "응답", "값")
LONG_METRIC = _names("metric", "measure", "지표", "metric name")

_QID_IMPORT = re.compile(r'^\{\s*"ImportId"\s*:')
#: Qualtrics ids of the rows of a matrix question: Q5_1, Q5_2, ...
_QID_ROW = re.compile(r"^(?P<question>.+)_(?P<row>\d+)$")

#: First cells of the rows a spreadsheet puts under the answers (compared folded,
#: without end punctuation and a bracketed remark: "Average (mean):" is "average").
SUMMARY_WORDS = _names(
    "average", "avg", "mean", "median", "mode", "count", "total", "totals", "grand total",
    "subtotal", "sum", "min", "minimum", "max", "maximum", "std", "std dev", "stdev",
    "standard deviation", "평균", "합계", "총계", "총합", "소계", "개수", "응답 수", "응답수",
    "중앙값", "최소", "최대", "최솟값", "최댓값", "표준편차", "durchschnitt", "mittelwert",
    "summe", "gesamt", "anzahl", "moyenne", "somme", "nombre", "promedio", "suma", "recuento",
    "média", "soma", "平均", "合計", "合计", "総計", "计数", "個数",
)
_REMARK = re.compile(r"\s*[(\[].*[)\]]\s*$")

#: Date and time answers as survey tools and spreadsheets write them, in any language:
#: 2026-10-05 09:12:00, 2026-10-05T09:12:00Z, 10/5/26 9:12:00 AM, 05.10.2026 09:12,
#: 2026. 10. 5. 오전 9:12:00, 09:12.
_CLOCK = (r"(?:(?:오전|오후|[AaPp][Mm])\s?)?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
          r"(?:\s?(?:[AaPp]\.?[Mm]\.?|오전|오후))?")
_DAY = r"(?:\d{4}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{1,2}\.?|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})"
_ZONE = r"(?:\s?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?))?"
_MOMENT = re.compile(rf"^(?:{_DAY}(?:(?:\s+|T){_CLOCK}{_ZONE})?|{_CLOCK}{_ZONE})$")


def looks_like_moment(text: str) -> bool:
    """Is ``text`` a date, a time of day, or both (a timestamp)?"""
    return bool(_MOMENT.match(text.strip()))


def is_summary_label(text: str) -> bool:
    """Is ``text`` the label of a summary row (Average, Total, 합계, ...)?"""
    folded = _REMARK.sub("", text.strip()).strip(" :.").casefold()
    return folded in SUMMARY_WORDS


def summary_row(row: list[str]) -> bool:
    """Does ``row`` start with a summary label in its first non-empty cell?"""
    first = next((cell for cell in row if cell.strip()), "")
    return bool(first) and is_summary_label(first)


@dataclass
class Column:
    """One column of a survey export."""

    index: int            # 0-based
    header: str           # what a person knows it by (question text, maybe "- option")
    id: str = ""          # first header row (Qualtrics id such as Q3) when it differs
    role: str = ANSWER
    question: str = ""    # a matrix row's question ("How easy was it to ...?")
    row: str = ""         # ... and its row ("Browsing"); both empty for other columns

    def label(self, width: int) -> str:
        """The header in at most ``width`` characters; a matrix row keeps its row
        label whole and shortens the question instead."""
        text = " ".join(self.header.split())
        if len(text) <= width:
            return text
        if self.row and len(self.row) + 6 < width:
            room = width - len(self.row) - 4
            return " ".join(self.question.split())[:room].rstrip() + "\u2026 - " + self.row
        return text[:width - 1] + "\u2026"

    @property
    def ref(self) -> str:
        """The 1-based index reference, ``#7``."""
        return f"#{self.index + 1}"


@dataclass
class Layout:
    """How a survey export is laid out."""

    name: str
    header_rows: int
    columns: list[Column] = field(default_factory=list)
    finished_column: int | None = None   # Qualtrics "Finished"
    blank_rows: int = 0  # empty rows above the header, counted in header_rows

    @property
    def label(self) -> str:
        return LAYOUT_LABELS[self.name]

    def column(self, index: int) -> Column:
        return self.columns[index]

    def role_column(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def _strip_bom(text: str) -> str:
    return text.lstrip("\ufeff").strip()


def detect_layout(head: list[list[str]]) -> Layout:
    """The layout of an export whose first rows are ``head`` (at least the header rows).

    Empty rows above the header (a sheet typed a row or two down) belong to
    the header rows, so every reader skips them and row numbers stay the file's."""
    rows = [[_strip_bom(c) for c in row] for row in head]
    blank = 0
    while blank < len(rows) - 1 and not any(rows[blank]):
        blank += 1
    layout = _detect(rows[blank:])
    layout.header_rows += blank
    layout.blank_rows = blank
    return layout


def _detect(rows: list[list[str]]) -> Layout:
    first = rows[0] if rows else []
    width = max((len(r) for r in rows[:3]), default=0)
    folded = [c.casefold() for c in first]
    if len(rows) >= 3 and any(_QID_IMPORT.match(c) for c in rows[2]):
        return _qualtrics(rows, width)
    if (len(rows) >= 2 and "respondent id" in folded
            and any(c in ("Response", "Open-Ended Response") for c in rows[1])):
        return _surveymonkey(rows, width)
    if (folded[:1] == ["#"] or "network id" in folded) and "submit date (utc)" in folded:
        return _single(TYPEFORM, first, width, TYPEFORM_META)
    if folded[:1] and folded[0] in GOOGLE_TIMESTAMP:
        return _single(GOOGLE_FORMS, first, width, GOOGLE_META)
    if set(folded) & LONG_STAGE and set(folded) & LONG_SCORE:
        layout = _single(LONG, first, width, GENERIC_META)
        for column, name in zip(layout.columns, folded):
            if name in LONG_STAGE and not layout.role_column(STAGE_COL):
                column.role = STAGE_COL
            elif name in LONG_SCORE and not layout.role_column(SCORE_COL):
                column.role = SCORE_COL
            elif name in LONG_METRIC and not layout.role_column(METRIC_COL):
                column.role = METRIC_COL
        return layout
    return _single(GENERIC, first, width, GENERIC_META)


def _single(name: str, first: list[str], width: int, meta: frozenset[str]) -> Layout:
    columns = []
    for i in range(width):
        header = _cell(first, i) or f"Column {i + 1}"
        columns.append(Column(i, header, role=META if header.casefold() in meta else ANSWER))
    return Layout(name, 1, columns)


def _qualtrics(rows: list[list[str]], width: int) -> Layout:
    columns = []
    finished = None
    for i in range(width):
        cid, text = _cell(rows[0], i), _cell(rows[1], i)
        role = ANSWER
        if cid.casefold() in QUALTRICS_META:
            role = META
        elif cid.upper().endswith(("_NPS_GROUP", "_TEXT_SENTIMENT", "_TOPICS")):
            role = DERIVED
        elif cid.upper().endswith("_TEXT"):
            role = OPEN
        if cid.casefold() == "finished":
            finished = i
        column = Column(i, text or cid or f"Column {i + 1}", cid, role)
        found = _QID_ROW.match(cid)
        question, dash, row = text.rpartition(" - ")
        if role == ANSWER and found and dash and question and row:
            column.question, column.row = question, row
        columns.append(column)
    return Layout(QUALTRICS, 3, _matrices(columns), finished)


def _surveymonkey(rows: list[list[str]], width: int) -> Layout:
    columns = []
    question = ""
    for i in range(width):
        top, sub = _cell(rows[0], i), _cell(rows[1], i)
        if top:
            question = top
        role = ANSWER
        if question.casefold() in SURVEYMONKEY_META and not sub:
            role = META
        if sub == "Open-Ended Response":
            role = OPEN
        row = ""
        if sub in ("", "Response", "Open-Ended Response") or role == META:
            header = question
        else:
            header, row = f"{question} - {sub}", sub
        columns.append(Column(i, header or f"Column {i + 1}", top if top != header else "", role,
                              question if row else "", row))
    return Layout(SURVEYMONKEY, 2, _matrices(columns))


def _matrices(columns: list[Column]) -> list[Column]:
    """Keep question and row only where a question has two or more row columns."""
    counts: dict[str, int] = {}
    for column in columns:
        if column.row:
            counts[column.question] = counts.get(column.question, 0) + 1
    for column in columns:
        if column.row and counts[column.question] < 2:
            column.question = column.row = ""
    return columns
