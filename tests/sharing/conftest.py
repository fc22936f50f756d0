"""Fixtures for the sharing tests: two organisations' vaults, a small case factory, the CLI."""

import argparse
import shutil
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from casetracker.cli import main as cli_main
from casetracker.cli import sharing_commands
from casetracker.cli.parsing import WithCommonOptions
from casetracker.model import CaseStatus, Certainty, SourceKind, Verification
from casetracker.services.sharing import ExportResult, SharingService
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.conftest import PASSPHRASE
from tests.required_tools import needs_tool

AGE = shutil.which("age") or "/usr/bin/age"
AGE_KEYGEN = shutil.which("age-keygen") or "/usr/bin/age-keygen"
needs_age = needs_tool(
    Path(AGE).exists() and Path(AGE_KEYGEN).exists(),
    "the age command-line tool is not installed (Debian package `age`; scripts/bootstrap)",
)

#: Strings that must never leave in a lawyer bundle (withheld or anonymous people).
NOT_SHARED_NAME = "Зинаида Хранимова"
NOT_SHARED_PHONE = "+7 911 222-33-44"
ANON_NAME = "Анатолий Тайнов"
ANON_PHONE = "+7 922 555-66-77"
ANON_HANDLE = "@tainov_secret"
SHARED_NAME = "Пётр Открытов"
SHARED_PHONE = "+7 933 888-99-00"
DETAINED_NAME = "Смирнов Максим Иванович"


def make_workspace(path: Path, actor: str) -> Workspace:
    ws, _recovery = Workspace.create(path, PASSPHRASE, kdf=FLOOR, actor=actor)
    return ws


@pytest.fixture
def org_a(tmp_path: Path) -> Iterator[Workspace]:
    ws = make_workspace(tmp_path / "a" / "a.ctvault", "anna")
    yield ws
    ws.close(save=False)


@pytest.fixture
def org_b(tmp_path: Path) -> Iterator[Workspace]:
    ws = make_workspace(tmp_path / "b" / "b.ctvault", "boris")
    yield ws
    ws.close(save=False)


#: The bundle tests are not about the men's own consent (tests/services/test_consent.py is):
#: each of their exports is confirmed without it, as a caseworker does with a reason.
NOT_ABOUT_CONSENT = "confirmed by the test: it is not about consent"


class ConfirmingSharing(SharingService):
    """The sharing service, with every export confirmed without the men's consent."""

    def export(self, *args: Any, **kwargs: Any) -> ExportResult:
        kwargs.setdefault("without_consent_reason", NOT_ABOUT_CONSENT)
        return super().export(*args, **kwargs)


def sharing(ws: Workspace) -> SharingService:
    return ConfirmingSharing(ws)


#: The name the receiving vault gives the sender in ``introduce``.
KNOWN_AS = "Фонд А"


def introduce(sender: Workspace, receiver: Workspace) -> None:
    """Put the sender in the receiver's address book with its signing key, as a person does
    after comparing fingerprints: its bundles are then merged without asking (bundles from
    strangers: test_unknown_signers.py)."""
    keys = sharing(sender).keys()
    sharing(receiver).add_recipient(KNOWN_AS, keys.age_public_key, signing_key=keys.signing_key)


def consent_case(ws: Workspace) -> str:
    """One detained man, three relatives with different consent, contacts naming them."""
    case = ws.cases.create(
        DETAINED_NAME,
        status=CaseStatus.DETAINED,
        detention_date=date(2022, 7, 10),
        military_unit="в/ч 21005",
        home_region="Тыва",
        notes=f"Отец ({ANON_NAME}, {ANON_PHONE}) просит не называть его. Тётя: {NOT_SHARED_NAME}.",
    )
    basement = ws.facilities.create("Подвал комендатуры", settlement="Брянка", region="ЛНР")
    roster = ws.evidence.add_source(
        "Фото списка заключённых",
        kind=SourceKind.PHOTO,
        verification=Verification.UNVERIFIED,
        cases=[case.ref],
        facilities=[basement.id],
    )
    ws.custody.move(
        case.ref, basement.id, since=date(2022, 7, 10), certainty=Certainty.REPORTED,
        source_id=roster.id,
    )  # fmt: skip
    shared = ws.relatives.create(SHARED_NAME, phones=SHARED_PHONE, share_with_lawyer=True)
    hidden = ws.relatives.create(NOT_SHARED_NAME, phones=NOT_SHARED_PHONE)
    anonymous = ws.relatives.create(
        ANON_NAME, phones=ANON_PHONE, handles=ANON_HANDLE, anonymous=True, share_with_lawyer=True
    )
    ws.relatives.link(case.ref, shared.id, "брат")
    ws.relatives.link(case.ref, hidden.id, "тётя")
    ws.relatives.link(case.ref, anonymous.id, "отец")
    ws.contacts.log(
        case.ref, datetime(2022, 7, 19, 18, 0), direct=True, relative_id=anonymous.id,
        participants=f"{ANON_NAME} говорил с сыном", note="Двоих увезли из подвала в СИЗО.",
    )  # fmt: skip
    ws.contacts.log(
        case.ref, datetime(2022, 7, 25, 9, 0), direct=False, relative_id=hidden.id,
        participants=f"{NOT_SHARED_NAME}", note=f"Перезвонить на {NOT_SHARED_PHONE}",
    )  # fmt: skip
    ws.contacts.log(
        case.ref, datetime(2022, 7, 26, 9, 0), direct=False, relative_id=shared.id,
        participants=SHARED_NAME, note="Брат передал посылку.",
    )  # fmt: skip
    return case.ref


def register_sharing_commands(parser: argparse.ArgumentParser) -> None:
    """Add the sharing commands to a parser built by main.py, unless main.py already does."""
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "export" in action.choices:
        return
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--passphrase-file")
    common.add_argument("--actor", default=None)
    sharing_commands.add_commands(WithCommonOptions(action, common))


RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunCli:
    original = cli_main.build_parser

    def build() -> argparse.ArgumentParser:
        parser = original()
        register_sharing_commands(parser)
        return parser

    monkeypatch.setattr(cli_main, "build_parser", build)
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("CASETRACKER_BUNDLE_PASSPHRASE", raising=False)

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = cli_main.main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
