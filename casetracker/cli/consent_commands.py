"""Commands about consent and the disclosure log: ``consent`` and ``disclosures``."""

import json
import uuid
from argparse import Namespace
from datetime import date
from pathlib import Path

from casetracker.cli.output import out
from casetracker.cli.parsing import Subcommands, date_option
from casetracker.cli.vault_commands import open_workspace
from casetracker.i18n import format_date, translate
from casetracker.model import Audience, ConsentHow, DisclosureEntry
from casetracker.model.consent_labels import audience_label, consent_how_label
from casetracker.model.labels import counts_text, profile_label
from casetracker.services.consent import ConsentLine, ConsentService
from casetracker.services.errors import InvalidInput
from casetracker.services.search_text import fold
from casetracker.services.workspace import Workspace


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser(
        "consent",
        help=translate("cli", "show, record or withdraw consent for a case, per audience"),
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("ref", metavar="REF", help=translate("cli", "case reference, e.g. CT-0042"))
    action = p.add_mutually_exclusive_group()
    action.add_argument(
        "--give",
        choices=[a.value for a in Audience],
        metavar="AUDIENCE",
        help=translate("cli", "record consent for lawyer, partner, media or statistics"),
    )
    action.add_argument(
        "--withdraw",
        choices=[a.value for a in Audience],
        metavar="AUDIENCE",
        help=translate("cli", "record that this consent was withdrawn (the record stays)"),
    )
    p.add_argument(
        "--on",
        help=translate(
            "cli", "the day it was given or withdrawn, DD.MM.YYYY or YYYY-MM-DD (default: today)"
        ),
    )
    p.add_argument(
        "--how",
        choices=[h.value for h in ConsentHow if h is not ConsentHow.RECORDED_BEFORE],
        default=ConsentHow.IN_PERSON.value,
        help=translate("cli", "how it was given (default: in_person)"),
    )
    p.add_argument(
        "--relative",
        metavar="NAME",
        help=translate("cli", "a relative of the case (name or relationship); default: the man"),
    )
    p.add_argument(
        "--through", default="", help=translate("cli", "through whom, or who took it down")
    )
    p.add_argument("--note", default="", help=translate("cli", "a note"))
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(func=cmd_consent)

    p = sub.add_parser(
        "disclosures",
        help=translate("cli", "the disclosure log: what was exported, to whom, when"),
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument(
        "ref", metavar="REF", nargs="?", help=translate("cli", "only this case (default: all)")
    )
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(func=cmd_disclosures)


def _relative(ws: Workspace, ref: str, wanted: str | None) -> uuid.UUID | None:
    """The case's relative named (or called, "mother") ``wanted``; None for the man."""
    if wanted is None:
        return None
    key = fold(wanted)
    found = [
        r.id
        for r, relationship in ws.relatives.for_case(ref)
        if key in (fold(r.full_name), fold(relationship))
    ]
    if len(found) != 1:
        raise InvalidInput(
            (
                translate("cli", "No relative of {ref} is called {name}.")
                if not found
                else translate(
                    "cli", "Several relatives of {ref} match {name}; give the full name."
                )
            ).format(ref=ref, name=wanted)
        )
    return found[0]


def _line_words(line: ConsentLine) -> str:
    who = (
        translate("cli", "he himself")
        if line.relative_id is None
        else ", ".join(
            p for p in (line.person or translate("cli", "no name"), line.relationship) if p
        )
    )
    if line.consent_id is None:
        given = consent_how_label(line.how)
    else:
        given = translate("cli", "given {day}, {how}").format(
            day=format_date(line.given_on) if line.given_on else "—",
            how=consent_how_label(line.how),
        )
    parts = [f"{who}: {audience_label(line.audience)} — {given}"]
    if line.given_through:
        parts.append(translate("cli", "through {who}").format(who=line.given_through))
    if line.withdrawn_on is not None:
        parts.append(translate("cli", "WITHDRAWN {day}").format(day=format_date(line.withdrawn_on)))
    if line.note:
        parts.append(line.note)
    return "; ".join(parts)


def cmd_consent(args: Namespace) -> int:
    on = date_option("--on", args.on) if args.on else date.today()
    with open_workspace(args) as ws:
        service = ConsentService(ws)
        relative_id = _relative(ws, args.ref, args.relative)
        if args.give:
            service.give(
                args.ref,
                Audience(args.give),
                on,
                how=ConsentHow(args.how),
                relative_id=relative_id,
                given_through=args.through,
                note=args.note,
            )
        elif args.withdraw:
            service.withdraw(args.ref, Audience(args.withdraw), on, relative_id=relative_id)
        lines = service.lines(args.ref)
        sent = len(service.disclosures(args.ref))
    if args.json:
        out(json.dumps([_line_json(line) for line in lines], ensure_ascii=False, indent=2))
        return 0
    if not lines:
        out(translate("cli", "No consent is recorded for {ref}.").format(ref=args.ref.upper()))
    for line in lines:
        out(_line_words(line))
    out(translate("cli", "Disclosure log: {n} export(s).").format(n=sent))
    return 0


def _line_json(line: ConsentLine) -> dict[str, object]:
    return {
        "relative_id": str(line.relative_id) if line.relative_id else None,
        "person": line.person,
        "relationship": line.relationship,
        "audience": line.audience.value,
        "given_on": line.given_on.isoformat() if line.given_on else None,
        "how": line.how.value,
        "given_through": line.given_through,
        "note": line.note,
        "withdrawn_on": line.withdrawn_on.isoformat() if line.withdrawn_on else None,
        "active": line.active,
    }


def _entry_json(ref: str, entry: DisclosureEntry) -> dict[str, object]:
    return {
        "case": ref,
        "sent_at": entry.sent_at.isoformat(),
        "profile": entry.profile,
        "recipients": entry.recipients,
        "with_passphrase": entry.with_passphrase,
        "counts": json.loads(entry.counts or "{}"),
        "relatives_withheld": entry.relatives_withheld,
        "without_consent_reason": entry.without_consent_reason,
        "signer_fingerprint": entry.signer_fingerprint,
        "sent_by": entry.sent_by,
    }


def cmd_disclosures(args: Namespace) -> int:
    with open_workspace(args) as ws:
        entries = ConsentService(ws).disclosures(args.ref)
    if args.json:
        out(json.dumps([_entry_json(r, e) for r, e in entries], ensure_ascii=False, indent=2))
        return 0
    for ref, entry in entries:
        to = translate("cli", "a passphrase") if entry.with_passphrase else entry.recipients or "—"
        out(
            translate("cli", "{ref}  {when}  {profile}  to {to}").format(
                ref=ref,
                when=entry.sent_at.strftime("%Y-%m-%d %H:%M") + " UTC",
                profile=profile_label(entry.profile),
                to=to,
            )
        )
        out("    " + counts_text(json.loads(entry.counts or "{}")))
        if entry.relatives_withheld:
            out(
                "    "
                + translate("cli", "{n} relative(s) withheld for lack of consent").format(
                    n=entry.relatives_withheld
                )
            )
        if entry.without_consent_reason:
            out(
                "    "
                + translate("cli", "without his own consent, because: {why}").format(
                    why=entry.without_consent_reason
                )
            )
        if entry.sent_by:
            out("    " + translate("cli", "by {who}").format(who=entry.sent_by))
    out(translate("cli", "{n} disclosure(s)").format(n=len(entries)))
    return 0
