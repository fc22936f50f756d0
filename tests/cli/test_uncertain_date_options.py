"""Date options on the command line take what relatives know: `add --detained "июль 2024"`."""

from datetime import date, datetime
from pathlib import Path

import pytest

from casetracker.model import CaseStatus
from casetracker.services.uncertain_dates import read
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.cli.conftest import RunCli
from tests.conftest import PASSPHRASE


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    path = tmp_path / "v.ctvault"
    ws, _key = Workspace.create(path, PASSPHRASE, kdf=FLOOR)
    with ws:
        ws.cases.create("Ждёт Иван", status=CaseStatus.DETAINED)
    return path


def _case(vault: Path, ref: str) -> dict[str, object]:
    ws = Workspace.open(vault, passphrase=PASSPHRASE)
    try:
        case = ws.cases.get(ref)
        out: dict[str, object] = {
            name: (getattr(case, name), getattr(case, f"{name}_edtf"))
            for name in ("birth_date", "refusal_date", "detention_date")
        }
        out["status_on"] = read(ws.cases.status_history(ref)[-1], "changed_on")
        out["contacts"] = [(c.occurred_at, c.occurred_at_edtf) for c in ws.contacts.for_case(ref)]
        return out
    finally:
        ws.close(save=False)


def test_add_with_a_month_and_an_approximate_year(vault: Path, cli: RunCli) -> None:
    code, out, err = cli(
        "add", vault, "Смирнов Максим", "--detained", "июль 2024", "--born", "~1990"
    )
    assert code == 0, err
    assert "CT-0002" in out and "July 2024" in out and "about 1990" in out
    stored = _case(vault, "CT-0002")
    assert stored["detention_date"] == (date(2024, 7, 1), "2024-07")
    assert stored["birth_date"] == (date(1990, 1, 1), "1990~")
    assert stored["refusal_date"] == (None, "")


def test_dates_changes_and_shows_them_in_words(vault: Path, cli: RunCli) -> None:
    code, out, err = cli("dates", vault, "CT-0001", "--refused", "до 8 июля 2024")
    assert code == 0, err
    assert "Refusal date: before 8 July 2024" in out
    assert _case(vault, "CT-0001")["refusal_date"] == (date(2024, 7, 8), "../2024-07-08")
    code, out, _err = cli("dates", vault, "CT-0001")
    assert code == 0 and "Detention date: —" in out


def test_set_status_on_a_range(vault: Path, cli: RunCli) -> None:
    code, out, err = cli("set-status", vault, "CT-0001", "released", "--on", "1-8.09.2024")
    assert code == 0, err
    assert "between 1 and 8 September 2024" in out
    status_on = _case(vault, "CT-0001")["status_on"]
    assert status_on is not None and status_on.earliest == date(2024, 9, 1)  # type: ignore[attr-defined]


def test_log_contact_in_a_month_has_no_time(vault: Path, cli: RunCli) -> None:
    code, out, err = cli("log-contact", vault, "--case", "CT-0001", "--date", "в июле 2024")
    assert code == 0, err
    assert "July 2024" in out
    assert _case(vault, "CT-0001")["contacts"] == [(datetime(2024, 7, 1), "2024-07")]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("add", "X", "--detained", "давно"), "--detained: “давно” is not a date"),
        (("add", "X", "--born", "31.02.1990"), "--born: There is no 31 February."),
        (("dates", "CT-0001", "--detained", "8-1.07.2024"), "The range runs backwards"),
        (("log-contact", "--case", "CT-0001", "--date", "?"), "at least a rough day"),
    ],
)
def test_refusals_say_which_option_and_why(
    vault: Path, cli: RunCli, args: tuple[str, ...], says: str
) -> None:
    code, _out, err = cli(args[0], vault, *args[1:])
    assert code != 0
    assert says in err
    assert _case(vault, "CT-0001")["detention_date"] == (None, "")


def test_in_russian_the_dates_read_in_russian(
    vault: Path, cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casetracker import i18n

    monkeypatch.setenv("CASETRACKER_LANGUAGE", "ru")
    try:
        code, out, err = cli(
            "add", vault, "Петров Пётр", "--detained", "July 2024", "--born", "~1990"
        )
        assert code == 0, err
        assert "Заведено дело CT-0002" in out
        assert "Дата задержания: июль 2024" in out and "около 1990 года" in out
        code, out, err = cli("set-status", vault, "CT-0002", "released", "--on", "1-8.09.2024")
        assert code == 0 and "между 1 и 8 сентября 2024" in out, err
        code, _out, err = cli("dates", vault, "CT-0002", "--born", "давно")
        assert code != 0 and "не удаётся прочитать как дату" in err
    finally:
        i18n.install()
