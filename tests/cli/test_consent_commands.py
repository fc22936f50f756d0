"""`consent`, `disclosures` and `export --without-consent`, run as a caseworker types them."""

import json
from datetime import date
from pathlib import Path

import pytest

from casetracker.services.workspace import Workspace
from casetracker.storage.kdf import FLOOR
from tests.cli.conftest import RunCli
from tests.conftest import PASSPHRASE


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    path = tmp_path / "org.ctvault"
    ws, _recovery = Workspace.create(path, PASSPHRASE, kdf=FLOOR, actor="anna")
    first = ws.cases.create("Иван Первый", military_unit="в/ч 1")
    ws.cases.create("Пётр Второй")
    mother = ws.relatives.create("Ольга Матвеева", phones="+7 900 111-22-33")
    ws.relatives.link(first.ref, mother.id, "мать")
    ws.close()
    return path


def _key(cli: RunCli, vault: Path) -> str:
    return str(json.loads(cli("keys", vault, "--json")[1])["age_public_key"])


def test_consent_is_given_shown_and_withdrawn_for_the_man_and_a_relative(
    vault: Path, cli: RunCli
) -> None:
    code, out, _err = cli("consent", vault, "CT-0001")
    assert code == 0 and "No consent is recorded" in out
    code, out, err = cli(
        "consent", vault, "ct-0001", "--give", "lawyer", "--on", "20.07.2024", "--how",
        "through_relative", "--through", "мать, по телефону",
    )  # fmt: skip
    assert code == 0, err
    assert "he himself: a lawyer — given 20.07.2024, through a relative; through мать" in out
    code, out, err = cli(
        "consent", vault, "CT-0001", "--give", "media", "--relative", "мать", "--on", "2024-07-21"
    )
    assert code == 0, err
    assert "Ольга Матвеева, мать: media — given 21.07.2024, in person" in out
    code, out, err = cli(
        "consent", vault, "CT-0001", "--withdraw", "media", "--relative", "Ольга Матвеева",
        "--on", "01.08.2024",
    )  # fmt: skip
    assert code == 0, err
    assert "media — given 21.07.2024, in person; WITHDRAWN 01.08.2024" in out
    code, out, _err = cli("consent", vault, "CT-0001", "--json")
    lines = json.loads(out)
    assert [(line["audience"], line["active"]) for line in lines] == [
        ("lawyer", True),
        ("media", False),
    ]


def test_wrong_input_is_one_line_and_changes_nothing(vault: Path, cli: RunCli) -> None:
    for args, words in (
        (("--give", "lawyer", "--relative", "отец"), "No relative of CT-0001 is called отец"),
        (("--give", "lawyer", "--on", "31.02.2024"), "--on"),
        (("--withdraw", "lawyer"), "no consent to withdraw"),
        (("--give", "lawyer", "--on", "01.01.2099"), "future"),
    ):
        code, _out, err = cli("consent", vault, "CT-0001", *args)
        assert code == 1 and words in err and err.count("\n") == 1, (args, err)
    assert "No consent is recorded" in cli("consent", vault, "CT-0001")[1]


def test_export_names_the_men_without_consent_and_goes_only_with_a_reason(
    vault: Path, cli: RunCli, tmp_path: Path
) -> None:
    out_file = tmp_path / "out.age"
    cli("consent", vault, "CT-0001", "--give", "lawyer", "--on", date.today().isoformat())
    export = ("export", vault, "--all", "--to", _key(cli, vault), "--profile", "lawyer", "-o")
    code, out, err = cli(*export, out_file)
    assert code == 1 and "CT-0002" in err and "CT-0001" not in err
    assert "--without-consent" in err and not out_file.exists()
    assert cli("disclosures", vault)[1].strip() == "0 disclosure(s)"
    code, out, err = cli(
        *export, out_file, "--without-consent", "held incommunicado", "--actor", "anna"
    )
    assert code == 0, err
    assert (
        "Withheld for lack of consent: 1 relative link(s).\n    Ольга Матвеева (мать, CT-0001)"
        in out
    )
    assert "Sent without the man's own consent: 1 case(s), because: held incommunicado" in out
    code, out, _err = cli("disclosures", vault, "CT-0002", "--json")
    [entry] = json.loads(out)
    assert entry["without_consent_reason"] == "held incommunicado"
    assert entry["profile"] == "lawyer" and entry["sent_by"] == "anna"
    assert entry["counts"]["cases"] == 2
    code, out, _err = cli("disclosures", vault)
    assert "CT-0001" in out and "1 relative(s) withheld for lack of consent" in out
    assert "2 disclosure(s)" in out
    assert "Disclosure log: 1 export(s)." in cli("consent", vault, "CT-0001")[1]
