"""``casetracker flags``, ``ack`` and ``settings`` on a real demo vault."""

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from casetracker.rules import engine
from casetracker.services import demo
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.conftest import PASSPHRASE

from .conftest import RunCli

RANK = {"critical": 3, "warning": 2, "info": 1}


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    path = tmp_path / "demo.ctvault"
    ws, _ = Workspace.create(path, PASSPHRASE, kdf=FLOOR, actor="tester")
    demo.generate(ws, 60, seed=7)
    ws.close()
    return path


def flags_json(cli: RunCli, vault: Path, *args: str) -> list[dict[str, Any]]:
    code, out, err = cli("flags", vault, "--json", *args)
    assert code == 0, err
    return json.loads(out)


def test_flags_prints_the_morning_picture_worst_first(cli: RunCli, vault: Path) -> None:
    code, out, err = cli("flags", vault)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith(f"Open flags on {date.today():%d.%m.%Y}: ")
    assert lines[1].split() == ["SEVERITY", "SINCE", "CASE/PLACE", "RULE", "WHAT"]
    assert lines[2].startswith("Critical") and lines[-1].startswith("Reminder")
    for rule in engine.BY_ID:
        assert f" {rule} " in out
    assert "Possible mass transfer" in out


def test_flags_json_carries_rule_severity_subject_message_and_since(
    cli: RunCli, vault: Path
) -> None:
    flags = flags_json(cli, vault)
    assert {f["rule"] for f in flags} == set(engine.BY_ID)
    for f in flags:
        assert {"rule", "severity", "message", "since"} <= f.keys()
        assert ("case_ref" in f) != ("facility" in f)
        date.fromisoformat(str(f["since"]))
    order = [(-RANK[str(f["severity"])], str(f["since"])) for f in flags]
    assert order == sorted(order)


def test_flags_filter_by_severity_and_case(cli: RunCli, vault: Path) -> None:
    assert {f["severity"] for f in flags_json(cli, vault, "--severity", "critical")} == {"critical"}
    assert {f["severity"] for f in flags_json(cli, vault, "--severity", "warning")} == {
        "critical",
        "warning",
    }
    about = flags_json(cli, vault, "--case", "ct-0002")
    assert {f["rule"] for f in about} >= {"lost_contact", "facility_silence"}
    assert all(f.get("case_ref") == "CT-0002" or "CT-0002" in f["cases"] for f in about)


def test_flags_as_of_a_later_day_sees_longer_silences(cli: RunCli, vault: Path) -> None:
    later = (date.today() + timedelta(days=10)).isoformat()
    [now] = [f for f in flags_json(cli, vault, "--case", "CT-0001") if f["rule"] == "lost_contact"]
    [then] = [
        f
        for f in flags_json(cli, vault, "--case", "CT-0001", "--as-of", later)
        if f["rule"] == "lost_contact"
    ]
    assert "37 days" in str(now["message"]) and "47 days" in str(then["message"])


def test_a_bad_date_is_one_line_and_exit_1(cli: RunCli, vault: Path) -> None:
    code, out, err = cli("flags", vault, "--as-of", "31.02.2024")
    assert (code, out) == (1, "")
    assert err == "casetracker: --as-of: There is no 31 February.\n"
    code, _out, err = cli("flags", vault, "--as-of", "19.07.2024")  # day first is a date too
    assert code == 0, err


def test_an_unknown_case_is_one_line_and_exit_1(cli: RunCli, vault: Path) -> None:
    code, _, err = cli("flags", vault, "--case", "CT-9999")
    assert code == 1 and err == "casetracker: There is no case CT-9999.\n"


def test_ack_hides_the_flag_and_the_list_says_so(cli: RunCli, vault: Path) -> None:
    code, out, err = cli(
        "ack", vault, "--case", "CT-0001", "--rule", "no_lawyer", "--note", "Ищем адвоката"
    )
    assert code == 0, err
    assert out == "Acknowledged no_lawyer on CT-0001; it stays hidden until it gets worse.\n"
    rules = {f["rule"] for f in flags_json(cli, vault, "--case", "CT-0001")}
    assert "no_lawyer" not in rules and "lost_contact" in rules
    assert "1 acknowledged or snoozed flag(s) not shown." in cli("flags", vault)[1]


def test_snoozing_a_place_flag_until_a_day(cli: RunCli, vault: Path) -> None:
    code, out, err = cli(
        "ack", vault, "--facility", "Подвал комендатуры", "--rule", "facility_silence",
        "--snooze-days", "3", "--note", "Проверяем через адвоката",
    )  # fmt: skip
    assert code == 0, err
    until = date.today() + timedelta(days=3)
    assert out == (
        f"Snoozed facility_silence on Подвал комендатуры until {until:%d.%m.%Y}, "
        "or until it gets worse.\n"
    )
    places = [f.get("facility") for f in flags_json(cli, vault)]
    assert "Подвал комендатуры" not in places
    places = [f.get("facility") for f in flags_json(cli, vault, "--as-of", until.isoformat())]
    assert "Подвал комендатуры" in places


def test_acknowledging_a_flag_that_is_not_raised_fails_in_plain_words(
    cli: RunCli, vault: Path
) -> None:
    code, out, err = cli(
        "ack", vault, "--case", "CT-0001", "--rule", "silent_after_transfer", "--note", "x"
    )
    assert (code, out) == (1, "")
    assert err == (
        f"casetracker: CT-0001 has no silent_after_transfer flag on {date.today():%d.%m.%Y}, "
        "so there is nothing to acknowledge.\n"
    )


def test_ack_needs_a_known_rule(cli: RunCli, vault: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli("ack", vault, "--case", "CT-0001", "--rule", "silence", "--note", "x")
    assert exit_.value.code == 2


def test_settings_show_and_change_the_thresholds(cli: RunCli, vault: Path) -> None:
    code, out, _ = cli("settings", vault)
    assert code == 0
    [line] = [x for x in out.splitlines() if x.startswith("lost_contact.held_warning_days ")]
    assert line.split()[1] == "7"
    assert cli("settings", vault, "no_lawyer.days") == (0, "7\n", "")
    assert cli("settings", vault, "lost_contact.held_warning_days", "3") == (
        0,
        "lost_contact.held_warning_days is now 3.\n",
        "",
    )
    [flag] = [f for f in flags_json(cli, vault, "--case", "CT-0001") if f["rule"] == "lost_contact"]
    assert "warning after 3, critical after 14" in str(flag["message"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nonsense",), "There is no setting called nonsense."),
        (("no_lawyer.days", "soon"), "no_lawyer.days must be a whole number."),
        (("no_lawyer.days", "0"), "no_lawyer.days must be at least 1."),
    ],
)
def test_bad_settings_are_refused_in_one_line(
    cli: RunCli, vault: Path, args: tuple[str, ...], message: str
) -> None:
    code, _, err = cli("settings", vault, *args)
    assert code == 1 and err == f"casetracker: {message}\n"
