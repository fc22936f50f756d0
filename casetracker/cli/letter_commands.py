"""Letters from the command line: write one for a case, list and change the templates."""

from argparse import Namespace
from pathlib import Path

from casetracker.cli import os_errors
from casetracker.cli.output import err, out
from casetracker.cli.parsing import Subcommands
from casetracker.cli.vault_commands import open_workspace
from casetracker.i18n import translate
from casetracker.model.letters import TEMPLATE_KINDS
from casetracker.services.errors import InvalidInput
from casetracker.services.letters import LetterService, letter_format, save_letter


def _kind(text: str) -> str:
    """A kind as `request-add --kind` takes it too: military-prosecutor or military_prosecutor."""
    return text.replace("-", "_")


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser(
        "letter",
        help=translate("cli", "write a letter for a case from a template, to print and sign"),
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("case", help=translate("cli", "case reference, e.g. CT-0042"))
    p.add_argument(
        "--template",
        type=_kind,
        choices=TEMPLATE_KINDS,
        help=translate("cli", "the kind of addressee (default: the request's kind, else general)"),
    )
    p.add_argument(
        "--request",
        help=translate(
            "cli", "fill the addressee, numbers and date from this request of the case (its id)"
        ),
    )
    p.add_argument(
        "--out",
        required=True,
        type=Path,
        help=translate("cli", "the file to write: FILE.pdf, FILE.odt or FILE.docx"),
    )
    p.add_argument(
        "--force", action="store_true", help=translate("cli", "replace an existing file")
    )
    p.set_defaults(func=cmd_letter)

    p = sub.add_parser("letter-templates", help=translate("cli", "list the letter templates"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser(
        "letter-template",
        help=translate("cli", "show a letter template, replace its text, or reset it"),
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument(
        "kind", type=_kind, choices=TEMPLATE_KINDS, help=translate("cli", "the kind of addressee")
    )
    action = p.add_mutually_exclusive_group()
    action.add_argument(
        "--edit",
        type=Path,
        metavar="FILE",
        help=translate("cli", "replace the template's text with FILE (UTF-8 text)"),
    )
    action.add_argument(
        "--reset",
        action="store_true",
        help=translate("cli", "put the app's own text back"),
    )
    p.add_argument("--title", help=translate("cli", "with --edit: a new title for the template"))
    p.set_defaults(func=cmd_template)


def cmd_letter(args: Namespace) -> int:
    letter_format(args.out)  # a wrong name is refused before the vault is unlocked
    if args.out.exists() and not args.force:
        raise InvalidInput(
            translate("cli", "The output file already exists; use --force to replace it.")
        )
    with open_workspace(args) as ws:
        filled = LetterService(ws).fill(args.case, args.template, request_id=args.request)
    try:
        save_letter(args.out, filled.text, title=filled.title, overwrite=args.force)
    except OSError as exc:
        raise os_errors.cannot_write(args.out, exc) from None
    out(
        translate("cli", "Wrote the letter “{title}” to {file}.").format(
            title=filled.title, file=args.out
        )
    )
    if filled.missing:
        err(
            translate(
                "cli", "Not in the vault, left as blank lines to fill in by hand: {facts}."
            ).format(facts=", ".join(filled.missing))
        )
    return 0


def cmd_templates(args: Namespace) -> int:
    with open_workspace(args) as ws:
        templates = LetterService(ws).templates()
    for template in templates:
        state = (
            translate("cli", "changed by you")
            if template.edited
            else translate("cli", "the app's text")
        )
        out(f"{template.kind:<24} {template.title}  ({state})")
    return 0


def cmd_template(args: Namespace) -> int:
    if args.title is not None and args.edit is None:
        raise InvalidInput(translate("cli", "--title goes with --edit."))
    body = None
    if args.edit is not None:
        try:
            body = args.edit.read_text(encoding="utf-8")
        except OSError as exc:
            raise os_errors.cannot_read(args.edit, exc) from None
        except UnicodeDecodeError:
            raise InvalidInput(
                translate("cli", "{file} is not UTF-8 text.").format(file=args.edit)
            ) from None
    with open_workspace(args) as ws:
        letters = LetterService(ws)
        if body is not None:
            template = letters.save_template(args.kind, body=body, title=args.title)
            out(translate("cli", "Saved the template “{title}”.").format(title=template.title))
        elif args.reset:
            template = letters.reset_template(args.kind)
            out(
                translate("cli", "The template “{title}” has the app's text again.").format(
                    title=template.title
                )
            )
        else:
            template = letters.template(args.kind)
            out(template.title)
            out("")
            out(template.body.rstrip("\n"))
    return 0
