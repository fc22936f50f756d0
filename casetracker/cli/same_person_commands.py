"""``same-person``: say two cases are (or are not) one man, list what was said, merge a pair;
``duplicates``: the pairs still to decide."""

import json
from argparse import Namespace
from pathlib import Path

from casetracker.cli.output import out
from casetracker.cli.parsing import Subcommands
from casetracker.cli.vault_commands import open_workspace
from casetracker.i18n import format_date, translate
from casetracker.model.same_person import SameCertainty
from casetracker.services import same_person
from casetracker.services.duplicates import Reason, possible_duplicates
from casetracker.services.errors import InvalidInput
from casetracker.services.same_person import Link, certainty_label, verdict_text


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser(
        "same-person",
        help=translate("cli", "mark two cases as one man or as different men, list, merge"),
        description=translate(
            "cli",
            "With one case, list what was decided about it. With two: --certain, --likely or "
            "--possible marks them as the same man; --not-same means the duplicate finder never "
            "proposes the pair again; --unmark forgets the decision; --merge moves everything "
            "of the second case into the first and removes the second (its reference becomes "
            "an alias).",
        ),
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("case", help=translate("cli", "case reference, e.g. CT-0042"))
    p.add_argument(
        "other", nargs="?", help=translate("cli", "the other case's reference, e.g. CT-0043")
    )
    what = p.add_mutually_exclusive_group()
    what.add_argument(
        "--certain", dest="certainty", action="store_const", const=SameCertainty.CERTAIN,
        help=translate("cli", "the same man, certainly"),
    )  # fmt: skip
    what.add_argument(
        "--likely", dest="certainty", action="store_const", const=SameCertainty.LIKELY,
        help=translate("cli", "the same man, likely"),
    )  # fmt: skip
    what.add_argument(
        "--possible", dest="certainty", action="store_const", const=SameCertainty.POSSIBLE,
        help=translate("cli", "possibly the same man"),
    )  # fmt: skip
    what.add_argument("--not-same", action="store_true", help=translate("cli", "two different men"))
    what.add_argument(
        "--unmark", action="store_true", help=translate("cli", "forget what was decided")
    )
    what.add_argument(
        "--merge",
        action="store_true",
        help=translate("cli", "merge the second case into the first, keeping every record"),
    )
    what.add_argument(
        "--list", action="store_true", help=translate("cli", "what was decided about the case")
    )
    p.add_argument("--note", default="", help=translate("cli", "why, in a few words"))
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(func=cmd_same_person)

    p = sub.add_parser(
        "duplicates",
        help=translate(
            "cli", "list the pairs of cases that may be one man (never those marked not the same)"
        ),
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(func=cmd_duplicates)


def cmd_same_person(args: Namespace) -> int:
    acting = args.certainty or args.not_same or args.unmark or args.merge
    if acting and not args.other:
        raise InvalidInput(translate("cli", "Name the other case too, e.g. CT-0043."))
    if not acting and args.other:
        raise InvalidInput(
            translate(
                "cli",
                "Say what the two cases are: --certain, --likely, --possible, --not-same, "
                "--unmark or --merge.",
            )
        )
    with open_workspace(args) as ws:
        if args.merge:
            result = same_person.merge(ws, args.case, args.other)
            out(
                translate("cli", "{absorbed} was merged into {kept}.").format(
                    absorbed=result.absorb_ref, kept=result.keep_ref
                )
            )
            if result.moved:
                out(translate("cli", "Moved: {what}.").format(what=", ".join(result.moved)))
            if result.filled:
                out(translate("cli", "Filled in: {what}.").format(what=", ".join(result.filled)))
            if result.noted:
                out(
                    translate("cli", "Differing, kept in the notes: {what}.").format(
                        what=", ".join(result.noted)
                    )
                )
            out(
                translate("cli", "Searching for {absorbed} now finds {kept}.").format(
                    absorbed=result.absorb_ref, kept=result.keep_ref
                )
            )
            return 0
        if args.certainty:
            same_person.mark_same(ws, args.case, args.other, args.certainty, args.note)
        elif args.not_same:
            same_person.mark_not_same(ws, args.case, args.other, args.note)
        elif args.unmark:
            same_person.unmark(ws, args.case, args.other)
        links = same_person.links_for(ws, args.case)
    if args.json:
        out(json.dumps([_json(link) for link in links], ensure_ascii=False, indent=2))
        return 0
    for link in links:
        note = f" — {link.note}" if link.note else ""
        who = f", {link.decided_by}" if link.decided_by else ""
        out(f"{verdict_text(link)}: {link.other_name} ({format_date(link.decided_on)}{who}){note}")
    if not links:
        out(translate("cli", "Nothing was decided about this case and another."))
    return 0


def _json(link: Link) -> dict[str, object]:
    return {
        "other": link.other_ref,
        "other_name": link.other_name,
        "verdict": link.verdict.value,
        "certainty": link.certainty.value if link.certainty else None,
        "note": link.note or None,
        "decided_by": link.decided_by or None,
        "decided_on": link.decided_on.isoformat(),
    }


def cmd_duplicates(args: Namespace) -> int:
    """The duplicate finder's pairs (those marked not the same are never listed), with why,
    and the verdict "same" where one was given without merging."""
    reasons = {
        Reason.SAME_NAME: translate("cli", "same name, spelt differently"),
        Reason.TYPO: translate("cli", "names one typing slip apart"),
        Reason.SAME_BIRTH_DATE: translate("cli", "same birth date, similar name"),
    }
    with open_workspace(args) as ws:
        pairs = possible_duplicates(ws)
        names = {row.id: row.full_name for row in ws.cases.rows()}
        verdicts = same_person.pair_verdicts(ws)
    rows = []
    for pair in pairs:
        link = verdicts.get(same_person.pair(pair.first_id, pair.second_id))
        rows.append((pair, link.certainty if link is not None else None))
    if args.json:
        out(
            json.dumps(
                [
                    {
                        "first": p.first_ref,
                        "second": p.second_ref,
                        "reason": p.reason.value,
                        "marked_same": sure.value if sure else None,
                    }
                    for p, sure in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for pair, sure in rows:
        marked = (
            " — "
            + translate("cli", "marked: the same man ({certainty})").format(
                certainty=certainty_label(sure)
            )
            if sure
            else ""
        )
        out(
            f"{pair.first_ref} {names.get(pair.first_id, '')}  /  "
            f"{pair.second_ref} {names.get(pair.second_id, '')}: {reasons[pair.reason]}{marked}"
        )
    out(translate("cli", "{n} possible duplicate pair(s)").format(n=len(rows)))
    return 0
