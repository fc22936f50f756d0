"""`requests`, `request-add`, `request-reply`, `request-close` and `request-deadlines` through
the real command line."""

import json
from datetime import date, timedelta
from pathlib import Path

from casetracker.model import CaseStatus, ReplyOutcome
from casetracker.services import requests
from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.cli.conftest import RunCli
from tests.conftest import PASSPHRASE

SENT = date.today() - timedelta(days=31)  # a 30-day body: one day late today


def _vault(tmp_path: Path) -> Path:
    path = tmp_path / "v.ctvault"
    ws, _key = Workspace.create(path, PASSPHRASE, kdf=FLOOR)
    with ws:
        ws.cases.create("Молчит Пётр", status=CaseStatus.DETAINED)
        ws.cases.create("Ждёт Иван", status=CaseStatus.DETAINED)
    return path


def _request_flags(flags_json: str) -> list[str]:
    return [f["rule"] for f in json.loads(flags_json) if "request" in f["rule"]]


def test_a_request_is_added_listed_late_answered_with_a_scan_and_leaves_the_list(
    tmp_path: Path, cli: RunCli
) -> None:
    vault = _vault(tmp_path)
    code, out, err = cli(
        "request-add", vault, "ct-0002", "--kind", "military-prosecutor",
        "--sent", SENT.strftime("%d.%m.%Y"), "--to", "Военная прокуратура", "--number", "12/7",
    )  # fmt: skip
    assert code == 0, err
    due = SENT + timedelta(days=30)
    assert f"CT-0002; a reply is due by {due:%d.%m.%Y}" in out
    short = out.split()[1]
    code, out, err = cli("requests", vault)
    assert code == 0, err
    (line, total) = out.splitlines()
    assert line.startswith(f"CT-0002   {short}  due {due:%d.%m.%Y}  1 day late")
    assert "Военная прокуратура" in line and total == "1 request(s) awaiting a reply"
    code, out, _ = cli("flags", vault, "--json")
    assert _request_flags(out) == ["unanswered_request"]

    scan = tmp_path / "ответ.pdf"
    scan.write_bytes(b"%PDF-1.4 refusal")
    code, out, err = cli(
        "request-reply", vault, short, "--on", date.today().isoformat(), "--outcome", "refused",
        "--text", "Оснований нет", "--scan", scan,
    )  # fmt: skip
    assert code == 0, err
    code, out, _ = cli("requests", vault)
    assert out.strip() == "0 request(s) awaiting a reply"
    code, out, _ = cli("requests", vault, "--case", "CT-0002", "--json")
    (stored,) = json.loads(out)
    assert stored["outcome"] == "refused" and stored["has_scan"] and stored["number"] == "12/7"
    code, out, _ = cli("flags", vault, "--json")
    assert _request_flags(out) == ["request_refused"]
    assert "complaint" in next(f["message"] for f in json.loads(out) if "request" in f["rule"])
    code, out, err = cli("request-close", vault, short)
    assert code == 0, err
    code, out, _ = cli("flags", vault, "--json")
    assert _request_flags(out) == []
    with Workspace.open(vault, passphrase=PASSPHRASE) as ws:
        (request,) = requests.for_case(ws, "CT-0002")
        assert request.reply_outcome == ReplyOutcome.REFUSED and request.closed
        assert request.reply_attachment_id is not None
        assert ws.attachments.read(request.reply_attachment_id) == b"%PDF-1.4 refusal"


def test_deadlines_are_shown_and_changed(tmp_path: Path, cli: RunCli) -> None:
    vault = _vault(tmp_path)
    code, out, err = cli("request-deadlines", vault)
    assert code == 0, err
    assert "red-cross" in out and "60 days" in out
    code, out, err = cli("request-deadlines", vault, "--set", "red-cross=90", "--set", "court=10")
    assert code == 0, err
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "90 days" in lines["red-cross"] and "10 days" in lines["court"]
    code, out, _ = cli("settings", vault, "unanswered_request.court_days")
    assert "10" in out


def test_mistakes_are_one_line_and_change_nothing(tmp_path: Path, cli: RunCli) -> None:
    vault = _vault(tmp_path)
    code, _, err = cli("request-deadlines", vault, "--set", "court=0")
    assert code != 0 and "from 1 to 365 days" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli("request-deadlines", vault, "--set", "embassy=10")
    assert code != 0 and "no request kind embassy" in err
    code, _, err = cli("request-reply", vault, "abc", "--on", "01.07.2024", "--outcome", "answered")
    assert code != 0 and "no request abc" in err
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    code, _, err = cli("request-add", vault, "CT-0001", "--kind", "court", "--sent", tomorrow)
    assert code != 0
    code, out, _ = cli("requests", vault, "--case", "CT-0001")
    assert out.strip() == "0 request(s)"
