"""Commands that set a case's dates as relatives give them: ``add``, ``dates``, ``set-status``.

Every date option reads what the desktop's date fields read (services/uncertain_dates.py): a
day, "июль 2024", "между 1 и 8 июля 2024", "до 8 июля 2024", "около 1990", "неизвестно".
"""

import argparse
from argparse import Namespace
from pathlib import Path
from typing import Any

from casetracker.cli.output import out
from casetracker.cli.parsing import Subcommands, uncertain_option
from casetracker.cli.vault_commands import open_workspace
from casetracker.i18n import translate
from casetracker.model import CaseStatus
from casetracker.model.labels import field_label, status_label
from casetracker.services.uncertain_dates import describe, read

# Option → case field, for the dates a case may hold uncertainly.
DATE_OPTIONS = (
    ("--born", "birth_date"),
    ("--refused", "refusal_date"),
    ("--detained", "detention_date"),
)


def _add_date_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--born",
        dest="birth_date",
        help=translate(
            "cli",
            'date of birth as known: a day (20.07.1990), a month ("июль 1990"), a year, a range '
            '("1-8.07.1990"), "до 8 июля 1990", "после 1 июля 1990", "около 1990" or "неизвестно"',
        ),
    )
    p.add_argument(
        "--refused",
        dest="refusal_date",
        help=translate("cli", "when he refused to fight, as known (the forms of --born)"),
    )
    p.add_argument(
        "--detained",
        dest="detention_date",
        help=translate("cli", "when he was detained, as known (the forms of --born)"),
    )


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser("add", help=translate("cli", "add a case, its dates as relatives know them"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("name", help=translate("cli", "his name as it is known"))
    _add_date_options(p)
    p.add_argument(
        "--status",
        choices=[s.value for s in CaseStatus],
        default=CaseStatus.DETAINED.value,
        help=translate("cli", "where the case stands (default: detained)"),
    )
    p.add_argument("--unit", default="", help=translate("cli", "his military unit"))
    p.add_argument("--region", default="", help=translate("cli", "his home region"))
    p.set_defaults(func=cmd_add)

    p = sub.add_parser(
        "dates", help=translate("cli", "show a case's dates in words, or change them")
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("case", help=translate("cli", "case reference, e.g. CT-0042"))
    _add_date_options(p)
    p.set_defaults(func=cmd_dates)

    p = sub.add_parser(
        "set-status", help=translate("cli", "change a case's status, with the day it changed")
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("case", help=translate("cli", "case reference, e.g. CT-0042"))
    p.add_argument(
        "status",
        choices=[s.value for s in CaseStatus],
        help=translate("cli", "the status it changed to"),
    )
    p.add_argument(
        "--on",
        required=True,
        help=translate(
            "cli",
            'when it changed, as known: a day, a month ("июль 2024"), a range ("1-8.07.2024"), '
            '"до 8 июля 2024", "после 1 июля 2024", "около 2024"',
        ),
    )
    p.add_argument("--source", default="", help=translate("cli", "how we know, in a few words"))
    p.set_defaults(func=cmd_set_status)


def _given_dates(args: Namespace) -> dict[str, Any]:
    return {
        field: uncertain_option(option, text)
        for option, field in DATE_OPTIONS
        if (text := getattr(args, field)) is not None
    }


def _print_dates(case: object) -> None:
    for _option, field in DATE_OPTIONS:
        value = read(case, field)
        label = field_label(field)
        out(f"{label[:1].upper()}{label[1:]}: {describe(value) if value is not None else '—'}")


def cmd_add(args: Namespace) -> int:
    dates = _given_dates(args)
    status = CaseStatus(args.status)
    with open_workspace(args) as ws:
        case = ws.cases.create(
            args.name, status=status, military_unit=args.unit, home_region=args.region, **dates
        )
        ref = case.ref
        case = ws.cases.get(ref)
    out(translate("cli", "Added {ref}: {name} ({status}).").format(
        ref=ref, name=case.full_name, status=status_label(status)
    ))  # fmt: skip
    _print_dates(case)
    return 0


def cmd_dates(args: Namespace) -> int:
    dates = _given_dates(args)
    with open_workspace(args) as ws:
        if dates:
            ws.cases.update(args.case, **dates)
        case = ws.cases.get(args.case)
    out(f"{case.ref} {case.full_name}")
    _print_dates(case)
    return 0


def cmd_set_status(args: Namespace) -> int:
    on = uncertain_option("--on", args.on)
    status = CaseStatus(args.status)
    with open_workspace(args) as ws:
        case = ws.cases.set_status(args.case, status, on=on, source_note=args.source)
        ref = case.ref
    out(translate("cli", "{ref}: {status} — {when}.").format(
        ref=ref, status=status_label(status), when=describe(on)
    ))  # fmt: skip
    return 0
