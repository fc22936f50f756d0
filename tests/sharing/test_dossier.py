"""The dossier PDF: one document for all cases, each case on its own numbered pages."""

import unicodedata
import uuid
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from casetracker import i18n
from casetracker.sharing.bundle_schema import LAWYER, BundleRecord, CasesDocument
from casetracker.sharing.dossier_pdf import SECTIONS, dossier_html, render_dossier
from tests.sharing.pdf_text import pdf_pages, squeezed

MADE = datetime(2025, 3, 1, 12, 0)
NAMES = ["Смирнов Максим Иванович", "Кузнецов Олег Петрович", "Ёлкин Юрий Львович"]


def _record(**values: object) -> BundleRecord:
    return BundleRecord(id=uuid.uuid4(), values=dict(values))


def _document(contacts_per_case: list[int]) -> CasesDocument:
    """Cases CT-0001… named from NAMES, each with so many contacts (many make a case run long)."""
    cases, contacts = [], []
    for n, count in enumerate(contacts_per_case):
        case = _record(ref=f"CT-{n + 1:04d}", full_name=NAMES[n], status="detained")
        cases.append(case)
        contacts += [
            _record(
                case_id=case.id,
                occurred_at=datetime(2024, 1, 1 + i % 28, 9, 0),
                channel="call",
                direct=True,
                note=f"Звонок номер {i}: жив, просит передать лекарства.",
            )
            for i in range(count)
        ]
    return CasesDocument(LAWYER, MADE, {"cases": cases[::-1], "contact_events": contacts})


def _heading(page: str) -> str:
    return squeezed(unicodedata.normalize("NFKC", page))


@pytest.fixture
def pages() -> list[str]:
    pdf = render_dossier(_document([2, 120, 3]), signer_fingerprint="AB12 CD34", created_at=MADE)
    return pdf_pages(pdf)


def test_each_case_starts_a_new_page_in_reference_order(pages: list[str]) -> None:
    starts = [
        (at, n)
        for at, page in enumerate(pages)
        for n, name in enumerate(NAMES)
        if _heading(page).startswith(squeezed(f"CT-{n + 1:04d} — {name}"))
    ]
    assert [n for _at, n in starts] == [0, 1, 2]  # each heading once, Cyrillic as real text
    assert starts[0][0] == 1  # the cover page stands alone
    assert "dossier" in _heading(pages[0]) and "ct-0001" not in _heading(pages[0])
    # The long case runs over several pages; the next one still starts on a fresh page.
    assert starts[2][0] - starts[1][0] > 1
    assert "allegations" in _heading(pages[starts[2][0] - 1])  # the long case's last section


def test_every_page_carries_its_number(pages: list[str]) -> None:
    assert [page.split()[-1] for page in pages] == [str(n) for n in range(1, len(pages) + 1)]


def test_the_files_of_a_case_and_of_its_sources_are_listed_under_that_case() -> None:
    mine, other = _record(ref="CT-0001", full_name=NAMES[0]), _record(ref="CT-0002")
    source = _record(title="Фото списка")
    files = [
        _record(case_id=other.id, filename="чужой.pdf", member="attachments/c.pdf", size=3),
        _record(source_id=source.id, filename="список.jpg", member="attachments/b.jpg", size=2),
        _record(case_id=mine.id, filename="письмо.pdf", member="attachments/a.pdf", size=1),
    ]
    doc = CasesDocument(
        LAWYER,
        MADE,
        {
            "cases": [mine, other],
            "sources": [source],
            "source_cases": [_record(source_id=source.id, case_id=mine.id)],
            "attachments": files,
        },
    )
    markup = dossier_html(doc, signer_fingerprint="AB12", created_at=MADE)
    first, second = markup.split("CT-0002")
    assert first.index("список.jpg") < first.index("письмо.pdf")  # in the document's order
    assert "чужой.pdf" not in first and "чужой.pdf" in second
    assert "список.jpg" not in second


@pytest.fixture
def shouting() -> Iterator[None]:
    i18n.install(lambda context, text, _d="", _n=-1: f"{context}:{text.upper()}")
    yield
    i18n.install()


def test_stored_values_are_shown_in_the_interface_language(shouting: None) -> None:
    doc = CasesDocument(LAWYER, MADE, {"cases": [_record(ref="CT-0001", status="detained")]})
    markup = dossier_html(doc, signer_fingerprint="AB12", created_at=MADE)
    assert "labels:DETAINED" in markup and ">detained<" not in markup
    assert "CT-0001" in markup  # a value that is not a stored word stays as it is


def test_a_contact_names_the_relative_who_reported_it() -> None:
    """The father's call is his: "Who" shows "отец, his name", not a dash, when he consented;
    an anonymous relative is the relationship alone, and what was written on the contact wins."""
    case = _record(ref="CT-0001", full_name=NAMES[0], status="detained")
    father = _record(full_name="Смирнов Иван Петрович", anonymous=False)
    mother = _record(full_name="Смирнова Анна", anonymous=True)
    links = [
        _record(case_id=case.id, relative_id=father.id, relationship="отец"),
        _record(case_id=case.id, relative_id=mother.id, relationship="мать"),
    ]

    def contact(day: int, relative: BundleRecord, participants: str = "") -> BundleRecord:
        return _record(
            case_id=case.id, occurred_at=datetime(2024, 7, day, 18, 0), channel="call",
            direct=True, relative_id=relative.id, participants=participants, note=f"note {day}",
        )  # fmt: skip

    contacts = [contact(19, father), contact(20, mother), contact(21, father, "сосед Пётр")]
    document = CasesDocument(
        LAWYER,
        MADE,
        {"cases": [case], "relatives": [father, mother], "case_relatives": links,
         "contact_events": contacts},
    )  # fmt: skip
    text = squeezed(
        " ".join(pdf_pages(render_dossier(document, signer_fingerprint="AB12", created_at=MADE)))
    )
    assert squeezed("отец, Смирнов Иван Петрович") in text
    assert squeezed("мать") in text and squeezed("Смирнова Анна") not in text
    assert squeezed("сосед Пётр") in text


def test_laid_out_a_few_cases_at_a_time_the_dossier_reads_the_same(
    pages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large dossier is laid out in parts (20,000 cases at once took about 10 GB): the same
    pages, numbered on, each case starting a page, every word there (a page may end a row
    earlier or later)."""
    from casetracker.sharing import dossier_pdf

    monkeypatch.setattr(dossier_pdf, "CASES_PER_LAYOUT", 1)
    document = _document([2, 120, 3])
    parted = pdf_pages(render_dossier(document, signer_fingerprint="AB12 CD34", created_at=MADE))
    assert len(parted) == len(pages)
    assert [page.split()[-1] for page in parted] == [str(n) for n in range(1, len(pages) + 1)]
    assert [_heading(p)[:12] for p in parted] == [_heading(p)[:12] for p in pages]
    # (a row cut by the page's foot is drawn, clipped, on both pages: compare words, not counts)
    assert set(" ".join(parted).split()) == set(" ".join(pages).split())
    markup = dossier_html(document, signer_fingerprint="AB12 CD34", created_at=MADE)
    assert len(dossier_pdf._parts(markup, 1)) == 3


def test_a_case_lists_its_sources_oldest_first_whatever_their_ids() -> None:
    """Sources were listed in the order of a set of random ids: two exports of the same case
    read differently. Now by publication day (undated last), then title."""
    case = _record(ref="CT-0001", full_name=NAMES[0], status="detained")
    days = [date(2024, 5, 3), None, date(2023, 1, 9), date(2024, 5, 3), date(2022, 12, 1), None]
    titles = ["Пост Б", "Письмо Я", "Видео", "Пост А", "Рапорт", "Письмо Ж"]
    sources = [_record(title=t, published_on=d) for t, d in zip(titles, days, strict=True)]
    doc = CasesDocument(
        LAWYER,
        MADE,
        {
            "cases": [case],
            "sources": sources,
            "source_cases": [_record(source_id=s.id, case_id=case.id) for s in sources],
        },
    )
    markup = dossier_html(doc, signer_fingerprint="AB12", created_at=MADE)
    shown = sorted(titles, key=markup.index)
    assert shown == ["Рапорт", "Видео", "Пост А", "Пост Б", "Письмо Ж", "Письмо Я"]


def test_every_section_title_and_heading_is_in_the_interface_language(shouting: None) -> None:
    case = _record(ref="CT-0001", full_name=NAMES[0], status="detained")
    stay = _record(case_id=case.id, since=date(2024, 1, 2), certainty="confirmed")
    doc = CasesDocument(LAWYER, MADE, {"cases": [case], "custody_periods": [stay]})
    markup = dossier_html(doc, signer_fingerprint="AB12", created_at=MADE)
    for section in SECTIONS:
        if section.when_empty:  # the others are left out when the case has no such rows
            assert f"<h3>dossier:{section.title.upper()}</h3>" in markup
    custody = next(s for s in SECTIONS if s.title == "Custody timeline")
    for heading, _cell in custody.columns:
        assert f"<th align='left'>dossier:{heading.upper()}</th>" in markup
    assert "<h3>dossier:ATTACHED FILES (IN THE BUNDLE)</h3>" not in markup
