"""Commands about requests to official bodies: list, add, record a reply, close, deadlines."""

import json
import mimetypes
from argparse import Namespace
from datetime import date
from pathlib import Path
from typing import Any

from casetracker.cli import os_errors
from casetracker.cli.output import out
from casetracker.cli.parsing import Subcommands, date_option
from casetracker.cli.vault_commands import open_workspace
from casetracker.i18n import format_date, translate
from casetracker.model.request_labels import (
    reply_outcome_label,
    request_channel_label,
    request_kind_label,
)
from casetracker.model.requests import ReplyOutcome, Request, RequestChannel, RequestKind
from casetracker.rules.request_facts import due_on
from casetracker.rules.wording import days
from casetracker.services import requests
from casetracker.services.errors import InvalidInput

# How many characters of a request's id the lists show and the commands accept.
SHORT_ID = 8


def _choices(values: Any) -> list[str]:
    return [v.value.replace("_", "-") for v in values]


def _enum(kind: Any, text: str) -> Any:
    return kind(text.replace("-", "_"))


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser(
        "requests",
        help=translate(
            "cli", "list requests awaiting a reply across cases, the most overdue first"
        ),
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument(
        "--case", help=translate("cli", "every request of this case instead, e.g. CT-0042")
    )
    p.add_argument(
        "--as-of",
        help=translate("cli", "count the days on this day instead of today (DD.MM.YYYY)"),
    )
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(func=cmd_requests)

    p = sub.add_parser("request-add", help=translate("cli", "record a request sent about a case"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("case", help=translate("cli", "case reference, e.g. CT-0042"))
    p.add_argument(
        "--kind",
        required=True,
        choices=_choices(RequestKind),
        help=translate("cli", "the kind of body: it decides the reply deadline"),
    )
    p.add_argument(
        "--sent", required=True, help=translate("cli", "day it was sent, DD.MM.YYYY or YYYY-MM-DD")
    )
    p.add_argument("--to", default="", help=translate("cli", "the body or official, in words"))
    p.add_argument(
        "--channel",
        choices=_choices(RequestChannel),
        default=RequestChannel.POST.value,
        help=translate("cli", "how it was sent (default: post)"),
    )
    p.add_argument("--number", default="", help=translate("cli", "our outgoing number"))
    p.add_argument(
        "--registration",
        default="",
        help=translate("cli", "the number the body registered it under"),
    )
    p.add_argument("--signed-by", default="", help=translate("cli", "who signed it"))
    p.add_argument("--note", default="", help=translate("cli", "what was asked, in a few words"))
    p.set_defaults(func=cmd_request_add)

    p = sub.add_parser("request-reply", help=translate("cli", "record the reply to a request"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("id", help=translate("cli", "the request's id (its first 8 characters do)"))
    p.add_argument(
        "--on", required=True, help=translate("cli", "day the reply came, DD.MM.YYYY or YYYY-MM-DD")
    )
    p.add_argument(
        "--outcome",
        required=True,
        choices=_choices(ReplyOutcome),
        help=translate("cli", "what the reply amounts to"),
    )
    p.add_argument("--text", default="", help=translate("cli", "what it says, in a few words"))
    p.add_argument(
        "--scan", type=Path, help=translate("cli", "a scan or photo of the reply, kept encrypted")
    )
    p.set_defaults(func=cmd_request_reply)

    p = sub.add_parser(
        "request-close",
        help=translate("cli", "stop watching a request (withdrawn, or no longer pursued)"),
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("id", help=translate("cli", "the request's id (its first 8 characters do)"))
    p.set_defaults(func=cmd_request_close)

    p = sub.add_parser(
        "request-deadlines",
        help=translate("cli", "show or change the days each kind of body has to reply"),
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KIND=DAYS",
        help=translate("cli", "change one kind's deadline, e.g. red-cross=90 (may repeat)"),
    )
    p.set_defaults(func=cmd_request_deadlines)


def cmd_requests(args: Namespace) -> int:
    as_of = date_option("--as-of", args.as_of, future=True) if args.as_of else date.today()
    with open_workspace(args) as ws:
        if args.case:
            return _print_case(requests.for_case(ws, args.case), requests.reply_days(ws), args)
        rows = requests.open_requests(ws, as_of)
    if args.json:
        out(
            json.dumps(
                [
                    {
                        "id": str(r.id),
                        "case_ref": r.case_ref,
                        "kind": r.kind.value,
                        "to": r.addressee,
                        "sent_on": r.sent_on.isoformat(),
                        "number": r.outgoing_number,
                        "due": r.due.isoformat(),
                        "days_late": r.days_late,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    states = [_lateness(r.days_late) for r in rows]
    width = max(map(len, states), default=0)
    for r, state in zip(rows, states, strict=True):
        body = r.addressee or request_kind_label(r.kind)
        due = translate("cli", "due {day}").format(day=format_date(r.due))
        out(f"{r.case_ref:<9} {r.id.hex[:SHORT_ID]}  {due}  {state:<{width}}  {body}")
    out(translate("cli", "{n} request(s) awaiting a reply").format(n=len(rows)))
    return 0


def _lateness(days_late: int) -> str:
    if days_late > 0:
        return translate("cli", "{days} late").format(days=days(days_late))
    if days_late == 0:
        return translate("cli", "due today")
    return translate("cli", "{days} left").format(days=days(-days_late))


def _print_case(found: list[Request], allowed: dict[RequestKind, int], args: Namespace) -> int:
    if args.json:
        out(json.dumps([_as_json(r) for r in found], ensure_ascii=False, indent=2))
        return 0
    for r in found:
        body = r.addressee or request_kind_label(r.kind)
        if r.replied_on is not None and r.reply_outcome is not None:
            state = translate("cli", "reply {day}: {outcome}").format(
                day=format_date(r.replied_on), outcome=reply_outcome_label(r.reply_outcome)
            )
        elif r.closed:
            state = translate("cli", "closed without a reply")
        else:
            due = due_on(r.sent_on, allowed[r.kind])
            state = translate("cli", "no reply; due {day}").format(day=format_date(due))
        number = f" № {r.outgoing_number}" if r.outgoing_number else ""
        out(
            f"{r.id.hex[:SHORT_ID]}  {format_date(r.sent_on)}{number}  "
            f"{request_channel_label(r.channel)}  {body} — {state}"
        )
    out(translate("cli", "{n} request(s)").format(n=len(found)))
    return 0


def _as_json(r: Request) -> dict[str, Any]:
    return {
        "id": str(r.id),
        "kind": r.kind.value,
        "to": r.addressee,
        "sent_on": r.sent_on.isoformat(),
        "channel": r.channel.value,
        "number": r.outgoing_number,
        "registration_number": r.registration_number,
        "signed_by": r.signed_by,
        "note": r.note,
        "replied_on": r.replied_on.isoformat() if r.replied_on else None,
        "outcome": r.reply_outcome.value if r.reply_outcome else None,
        "reply_text": r.reply_text,
        "has_scan": r.reply_attachment_id is not None,
        "closed": r.closed,
    }


def cmd_request_add(args: Namespace) -> int:
    sent = date_option("--sent", args.sent)
    kind = _enum(RequestKind, args.kind)
    with open_workspace(args) as ws:
        request = requests.add(
            ws,
            args.case,
            kind=kind,
            sent_on=sent,
            addressee=args.to,
            channel=_enum(RequestChannel, args.channel),
            outgoing_number=args.number,
            registration_number=args.registration,
            signed_by=args.signed_by,
            note=args.note,
        )
        due = due_on(sent, requests.reply_days(ws)[kind])
    out(
        translate("cli", "Request {id} recorded for {ref}; a reply is due by {day}.").format(
            id=request.id.hex[:SHORT_ID], ref=args.case.upper(), day=format_date(due)
        )
    )
    return 0


def cmd_request_reply(args: Namespace) -> int:
    on = date_option("--on", args.on)
    scan = None
    if args.scan is not None:
        try:
            untrusted = args.scan.read_bytes()
        except OSError as exc:
            raise os_errors.cannot_read(args.scan, exc) from None
        media_type = mimetypes.guess_type(args.scan.name)[0] or "application/octet-stream"
        scan = (untrusted, args.scan.name, media_type)
    with open_workspace(args) as ws:
        request = requests.find(ws, args.id)
        requests.record_reply(
            ws,
            request.id,
            replied_on=on,
            outcome=_enum(ReplyOutcome, args.outcome),
            text=args.text,
            scan=scan,
        )
    out(
        translate("cli", "Reply of {day} recorded for request {id}.").format(
            day=format_date(on), id=request.id.hex[:SHORT_ID]
        )
    )
    return 0


def cmd_request_close(args: Namespace) -> int:
    with open_workspace(args) as ws:
        request = requests.find(ws, args.id)
        requests.update(ws, request.id, closed=True)
    out(translate("cli", "Request {id} closed.").format(id=request.id.hex[:SHORT_ID]))
    return 0


def cmd_request_deadlines(args: Namespace) -> int:
    changes: dict[RequestKind, int] = {}
    for item in args.set:
        kind_text, _, days_text = item.partition("=")
        try:
            changes[requests.parse_kind(kind_text)] = int(days_text)
        except ValueError:
            raise InvalidInput(
                translate("cli", "--set takes KIND=DAYS, e.g. red-cross=90.")
            ) from None
    with open_workspace(args) as ws:
        current = requests.set_reply_days(ws, changes) if changes else requests.reply_days(ws)
    width = max(len(k.value) for k in RequestKind) + 1
    for kind, allowed in current.items():
        name = kind.value.replace("_", "-")
        out(f"{name:<{width}} {days(allowed):<10} {request_kind_label(kind)}")
    return 0
