"""Survey export fixtures, written by the tests themselves in the layouts real
tools produce (Google Forms, SurveyMonkey, Qualtrics, Typeform, long tables)
and the encodings people's spreadsheets save (UTF-8 with/without BOM,
UTF-16, CP949, CP1252, XLSX).

The answers are small and fixed so each test can state the expected number
by hand. Run this module to write every fixture into a folder:

    python tests/survey_fixtures.py /tmp/survey-fixtures
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

# Answers shared by several fixtures (hand-checked numbers in the tests):
CSAT = ["5", "4", "4", "3", "2", "5", "1"]        # 4 of 7 are 4-5 -> 57.142857...
NPS = ["10", "9", "8", "7", "6", "0", "10"]      # 3 promoters, 2 passives, 2 detractors -> +14.2857
CES = ["1", "2", "2", "3", "7", "1", ""]         # 6 answers, sum 16 -> 2.6667; one blank
KO_TIMES = [f"2026. 10. {d}. 오전 9:1{d}:00" for d in range(1, 8)]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8",
              delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def google_forms_ko(folder: Path, encoding: str = "utf-8", name: str = "google-ko.csv") -> Path:
    """Korean Google Forms export: 타임스탬프 first, Korean question headers."""
    header = ["타임스탬프", "구매 과정에 얼마나 만족하셨나요?", "친구에게 추천할 가능성은 얼마나 되나요?",
              "주문하기가 얼마나 쉬웠나요?", "구매 경험에 대해 자유롭게 의견을 남겨 주세요"]
    comments = ["배송이 빨라서 좋았어요", "결제 단계가, 너무 길어요", "", "배송이 빨라서 좋았어요",
                "쿠폰 적용이 어려웠습니다", "없음", "앱이 자주 멈춰요"]
    rows = [header] + [[t, a, b, c, d] for t, a, b, c, d in zip(KO_TIMES, CSAT, NPS, CES,
                                                                 comments)]
    return write_csv(folder / name, rows, encoding)


def google_forms_en(folder: Path) -> Path:
    """English Google Forms export with a UTF-8 BOM, quoted commas and newlines."""
    header = ["Timestamp", "Email Address", "How satisfied were you with Checkout?",
              "How likely are you to recommend us to a friend?", "Anything else?"]
    notes = ["Fast, simple", "Line one\nline two", "", "Great", "Too slow, \"really\"", "", "ok"]
    rows = [header] + [[f"10/{d}/2026 9:12:00", f"p{d}@example.com", a, b, c]
                       for d, a, b, c in zip(range(1, 8), CSAT, NPS, notes)]
    return write_csv(folder / "google-en.csv", rows, "utf-8-sig")


def surveymonkey(folder: Path) -> Path:
    """SurveyMonkey: two header rows, metadata, ratings as text labels, a matrix."""
    top = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
           "How satisfied were you with Checkout?", "How easy was it to find products?", "",
           "How likely are you to recommend us?", "What could we improve?"]
    sub = ["", "", "", "", "", "Response", "Browsing", "Search", "Response",
           "Open-Ended Response"]
    satisfied = ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very satisfied",
                 "Kinda ok", ""]
    browsing = ["Very easy", "Easy", "Somewhat difficult", "Very difficult", "Easy", "Easy",
                "Neither easy nor difficult"]
    search = ["1", "2", "3", "4", "5", "6", "7"]
    recommend = ["10 - Extremely likely", "9", "0 - Not at all likely", "7", "8", "6", "10"]
    improve = ["Faster delivery", "faster delivery", "More payment options", "", "n/a",
               "Cheaper shipping", "More payment options"]
    rows = [top, sub]
    for i in range(7):
        rows.append([str(114000000 + i), "4040", "10/05/2026 09:00:00 AM",
                     "10/05/2026 09:04:00 AM", f"10.0.0.{i}", satisfied[i], browsing[i],
                     search[i], recommend[i], improve[i]])
    return write_csv(folder / "surveymonkey.csv", rows)


def qualtrics(folder: Path) -> Path:
    """Qualtrics: three header rows (ids, question text, ImportId JSON), partial responses."""
    ids = ["StartDate", "EndDate", "Status", "Progress", "Duration (in seconds)", "Finished",
           "RecordedDate", "ResponseId", "Q1", "Q3", "Q3_NPS_GROUP", "Q4", "Q5"]
    texts = ["Start Date", "End Date", "Response Type", "Progress", "Duration (in seconds)",
             "Finished", "Recorded Date", "Response ID",
             "Overall, how satisfied are you with the purchase?",
             "How likely are you to recommend us to a friend or colleague?",
             "How likely are you to recommend us to a friend or colleague? - Group",
             "How easy was it to get help from support?", "Why?"]
    imports = ['{"ImportId":"startDate","timeZone":"America/Denver"}',
               '{"ImportId":"endDate","timeZone":"America/Denver"}', '{"ImportId":"status"}',
               '{"ImportId":"progress"}', '{"ImportId":"duration"}', '{"ImportId":"finished"}',
               '{"ImportId":"recordedDate","timeZone":"America/Denver"}',
               '{"ImportId":"_recordId"}', '{"ImportId":"QID1"}', '{"ImportId":"QID3"}',
               '{"ImportId":"QID3_NPS_GROUP"}', '{"ImportId":"QID4"}', '{"ImportId":"QID5_TEXT"}']
    finished = ["1", "1", "1", "1", "1", "0", "0"]
    groups = {"10": "3", "9": "3", "8": "2", "7": "2", "6": "1", "0": "1"}
    ces = ["1", "2", "2", "3", "7", "1", ""]
    rows = [ids, texts, imports]
    for i in range(7):
        rows.append(["2026-10-05 09:00:00", "2026-10-05 09:05:00", "0",
                     "100" if finished[i] == "1" else "60", "300", finished[i],
                     "2026-10-05 09:05:00", f"R_{i:04d}", CSAT[i], NPS[i], groups[NPS[i]],
                     ces[i], "Because" if i < 3 else ""])
    return write_csv(folder / "qualtrics.csv", rows)


def typeform(folder: Path) -> Path:
    """Typeform: '#' token column, questions, Start/Submit Date (UTC), Network ID."""
    header = ["#", "How satisfied are you with our delivery?", "How easy was returning an item?",
              "Start Date (UTC)", "Submit Date (UTC)", "Network ID"]
    rows = [header] + [[f"tok{i}abc", a, c, "2026-10-05 09:00:00", "2026-10-05 09:03:00",
                        f"net{i}"] for i, (a, c) in enumerate(zip(CSAT, CES))]
    return write_csv(folder / "typeform.csv", rows)


def long_table(folder: Path) -> Path:
    """A European long table: ';' separated, decimal commas, metric column."""
    rows = [["respondent", "stage", "metric", "score"]]
    for i, v in enumerate(CSAT):
        rows.append([f"r{i}", "Purchase", "CSAT", v])
    for i, v in enumerate(["2,0", "3,0", "4", "1,5", "7"]):
        rows.append([f"r{i}", "purchase", "ces", v])
    for i, v in enumerate(NPS):
        rows.append([f"r{i}", "Awareness", "nps", v])
    return write_csv(folder / "long.csv", rows, delimiter=";")


def cp1252_semicolon(folder: Path) -> Path:
    """Western European Excel: CP1252, ';' separated, accented header."""
    header = ["Répondant", "Satisfaction générale (satisfied?)", "Commentaire"]
    rows = [header] + [[f"r{i}", v, "Très bien, merci" if i == 0 else "Déçu"]
                       for i, v in enumerate(CSAT)]
    return write_csv(folder / "western.csv", rows, "cp1252", ";")


def utf16_tab(folder: Path) -> Path:
    """A 'Unicode text' save: UTF-16 with BOM, tab separated."""
    header = ["Respondent", "How likely are you to recommend us?"]
    rows = [header] + [[f"r{i}", v] for i, v in enumerate(NPS)]
    return write_csv(folder / "unicode.txt", rows, "utf-16", "\t")


def xlsx(folder: Path) -> Path:
    """An XLSX workbook: a notes sheet first, the Google Forms answers on 'Responses'."""
    import openpyxl

    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "Notes"
    notes.append(["exported for the quarterly review"])
    sheet = workbook.create_sheet("Responses")
    sheet.append(["Timestamp", "구매 과정에 얼마나 만족하셨나요?", "친구에게 추천할 가능성은?"])
    for t, a, b in zip(KO_TIMES, CSAT, NPS):
        sheet.append([t, int(a), float(b)])
    path = folder / "answers.xlsx"
    workbook.save(path)
    return path


# ---------------------------------------------------------------- review-time exports
COMMENTS = ["Delivery was fast, thank you", "The coupon field rejected my code twice", "",
            "Checkout asked for my address again", "Great prices but slow support chat", "",
            "Would like more payment options"]


def microsoft_forms(folder: Path, language: str = "en") -> Path:
    """Microsoft Forms: ID, start and completion times, e-mail, name, then questions
    (English or German headers; the times in the locale's format)."""
    if language == "de":
        meta = ["ID", "Startzeit", "Fertigstellungszeit", "E-Mail", "Name"]
        questions = ["Wie zufrieden waren Sie mit dem Bezahlvorgang?",
                     "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?",
                     "Möchten Sie uns noch etwas mitteilen?"]
        times = [(f"05.10.26 09:1{d}:00", f"05.10.26 09:2{d}:30") for d in range(7)]
    else:
        meta = ["ID", "Start time", "Completion time", "Email", "Name"]
        questions = ["How satisfied were you with the checkout?",
                     "How likely are you to recommend us to a friend?",
                     "Is there anything else you would like to tell us?"]
        times = [(f"10/5/26 9:1{d}:00", f"10/5/26 9:2{d}:30") for d in range(7)]
    rows = [meta + questions]
    for i, ((start, end), csat, nps, note) in enumerate(zip(times, CSAT, NPS, COMMENTS)):
        rows.append([str(i + 1), start, end, "anonymous", "", csat, nps, note])
    return write_csv(folder / f"microsoft-forms-{language}.csv", rows, "utf-8-sig")


def korean_with_summary(folder: Path) -> Path:
    """A Korean sheet saved by hand: 응답일시 (response time), the answers, and the
    평균 (average) and 합계 (total) rows someone added at the bottom."""
    header = ["응답자", "응답일시", "구매 과정에 얼마나 만족하셨나요?",
              "친구에게 추천할 가능성은 얼마나 되나요?", "주문하기가 얼마나 쉬웠나요?", "의견"]
    notes = ["배송이 빨라서 좋았어요", "결제 단계가 너무 길어요", "", "쿠폰 적용이 어려웠습니다",
             "앱이 자주 멈춰요", "", "포장이 꼼꼼했어요"]
    rows = [header]
    for i, (csat, nps, ces, note) in enumerate(zip(CSAT, NPS, CES, notes)):
        rows.append([f"r{i + 1}", f"2026-10-0{i + 1} 오전 9:1{i}", csat, nps, ces, note])
    rows.append(["평균", "", "3.43", "7.14", "2.67", ""])
    rows.append(["합계", "", "24", "50", "16", ""])
    return write_csv(folder / "한국어-요약.csv", rows)


def summary_rows(folder: Path) -> Path:
    """An English export with Average, Count and Total rows (and a blank line) below it."""
    header = ["Respondent", "Submitted", "How satisfied were you with the checkout?",
              "How likely are you to recommend us?"]
    rows = [header] + [[f"r{i}", f"2026-10-0{i + 1}T09:1{i}:00Z", a, b]
                       for i, (a, b) in enumerate(zip(CSAT, NPS))]
    rows += [[], ["Average", "", "3.43", "7.14"], ["Count", "", "7", "7"],
             ["Total", "", "24", "50"]]
    return write_csv(folder / "summary-rows.csv", rows)


MATRIX_QUESTION = ("How easy was it to find what you were looking for in each part of "
                   "our online store?")


def surveymonkey_matrix(folder: Path) -> Path:
    """SurveyMonkey with a matrix question whose text is too long for one line: its
    rows (Browsing, Search, Filters) are only in the second header row."""
    top = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
           MATRIX_QUESTION, "", "", "How satisfied were you with Checkout?"]
    sub = ["", "", "", "", "", "Browsing", "Search", "Filters", "Response"]
    rows = [top, sub]
    for i in range(7):
        rows.append([str(114000000 + i), "4040", "10/05/2026 09:00:00 AM",
                     "10/05/2026 09:04:00 AM", f"10.0.0.{i}", CES[i] or "4", str(7 - i),
                     str(1 + i % 7), CSAT[i]])
    return write_csv(folder / "surveymonkey-matrix.csv", rows)


def qualtrics_agreement(folder: Path) -> Path:
    """Qualtrics' CES: agreement with "The company made it easy ...", as labels."""
    ids = ["StartDate", "EndDate", "ResponseId", "Q7"]
    texts = ["Start Date", "End Date", "Response ID",
             "The company made it easy for me to handle my issue."]
    imports = ['{"ImportId":"startDate"}', '{"ImportId":"endDate"}', '{"ImportId":"_recordId"}',
               '{"ImportId":"QID7"}']
    answers = ["Strongly agree", "Agree", "Somewhat agree", "Strongly agree", "Disagree",
               "Agree", "Neither agree nor disagree"]
    rows = [ids, texts, imports] + [["2026-10-05 09:00:00", "2026-10-05 09:05:00", f"R_{i}", a]
                                    for i, a in enumerate(answers)]
    return write_csv(folder / "qualtrics-agreement.csv", rows)


def bad_files(folder: Path) -> dict[str, Path]:
    """Files an import must refuse with one line."""
    files = {
        "empty": folder / "empty.csv",
        "header_only": folder / "header-only.csv",
        "binary": folder / "junk.csv",
        "unterminated": folder / "unterminated.csv",
    }
    files["empty"].write_bytes(b"")
    files["header_only"].write_text("Timestamp,How satisfied were you with Checkout?\r\n",
                                    encoding="utf-8")
    files["binary"].write_bytes(bytes(range(256)) * 8)
    files["unterminated"].write_text(
        'Timestamp,How satisfied were you with Checkout?,Comment\r\n'
        '2026-10-05,5,fine\r\n'
        '2026-10-06,4,"this quote never closes\r\n'
        '2026-10-07,3,ok\r\n', encoding="utf-8")
    return files


ALL = (google_forms_ko, google_forms_en, surveymonkey, qualtrics, typeform, long_table,
       cp1252_semicolon, utf16_tab, xlsx, microsoft_forms, korean_with_summary, summary_rows,
       surveymonkey_matrix, qualtrics_agreement)


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [make(folder) for make in ALL]
    paths.append(google_forms_ko(folder, "cp949", "google-ko-cp949.csv"))
    paths.append(microsoft_forms(folder, "de"))
    return paths + list(bad_files(folder).values())


if __name__ == "__main__":
    for written in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "survey-fixtures")):
        print(written)
