"""`casetracker history`: a case's changes, by whom, filtered by who, day and kind."""

from datetime import date, timedelta
from pathlib import Path

import pytest

from casetracker import i18n
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.cli.conftest import RunCli, as_json
from tests.conftest import PASSPHRASE


def _vault(tmp_path: Path) -> Path:
    path = tmp_path / "h.ctvault"
    ws, _ = Workspace.create(path, PASSPHRASE, kdf=FLOOR, actor="Анна")
    case = ws.cases.create("Смирнов Максим", military_unit="в/ч 1")
    father = ws.relatives.create("Смирнов Пётр")
    ws.relatives.link(case.ref, father.id, "отец")
    ws.close()
    return path


def test_history_names_who_changed_what_and_filters(tmp_path: Path, cli: RunCli) -> None:
    path = _vault(tmp_path)
    code, _, err = cli("log-contact", path, "--case", "CT-0001", "--date", "2024-07-19 18:00",
                       "--note", "жив", "--actor", "Олег")  # fmt: skip
    assert code == 0, err
    code, out, err = cli("history", path, "CT-0001")
    assert code == 0, err
    assert "Олег  contact added\n    channel: Call; note: жив; when: " in out
    assert "Анна  relative link added" in out
    assert "Анна  case added\n" in out and "military unit: в/ч 1" in out

    code, out, _ = cli("history", path, "CT-0001", "--who", "олег", "--json")
    (entry,) = as_json(out)  # type: ignore[misc]
    assert entry["actor"] == "Олег" and entry["kind"] == "contacts"
    assert entry["changes"]["note"] == {"old": None, "new": "жив"}

    code, out, _ = cli("history", path, "CT-0001", "--what", "relatives", "--json")
    assert {e["kind"] for e in as_json(out)} == {"relatives"}  # type: ignore[union-attr]

    today = date.today()
    code, out, _ = cli("history", path, "CT-0001", "--since", today.isoformat(),
                       "--until", today.isoformat())  # fmt: skip
    assert out.endswith("5 change(s)\n")  # case, first status, father, his link, contact
    code, out, _ = cli("history", path, "CT-0001", "--until", str(today - timedelta(days=1)))
    assert out == "0 change(s)\n"


def test_a_wrong_day_is_refused_in_words(tmp_path: Path, cli: RunCli) -> None:
    vault = _vault(tmp_path)
    code, _, err = cli("history", vault, "CT-0001", "--since", "31.02.2024")
    assert code == 1 and "--since" in err and "31" in err
    code, _, err = cli("history", vault, "CT-0001", "--since", "10.11.2026", "--until", "1.11.2026")
    assert code == 1 and "is after --until" in err


def test_history_in_russian(tmp_path: Path, cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _vault(tmp_path)
    monkeypatch.setenv("CASETRACKER_LANGUAGE", "ru")
    try:
        code, out, err = cli("history", path, "CT-0001", "--what", "case", "--what", "relatives")
    finally:
        i18n.install()
    assert code == 0, err
    assert "Анна  дело: добавлено\n" in out and "воинская часть: в/ч 1" in out
    assert (
        "Анна  связь с родственником: добавлено (Смирнов Пётр)\n    кем приходится: отец\n" in out
    )
    assert out.endswith("Изменений: 3\n")  # the case, his father, the link
    assert not {"added", "changed", "case", "relative"} & set(out.replace(":", " ").split())
