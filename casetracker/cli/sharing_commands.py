"""Commands for sharing: keys, recipients, export, open-bundle, import-bundle, import-sheet.

Two passphrases can be in play and are never confused: ``--passphrase-file`` (and
CASETRACKER_PASSPHRASE) unlocks the *vault*; ``--bundle-passphrase-file`` (and
CASETRACKER_BUNDLE_PASSPHRASE) locks or opens a *bundle* made for a passphrase instead of a
recipient's key. ``open-bundle`` opens no vault, so there ``--passphrase-file`` is accepted for
the bundle too. Decrypted bundle content reaches the disk only through ``open-bundle -o DIR``.
"""

import functools
import json
import os
from argparse import ArgumentParser, Namespace
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casetracker.cli import os_errors
from casetracker.cli.import_report import print_report
from casetracker.cli.output import err, out
from casetracker.cli.parsing import Subcommands
from casetracker.cli.vault_commands import open_workspace
from casetracker.i18n import format_date, translate
from casetracker.model import CaseStatus
from casetracker.model.labels import counts_text, field_label, profile_label, record_kind_label
from casetracker.services.bundle_merge import Choice, MergeReport
from casetracker.services.consent import ConsentNeeded
from casetracker.services.errors import InvalidInput
from casetracker.services.imports import Existing
from casetracker.services.sharing import SharingService, UnknownSigner, recipient_fingerprint
from casetracker.services.spreadsheet_import import SpreadsheetImportService
from casetracker.sharing import keys as keyring
from casetracker.sharing import spreadsheet
from casetracker.sharing.archive import extract
from casetracker.sharing.bundle import OpenedBundle, open_bundle
from casetracker.sharing.errors import SharingError

EXIT_FAILURE = 1
BUNDLE_ENV = "CASETRACKER_BUNDLE_PASSPHRASE"
# Files the CLI reads whole into memory before any check (a bundle is checked again inside).
MAX_INPUT_BYTES = 512 * 1024 * 1024


def _plain_errors(func: Callable[[Namespace], int]) -> Callable[[Namespace], int]:
    """Sharing failures as one line and exit code 1 (main.py catches the service errors)."""

    @functools.wraps(func)
    def run(args: Namespace) -> int:
        try:
            return func(args)
        except SharingError as exc:
            err(str(exc))
            return EXIT_FAILURE

    return run


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser(
        "keys", help=translate("cli", "show this organisation's public key and fingerprint")
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(func=_plain_errors(cmd_keys))

    p = sub.add_parser("recipients", help=translate("cli", "the address book: add, list or remove"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument(
        "action",
        choices=["add", "list", "remove"],
        help=translate("cli", "add, list or remove a recipient"),
    )
    p.add_argument("name", nargs="?", help=translate("cli", "recipient's name"))
    p.add_argument(
        "age_key",
        nargs="?",
        metavar="AGE_PUBLIC_KEY",
        help=translate("cli", "their age public key (age1…)"),
    )
    p.add_argument("--role", default="", help=translate("cli", "lawyer, partner, journalist…"))
    p.add_argument("--note", default="", help=translate("cli", "a note about this recipient"))
    p.add_argument(
        "--signing-key",
        default="",
        help=translate("cli", "their ed25519:… key, so their bundles are recognised"),
    )
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(func=_plain_errors(cmd_recipients))

    p = sub.add_parser(
        "export", help=translate("cli", "export cases as a signed, encrypted age bundle")
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--case",
        action="extend",
        nargs="+",
        dest="cases",
        metavar="REF",
        help=translate("cli", "case reference(s), e.g. --case CT-0001 CT-0002"),
    )
    which.add_argument("--all", action="store_true", help=translate("cli", "every case"))
    which.add_argument(
        "--status",
        choices=[s.value for s in CaseStatus],
        help=translate("cli", "every case with this status"),
    )
    to = p.add_mutually_exclusive_group(required=True)
    to.add_argument(
        "--to",
        action="append",
        metavar="NAME_OR_AGE_KEY",
        help=translate("cli", "address-book name or age1… key; repeatable"),
    )
    to.add_argument(
        "--bundle-passphrase-file",
        help=translate("cli", "lock the bundle with the passphrase in this file (not the vault's)"),
    )
    to.add_argument(
        "--bundle-passphrase",
        action="store_true",
        help=translate(
            "cli",
            "lock the bundle with a passphrase from CASETRACKER_BUNDLE_PASSPHRASE or a prompt",
        ),
    )
    p.add_argument(
        "--profile",
        required=True,
        choices=["lawyer", "partner", "media", "anonymised"],
        help=translate(
            "cli",
            "what leaves: all a lawyer or a partner organisation may see, what a journalist "
            "may (each as far as people consented), or no identities",
        ),
    )
    p.add_argument(
        "--without-consent",
        metavar="REASON",
        help=translate(
            "cli",
            "send the cases of men who have not consented to this audience too, for this reason "
            "(kept in each case's disclosure log)",
        ),
    )
    p.add_argument(
        "--with-attachments", action="store_true", help=translate("cli", "include attached files")
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        help=translate("cli", "the bundle file to write (OUT.age)"),
    )
    p.add_argument(
        "--force", action="store_true", help=translate("cli", "replace an existing file")
    )
    p.set_defaults(func=_plain_errors(cmd_export))

    p = sub.add_parser(
        "open-bundle", help=translate("cli", "decrypt and verify a bundle; extract it with -o")
    )
    p.add_argument("file", type=Path, help=translate("cli", "the bundle file (.age)"))
    p.add_argument("--identity", type=Path, help=translate("cli", "age identity file (age-keygen)"))
    p.add_argument(
        "--bundle-passphrase-file", help=translate("cli", "the bundle's passphrase, from this file")
    )
    p.add_argument(
        "-o", "--output", type=Path, help=translate("cli", "extract into this new folder")
    )
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(func=_plain_errors(cmd_open_bundle))

    p = sub.add_parser(
        "import-bundle", help=translate("cli", "merge a bundle into the vault by UUID")
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("file", type=Path, help=translate("cli", "the bundle file (.age)"))
    p.add_argument(
        "--identity",
        type=Path,
        help=translate("cli", "age identity file (default: the vault's own key)"),
    )
    p.add_argument(
        "--bundle-passphrase-file", help=translate("cli", "the bundle's passphrase, from this file")
    )
    p.add_argument(
        "--trust-fingerprint",
        metavar="FPR",
        help=translate(
            "cli",
            "import from a signer who is not in the address book: their whole fingerprint, "
            'as shown (e.g. "3F2A 91C0 7B44 E812 0D5C"), after comparing it with the sender',
        ),
    )
    p.add_argument(
        "--remember-as",
        metavar="NAME",
        default="",
        help=translate(
            "cli",
            "with --trust-fingerprint: add the signer to the address book under this name, so "
            "their next files are recognised",
        ),
    )
    p.add_argument("--dry-run", action="store_true", help=translate("cli", "report, write nothing"))
    p.add_argument(
        "--on-conflict",
        choices=["list", "ours", "theirs"],
        default="list",
        help=translate("cli", "list conflicts (default), keep ours, or take the bundle's version"),
    )
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(func=_plain_errors(cmd_import_bundle))

    p = sub.add_parser(
        "import-sheet", help=translate("cli", "import cases from your own CSV/XLSX spreadsheet")
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("file", type=Path, help=translate("cli", "the CSV or XLSX file to import"))
    add_sheet_arguments(p)
    p.add_argument("--dry-run", action="store_true", help=translate("cli", "report, write nothing"))
    p.add_argument(
        "--skip-bad",
        action="store_true",
        help=translate("cli", "import the good rows even when some rows cannot be read"),
    )
    p.set_defaults(func=cmd_import_sheet)


def add_sheet_arguments(p: ArgumentParser) -> None:
    """The spreadsheet options, also for ``casetracker import`` (see ``is_sheet_import``)."""
    p.add_argument(
        "--mapping", type=Path, help=translate("cli", "column mapping (JSON, docs/formats.md)")
    )
    p.add_argument(
        "--write-mapping",
        type=Path,
        metavar="MAP.json",
        help=translate("cli", "write the mapping that would be used, to edit it, and stop"),
    )
    p.add_argument(
        "--preview",
        type=int,
        nargs="?",
        const=10,
        metavar="N",
        help=translate("cli", "show the mapping and the first N rows as read, and stop"),
    )
    p.add_argument(
        "--no-remember",
        action="store_true",
        help=translate("cli", "do not save the mapping in the vault for next time"),
    )
    p.add_argument(
        "--blank-bad-cells",
        action="store_true",
        help=translate(
            "cli",
            "import a row even when a cell other than the name cannot be read: that cell is "
            "left empty and its text kept in the case's notes",
        ),
    )
    p.add_argument(
        "--status-word",
        action="append",
        default=[],
        metavar="WORD=STATUS",
        help=translate(
            "cli", 'what a word in the status column means, e.g. "в СИЗО=detained" (repeatable)'
        ),
    )
    p.add_argument(
        "--existing",
        choices=[e.value for e in Existing],
        default=Existing.SKIP.value,
        help=translate(
            "cli",
            "a man already in the vault (same reference, or same name and birth date): skip "
            "his row, or update his case from it (default: skip)",
        ),
    )


# -- helpers --------------------------------------------------------------------------------
def _read_input(path: Path, what: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InvalidInput(translate("cli", "{what} is too large.").format(what=what))
        return path.read_bytes()
    except OSError as exc:
        raise os_errors.cannot_read(path, exc) from None


def _file_secret(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").rstrip("\r\n")
    except (OSError, UnicodeDecodeError):
        raise InvalidInput(translate("cli", "The bundle passphrase file cannot be read.")) from None


def _prompt_bundle_passphrase(*, confirm: bool) -> str:
    import getpass
    import sys

    if not sys.stdin.isatty():
        raise InvalidInput(
            translate(
                "cli",
                "No bundle passphrase given: use --bundle-passphrase-file, "
                "CASETRACKER_BUNDLE_PASSPHRASE or a terminal.",
            )
        )
    value = getpass.getpass(translate("cli", "Bundle passphrase: "))
    if confirm and getpass.getpass(translate("cli", "Repeat the bundle passphrase: ")) != value:
        raise InvalidInput(translate("cli", "The two passphrases are not the same."))
    return value


def _print_json(value: Any) -> None:
    out(json.dumps(value, ensure_ascii=False, indent=2, default=str))


# -- commands -------------------------------------------------------------------------------
def cmd_keys(args: Namespace) -> int:
    with open_workspace(args) as ws:
        org = SharingService(ws).keys()
    if args.json:
        _print_json(org.__dict__)
        return 0
    out(
        translate("cli", "Public key (give it to those who send you bundles): {key}").format(
            key=org.age_public_key
        )
    )
    out(translate("cli", "  its fingerprint: {fp}").format(fp=org.age_fingerprint))
    out(translate("cli", "Signing key: {key}").format(key=org.signing_key))
    out(
        translate(
            "cli", "Fingerprint (shown to whoever opens our bundles; compare it by phone): {fp}"
        ).format(fp=org.fingerprint)
    )
    return 0


def cmd_recipients(args: Namespace) -> int:
    with open_workspace(args) as ws:
        service = SharingService(ws)
        if args.action == "add":
            if not args.name or not args.age_key:
                raise InvalidInput(
                    translate("cli", "Usage: recipients VAULT add NAME AGE_PUBLIC_KEY")
                )
            added = service.add_recipient(
                args.name,
                args.age_key,
                role=args.role,
                note=args.note,
                signing_key=args.signing_key,
            )
            out(
                translate(
                    "cli", "Added {name}; key fingerprint {fp} (compare it with theirs)."
                ).format(name=added.name, fp=recipient_fingerprint(added))
            )
            return 0
        if args.action == "remove":
            if not args.name:
                raise InvalidInput(translate("cli", "Usage: recipients VAULT remove NAME"))
            service.remove_recipient(args.name)
            out(translate("cli", "Removed {name} from the address book.").format(name=args.name))
            return 0
        people = service.recipients()
    if args.json:
        _print_json(
            [
                {
                    "name": r.name,
                    "role": r.role,
                    "age_public_key": r.age_public_key,
                    "fingerprint": recipient_fingerprint(r),
                    "signing_key": r.signing_key or None,
                    "note": r.note,
                }
                for r in people
            ]
        )
        return 0
    for r in people:
        role = f" ({r.role})" if r.role else ""
        out(f"{r.name}{role}  {recipient_fingerprint(r)}  {r.age_public_key}")
        if r.note:
            out(f"    {r.note}")
    out(translate("cli", "{n} recipient(s)").format(n=len(people)))
    return 0


# How many withheld relatives an export names before it says "and N more".
NAMES_LISTED = 10


def cmd_export(args: Namespace) -> int:
    bundle_secret: str | None = None
    if args.bundle_passphrase_file:
        bundle_secret = _file_secret(args.bundle_passphrase_file)
    elif args.bundle_passphrase:
        bundle_secret = os.environ.get(BUNDLE_ENV) or _prompt_bundle_passphrase(confirm=True)
    if args.output.exists() and not args.force:
        raise InvalidInput(
            translate("cli", "The output file already exists; use --force to replace it.")
        )
    with open_workspace(args) as ws:
        service = SharingService(ws)
        ids = service.select_cases(
            refs=args.cases or (),
            everything=args.all,
            status=CaseStatus(args.status) if args.status else None,
        )
        try:
            result = service.export(
                ids,
                profile=args.profile,
                recipients=args.to or (),
                passphrase=bundle_secret,
                with_attachments=args.with_attachments,
                without_consent_reason=args.without_consent,
            )
        except ConsentNeeded as exc:
            hint = translate(
                "cli",
                "To send them anyway, add --without-consent REASON; `casetracker consent` "
                "records consent.",
            )
            raise InvalidInput(f"{exc} {hint}") from None
        try:
            service.write_bundle(args.output, result.data, overwrite=args.force)
        except OSError as exc:
            raise os_errors.cannot_write(args.output, exc) from None
        # Only a file that was written is a disclosure; a read-only vault cannot keep it.
        if ws.read_only:
            err(
                translate(
                    "cli", "The vault is read-only: this export is not in its disclosure log."
                )
            )
        else:
            service.record_disclosure(result)
    counts = counts_text(result.counts)
    to = (
        translate("cli", "a passphrase") if result.with_passphrase else ", ".join(result.recipients)
    )
    out(translate("cli", "Exported for {to}: {counts}.").format(to=to, counts=counts))
    out(translate("cli", "Profile: {profile}.").format(profile=profile_label(result.profile)))
    out(translate("cli", "Signed by fingerprint {fp}.").format(fp=result.signer_fingerprint))
    withheld = sum(result.relatives_withheld.values())
    if withheld:
        out(
            translate("cli", "Withheld for lack of consent: {n} relative link(s).").format(
                n=withheld
            )
        )
        for person in result.withheld_people[:NAMES_LISTED]:
            out(f"    {person}")
        if len(result.withheld_people) > NAMES_LISTED:
            out("    " + translate("cli", "and {n} more").format(
                n=len(result.withheld_people) - NAMES_LISTED
            ))  # fmt: skip
    if result.without_consent:
        out(
            translate(
                "cli", "Sent without the man's own consent: {n} case(s), because: {why}"
            ).format(n=len(result.without_consent), why=result.without_consent_reason)
        )
    return 0


def _open_with_args(
    args: Namespace, opener: Callable[..., OpenedBundle], data: bytes
) -> OpenedBundle:
    """Open with --identity, or --bundle-passphrase-file, or the opener's own default."""
    if args.identity is not None:
        identity_file = _read_input(args.identity, translate("cli", "The identity file"))
        return opener(data, identities=keyring.identities_from_file(identity_file))
    if args.bundle_passphrase_file:
        return opener(data, passphrase=_file_secret(args.bundle_passphrase_file))
    return opener(data)


def cmd_open_bundle(args: Namespace) -> int:
    data = _read_input(args.file, translate("cli", "The bundle"))

    def opener(untrusted: bytes, **kw: Any) -> OpenedBundle:
        if not kw:  # no key given: no vault here, so --passphrase-file means the bundle's
            if args.passphrase_file:
                secret = _file_secret(args.passphrase_file)
            else:
                secret = os.environ.get(BUNDLE_ENV) or _prompt_bundle_passphrase(confirm=False)
            kw = {"passphrase": secret}
        return open_bundle(untrusted, **kw)

    bundle = _open_with_args(args, opener, data)
    written = extract(bundle.members, args.output) if args.output else []
    manifest = bundle.manifest
    if args.json:
        _print_json(
            {
                "signer_fingerprint": manifest.creator.fingerprint,
                "signing_key": keyring.encode_signing_public(manifest.creator.signing_key),
                "created_at": manifest.created_at.isoformat(),
                "profile": manifest.profile,
                "counts": manifest.counts,
                "members": sorted(bundle.members),
                "extracted": [str(p) for p in written],
            }
        )
        return 0
    out(translate("cli", "Signature and hashes verified."))
    out(translate("cli", "Signed by fingerprint: {fp}").format(fp=manifest.creator.fingerprint))
    out(
        translate("cli", "Made {when}. Profile: {profile}.").format(
            when=f"{format_date(manifest.created_at.date())} {manifest.created_at:%H:%M} UTC",
            profile=profile_label(manifest.profile),
        )
    )
    out(translate("cli", "Holds: {counts}.").format(counts=counts_text(manifest.counts)))
    if written:
        out(
            translate("cli", "Extracted {n} file(s) into {dir}.").format(
                n=len(written), dir=args.output
            )
        )
    else:
        out(translate("cli", "Nothing was written; use -o DIR to extract."))
    return 0


def cmd_import_bundle(args: Namespace) -> int:
    data = _read_input(args.file, translate("cli", "The bundle"))
    with open_workspace(args) as ws:
        service = SharingService(ws)
        bundle = _open_with_args(args, service.open, data)
        if args.dry_run:
            report = service.preview_import(bundle)
        else:
            try:
                report = service.import_bundle(
                    bundle,
                    trust_fingerprint=args.trust_fingerprint,
                    remember_as=args.remember_as,
                )
            except UnknownSigner as exc:
                raise InvalidInput(_unknown_signer_words(exc)) from None
            if report.conflicts and args.on_conflict != "list":
                choice = Choice.THEIRS if args.on_conflict == "theirs" else Choice.OURS
                service.resolve_conflicts([(c, choice) for c in report.conflicts])
    _print_merge(report, args)
    return 0


def _unknown_signer_words(exc: UnknownSigner) -> str:
    """The refusal, with what to do on the command line."""
    if exc.given is not None:
        return translate(
            "cli",
            "Not imported: the bundle is signed by fingerprint {fp}; the fingerprint given with "
            "--trust-fingerprint does not match it. Ask the sender again: the file may not be "
            "theirs.",
        ).format(fp=exc.fingerprint)
    return translate(
        "cli",
        "Not imported: the bundle is signed by fingerprint {fp}, which is not in the address "
        "book. Compare it with the sender by phone or in person; if it matches, run again with "
        '--trust-fingerprint "{fp}" (or add the sender: recipients add NAME AGE_KEY '
        "--signing-key KEY).",
    ).format(fp=exc.fingerprint)


def _print_merge(report: MergeReport, args: Namespace) -> None:
    if args.json:
        _print_json(
            {
                "signer_fingerprint": report.signer_fingerprint,
                "signer_known_as": report.signer_known_as or None,
                "added": dict(report.added),
                "updated": dict(report.updated),
                "unchanged": dict(report.unchanged),
                "skipped": [
                    {"kind": s.entity, "id": str(s.record_id), "reason": s.reason}
                    for s in report.skipped
                ],
                "renumbered": [list(pair) for pair in report.renumbered],
                "conflicts": [
                    {
                        "kind": c.entity,
                        "id": str(c.record_id),
                        "label": c.label,
                        "fields": {d.name: {"ours": d.ours, "theirs": d.theirs} for d in c.diffs},
                    }
                    for c in report.conflicts
                ],
                "applied": report.applied and not args.dry_run,
                "conflicts_resolved": args.on_conflict if report.conflicts else None,
            }
        )
        return
    out(translate("cli", "Signed by fingerprint: {fp}").format(fp=report.signer_fingerprint))
    if report.signer_known_as:
        out(translate("cli", "  known here as: {name}").format(name=report.signer_known_as))
    elif args.dry_run:
        out(
            translate(
                "cli",
                "  not in the address book: compare the fingerprint with the sender; importing "
                'needs --trust-fingerprint "{fp}".',
            ).format(fp=report.signer_fingerprint)
        )
    else:
        out(translate("cli", "  not in the address book; the fingerprint was confirmed."))
    for old, new in report.renumbered:
        out(
            translate("cli", "Case {old} is {new} here (the reference was taken).").format(
                old=old, new=new
            )
        )
    for conflict in report.conflicts:
        fields = ", ".join(field_label(d.name) for d in conflict.diffs)
        out(
            translate("cli", "Conflict: {label} ({kind}) — both sides changed: {fields}").format(
                label=conflict.label,
                kind=record_kind_label(conflict.entity),
                fields=fields,
            )
        )
    summary = translate(
        "cli", "{added} added, {updated} updated, {unchanged} unchanged, {conflicts} conflict(s)"
    ).format(
        added=sum(report.added.values()),
        updated=sum(report.updated.values()),
        unchanged=sum(report.unchanged.values()),
        conflicts=len(report.conflicts),
    )
    if args.dry_run:
        out(
            translate("cli", "Dry run, nothing written. Would do: {summary}.").format(
                summary=summary
            )
        )
    else:
        out(translate("cli", "Imported: {summary}.").format(summary=summary))
    if report.conflicts and args.on_conflict == "list" and not args.dry_run:
        out(
            translate(
                "cli",
                "Conflicts were not overwritten; decide in the app, "
                "or run again with --on-conflict.",
            )
        )
    elif report.conflicts and not args.dry_run:
        settled = (
            translate("cli", "Conflicts settled: the bundle's version was taken.")
            if args.on_conflict == "theirs"
            else translate("cli", "Conflicts settled: ours were kept.")
        )
        out(settled)


# -- spreadsheets ---------------------------------------------------------------------------
def is_sheet_import(args: Namespace) -> bool:
    """For ``casetracker import``: hand over to ``cmd_import_sheet`` instead of the canonical CSV.

    True with any spreadsheet option, for .xlsx files, and for a CSV whose header is not the
    canonical one (it has no ``full_name`` column).
    """
    if getattr(args, "mapping", None) or getattr(args, "write_mapping", None):
        return True
    if getattr(args, "preview", None) is not None:
        return True
    path: Path = args.file
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return False
    first = head.split(b"\n", 1)[0].decode("utf-8-sig", "replace")
    names = {" ".join(part.strip().strip('"').split()).casefold() for part in first.split(",")}
    return "full_name" not in names


@_plain_errors
def cmd_import_sheet(args: Namespace) -> int:
    data = _read_input(args.file, translate("cli", "The spreadsheet"))
    sheet = SpreadsheetImportService.load(data, args.file.name)
    given = None
    if getattr(args, "mapping", None):
        given = spreadsheet.mapping_from_json(
            _read_input(args.mapping, translate("cli", "The mapping file"))
        )
        given = spreadsheet.mapping_for_sheet(given, sheet.headers)
        for header in given.columns:
            if header not in sheet.headers:
                out(
                    translate(
                        "cli", "note: the mapping names a column this file does not have: {h}"
                    ).format(h=header)
                )
    words = _status_words(getattr(args, "status_word", []))
    with open_workspace(args) as ws:
        service = SpreadsheetImportService(ws)
        if given is not None:
            mapping, origin = given, translate("cli", "from the mapping file")
        else:
            choice = service.suggest_mapping(sheet)
            mapping = choice.mapping
            origin = (
                translate("cli", "saved in the vault")
                if choice.origin == "saved"
                else translate("cli", "guessed from the header")
            )
        mapping.statuses.update(words)
        if args.write_mapping or args.preview is not None:
            _show_mapping(sheet, mapping, origin)
            if args.preview is not None:
                for row in service.preview(sheet, mapping, args.preview):
                    shown = "; ".join(
                        f"{_field_label(k)}: {v}" for k, v in row.values.items() if v.strip()
                    )
                    out(
                        translate("cli", "line {line}: {values}").format(
                            line=row.line, values=shown
                        )
                    )
                    if row.error:
                        out(
                            "    "
                            + translate("cli", "cannot be read: {reason}").format(reason=row.error)
                        )
            if args.write_mapping:
                try:
                    args.write_mapping.write_bytes(spreadsheet.mapping_to_json(mapping))
                except OSError as exc:
                    raise os_errors.cannot_write(args.write_mapping, exc) from None
                out(
                    translate(
                        "cli", "Wrote the mapping to {path}; edit it and pass it with --mapping."
                    ).format(path=args.write_mapping)
                )
            return 0
        report = service.apply(
            sheet,
            mapping,
            dry_run=args.dry_run,
            skip_bad=args.skip_bad,
            remember=not getattr(args, "no_remember", False),
            blank_bad_cells=args.blank_bad_cells,
            existing=Existing(args.existing),
        )
    out(translate("cli", "Columns {origin}.").format(origin=origin))
    unknown = (
        [  # worth saying only while it can still change what is imported
            word
            for word in spreadsheet.unknown_status_words(sheet, mapping)
            if spreadsheet.status_key(word) not in mapping.statuses
        ]
        if not report.applied
        else []
    )
    code = print_report(report, args, sheet=True)
    if unknown:
        out(
            translate(
                "cli",
                "The status column has words the app does not know: {words}. Say what each "
                'means with --status-word, e.g. --status-word "{word}=detained". '
                "The statuses are: {statuses}.",
            ).format(
                words=", ".join(f"“{w}”" for w in unknown[:10]),
                word=unknown[0],
                statuses=", ".join(s.value for s in CaseStatus),
            )
        )
    return code


def _status_words(given: list[str]) -> dict[str, CaseStatus]:
    """``--status-word WORD=STATUS`` options as the mapping's extra status words."""
    words: dict[str, CaseStatus] = {}
    for item in given:
        word, _, status = item.rpartition("=")
        try:
            value = CaseStatus(status.strip())
        except ValueError:
            value = None
        if not word.strip() or value is None:
            raise InvalidInput(
                translate(
                    "cli",
                    '--status-word wants a word, “=” and a status, e.g. "в СИЗО=detained"; '
                    "the statuses are: {statuses}.",
                ).format(statuses=", ".join(s.value for s in CaseStatus))
            )
        words[spreadsheet.status_key(word)] = value
    return words


def _show_mapping(sheet: spreadsheet.Sheet, mapping: spreadsheet.SheetMapping, origin: str) -> None:
    out(translate("cli", "Columns ({origin}):").format(origin=origin))
    for header in sheet.headers:
        target = mapping.field_of(header)
        read_as = f"{_field_label(target)} ({target})" if target else translate("cli", "(ignored)")
        out(f"  {header:<28} -> {read_as}")
    missing = mapping.missing_required()
    if missing:
        out(
            translate("cli", "No column is read as: {fields}").format(
                fields=", ".join(_field_label(f) for f in missing)
            )
        )
    out(translate("cli", "{n} data row(s).").format(n=len(sheet.rows)))


def _field_label(code: str) -> str:
    """A case field as the wizard names it ("Last contact"), in the interface language."""
    return translate("sharing", spreadsheet.FIELDS[code]) if code in spreadsheet.FIELDS else code
