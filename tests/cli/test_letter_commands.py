"""``casetracker letter``, ``letter-templates`` and ``letter-template``, run for real."""

import io
import os
import uuid
import zipfile
from datetime import date
from pathlib import Path

import defusedxml.ElementTree as SafeXml
import pytest

from casetracker.model.requests import Request, RequestKind
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.cli.conftest import RunCli
from tests.conftest import PASSPHRASE
from tests.sharing.pdf_text import pdf_text, squeezed

NAME = "Иванов Иван Иванович"


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    path = tmp_path / "letters.ctvault"
    ws, _ = Workspace.create(path, PASSPHRASE, kdf=FLOOR, actor="tester")
    case = ws.cases.create(NAME, birth_date=date(1995, 3, 12), military_unit="в/ч 12345")
    with ws.session() as session:
        session.add(
            Request(
                id=uuid.UUID("0123456789abcdef0123456789abcdef"),
                case_id=case.id,
                kind=RequestKind.MILITARY_PROSECUTOR,
                addressee="Военная прокуратура Южного военного округа",
                sent_on=date(2024, 8, 1),
                outgoing_number="17/2024",
            )
        )
    ws.close(save=True)
    return path


def test_a_letter_for_a_request_is_written_as_docx(vault: Path, cli: RunCli) -> None:
    target = vault.parent / "letter.docx"
    code, out, err = cli("letter", vault, "CT-0001", "--request", "01234567", "--out", target)
    assert code == 0, err
    assert str(target) in out
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as archive:
        document = archive.read("word/document.xml")
    SafeXml.fromstring(document)
    text = document.decode()
    assert NAME in text and "Военная прокуратура Южного военного округа" in text
    assert "ОБРАЩЕНИЕ О НЕЗАКОННОМ ЛИШЕНИИ СВОБОДЫ" in text
    # What the vault lacks is said, by name, on the error output.
    assert "дата задержания" in err and "место содержания" in err
    if os.name == "posix":  # Windows has ACLs, not these modes
        assert target.stat().st_mode & 0o077 == 0  # private to the user, like every export


def test_a_letter_as_pdf_and_odt_holds_the_name(vault: Path, cli: RunCli) -> None:
    pdf, odt = vault.parent / "letter.pdf", vault.parent / "letter.odt"
    assert cli("letter", vault, "CT-0001", "--template", "hospital", "--out", pdf)[0] == 0
    assert squeezed(NAME) in squeezed(pdf_text(pdf.read_bytes()))
    # The kind as request-add spells it (hyphens) is taken too.
    assert cli("letter", vault, "CT-0001", "--template", "red-cross", "--out", odt)[0] == 0
    with zipfile.ZipFile(odt) as archive:
        assert archive.namelist()[0] == "mimetype"
        assert NAME in archive.read("content.xml").decode()


def test_an_existing_file_or_a_wrong_format_is_refused(vault: Path, cli: RunCli) -> None:
    target = vault.parent / "letter.docx"
    target.write_bytes(b"mine")
    code, _, err = cli("letter", vault, "CT-0001", "--out", target)
    assert code == 1 and "--force" in err
    assert target.read_bytes() == b"mine"
    assert cli("letter", vault, "CT-0001", "--out", target, "--force")[0] == 0
    code, _, err = cli("letter", vault, "CT-0001", "--out", vault.parent / "letter.txt")
    assert code == 1 and ".docx" in err
    assert not (vault.parent / "letter.txt").exists()


def test_templates_are_listed_edited_shown_and_reset(vault: Path, cli: RunCli) -> None:
    code, out, _ = cli("letter-templates", vault)
    assert code == 0
    assert "military_prosecutor" in out and "general" in out and "changed by you" not in out
    mine = vault.parent / "mine.txt"
    mine.write_text("Прошу сообщить, где {ФИО}.\n", encoding="utf-8")
    code, _, err = cli("letter-template", vault, "court", "--edit", mine, "--title", "Суд")
    assert code == 0, err
    assert "changed by you" in cli("letter-templates", vault)[1]
    code, out, _ = cli("letter-template", vault, "court")
    assert out == "Суд\n\nПрошу сообщить, где {ФИО}.\n"
    target = vault.parent / "court.odt"
    assert cli("letter", vault, "CT-0001", "--template", "court", "--out", target)[0] == 0
    with zipfile.ZipFile(target) as archive:
        assert f"Прошу сообщить, где {NAME}." in archive.read("content.xml").decode()
    assert cli("letter-template", vault, "court", "--reset")[0] == 0
    assert "changed by you" not in cli("letter-templates", vault)[1]
    assert "8 letter templates" in cli("info", vault)[1]  # counted in words, as every table


def test_a_template_with_an_unknown_placeholder_is_refused_by_name(
    vault: Path, cli: RunCli
) -> None:
    mine = vault.parent / "mine.txt"
    mine.write_text("Уважаемый {звание} {ФИО}", encoding="utf-8")
    code, _, err = cli("letter-template", vault, "general", "--edit", mine)
    assert code == 1 and "{звание}" in err
    assert "changed by you" not in cli("letter-templates", vault)[1]
