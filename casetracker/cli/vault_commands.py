"""Commands about the vault itself: create, inspect, re-key, check, back up."""

import json
import shlex
from argparse import ArgumentParser, Namespace
from pathlib import Path

from casetracker.cli import passphrase
from casetracker.cli.output import err, out
from casetracker.cli.parsing import Subcommands
from casetracker.i18n import format_date, translate
from casetracker.model import SCHEMA_VERSION
from casetracker.model.labels import table_count_lines
from casetracker.services import backup_restore, vault_keys
from casetracker.services.errors import InvalidInput
from casetracker.services.inventory import table_counts
from casetracker.services.workspace import Workspace
from casetracker.storage.errors import (
    ReadFailed,
    UnsupportedVersion,
    VaultDamaged,
    VaultInUse,
    VaultNotFound,
    WrongPassphrase,
    when_text,
)
from casetracker.storage.vault_file import BackupInfo, VaultFile, list_backups


def add_commands(sub: Subcommands) -> None:
    p = sub.add_parser("init", help=translate("cli", "create a new encrypted vault"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.set_defaults(func=cmd_init, new_passphrase=True)

    p = sub.add_parser(
        "info", help=translate("cli", "show record counts and how the vault is protected")
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    p.set_defaults(func=cmd_info)

    p = sub.add_parser(
        "passwd", help=translate("cli", "change the passphrase (the data key stays)")
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument(
        "--new-passphrase-file",
        help=translate(
            "cli",
            "read the new passphrase from this file (else CASETRACKER_NEW_PASSPHRASE or a prompt)",
        ),
    )
    add_recovery_key_file(p)
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser(
        "recovery-key",
        help=translate("cli", "create or replace the recovery key and print it once"),
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    add_recovery_key_file(p)
    p.set_defaults(func=cmd_recovery_key)

    p = sub.add_parser(
        "check", help=translate("cli", "verify every byte of the vault and its backups")
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backups", help=translate("cli", "list the encrypted backups of a vault"))
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.set_defaults(func=cmd_backups, no_passphrase=True)

    p = sub.add_parser(
        "restore", help=translate("cli", "make a backup the current state (undoable)")
    )
    p.add_argument("vault", type=Path, help=translate("cli", "the vault file (.ctvault)"))
    p.add_argument(
        "--backup", type=int, required=True, help=translate("cli", "number from 'backups'")
    )
    p.set_defaults(func=cmd_restore)


def add_recovery_key_file(p: ArgumentParser) -> None:
    p.add_argument(
        "--recovery-key-file",
        metavar="PATH",
        help=translate(
            "cli", "unlock with the recovery key read from this file instead of the passphrase"
        ),
    )


def open_workspace(args: Namespace) -> Workspace:
    """The vault, unlocked by ``--recovery-key-file`` where the command has it, else the
    passphrase.

    A lock left on another computer is refused with its host, user and time, and taken over
    with ``--take-over-lock``. A vault that cannot be written opens read-only: reading
    commands work, a change fails with VaultReadOnly (one line, exit 1).
    """
    key = passphrase.recovery_key(args)
    secret = passphrase.current(args) if key is None else None

    def unlock(take_over: VaultInUse | None = None) -> Workspace:
        return Workspace.open(
            args.vault, passphrase=secret, recovery_key=key, actor=args.actor, take_over=take_over
        )

    try:
        ws = unlock()
    except VaultInUse as refusal:
        if not refusal.elsewhere:
            raise
        if not getattr(args, "take_over_lock", False):
            hint = translate("cli", "To take it over, run the command again with --take-over-lock.")
            raise InvalidInput(f"{refusal} {hint}") from None
        err(
            translate("cli", "Taking over the lock left on {host} by {user} since {when}.").format(
                host=refusal.host, user=refusal.user, when=when_text(refusal.since)
            )
        )
        ws = unlock(take_over=refusal)
    if ws.read_only:
        err(
            translate(
                "cli",
                "This vault is read-only here: it can be read, but no change can be saved.",
            )
        )
    return ws


def cmd_init(args: Namespace) -> int:
    secret = passphrase.new(args, file_attr="passphrase_file", env="CASETRACKER_PASSPHRASE")
    ws, recovery_key = Workspace.create(args.vault, secret, actor=args.actor)
    ws.close()
    out(translate("cli", "Created the encrypted vault."))
    print_recovery_key(recovery_key)
    return 0


def print_recovery_key(key: str) -> None:
    out(
        translate(
            "cli",
            "Recovery key (shown only now; write it on paper and keep it apart from the laptop):",
        )
    )
    out(f"    {key}")


def cmd_info(args: Namespace) -> int:
    facts = VaultFile.inspect(args.vault)
    with open_workspace(args) as ws:
        counts = table_counts(ws)
        appended = ws.file.journal_records
    if args.json:
        out(
            json.dumps(
                {
                    "file": facts,
                    "schema_version": SCHEMA_VERSION,
                    "saves_appended": appended,
                    "counts": counts,
                },
                ensure_ascii=False,
                indent=2,
                default=str,
            )
        )
        return 0
    kdf = facts["kdf"]
    out(
        translate("cli", "Format version: {v}; data version: {s}; written whole {g} times").format(
            v=facts["format_version"], s=SCHEMA_VERSION, g=facts["generation"]
        )
    )
    out(translate("cli", "Saves appended since it was last written whole: {n}").format(n=appended))
    out(
        translate(
            "cli", "Key derivation: Argon2id, {m} MiB memory, {t} passes, {p} lane(s)"
        ).format(m=kdf["memory_kib"] // 1024, t=kdf["iterations"], p=kdf["lanes"])
    )
    slots = ", ".join(_slot_label(kind) for kind in facts["slots"])
    out(translate("cli", "Key slots: {slots}").format(slots=slots))
    out(translate("cli", "File size: {n} bytes").format(n=facts["size"]))
    out(translate("cli", "Records in the vault:"))
    for line in table_count_lines(counts):
        out(f"  {line}")
    return 0


def _slot_label(kind: str) -> str:
    """What opens the vault through a key slot ("passphrase", "recovery" in the file)."""
    if kind == "passphrase":
        return translate("cli", "the passphrase")
    if kind == "recovery":
        return translate("cli", "the recovery key")
    return kind


def cmd_passwd(args: Namespace) -> int:
    with open_workspace(args) as ws:
        secret = passphrase.new(
            args, file_attr="new_passphrase_file", env="CASETRACKER_NEW_PASSPHRASE"
        )
        vault_keys.change_passphrase(ws, secret)
    out(translate("cli", "The passphrase was changed. The recovery key still works."))
    return 0


def cmd_recovery_key(args: Namespace) -> int:
    with open_workspace(args) as ws:
        key = vault_keys.new_recovery_key(ws)
    out(translate("cli", "A new recovery key was made; the old one no longer opens the vault."))
    print_recovery_key(key)
    return 0


def cmd_check(args: Namespace) -> int:
    secret = passphrase.current(args)
    opened_problems: list[str] | None = None
    busy: VaultInUse | None = None
    try:
        # Opening first finishes a passphrase change cut short before the backups were
        # re-keyed, instead of reporting each of them as a damaged key slot.
        with open_workspace(args) as ws:
            opened_problems = ws_problems(ws)
    except (VaultDamaged, VaultNotFound, ReadFailed, UnsupportedVersion, WrongPassphrase):
        pass  # described file by file below
    except VaultInUse as exc:
        busy = exc  # reading needs no lock: damage is still described
    report = VaultFile.check_report(args.vault, passphrase=secret)
    problems = report.problems or opened_problems or []
    if not problems and busy is not None:
        raise busy  # the files are sound; the rest is checked where the vault is not open
    if not problems:
        out(translate("cli", "Every byte of the vault and its backups checked: no damage found."))
        return 0
    for line in problems:
        out(f"- {line}")
    out(translate("cli", "Problems found: {n}.").format(n=len(problems)))
    vault = shlex.quote(str(args.vault))
    if args.vault in report.verified:
        pass  # the vault itself is sound; the lines above say which backups are not
    elif args.vault in report.intact:
        out(
            translate(
                "cli",
                "The vault is intact, but this passphrase no longer opens it: it was changed. "
                "With the new passphrase, this finishes the change: {command}",
            ).format(command=f"casetracker check {vault}")
        )
    elif report.verified:
        good = next(b for b in list_backups(args.vault) if b.path in report.verified)
        command = f"casetracker restore {vault} --backup {good.number}"
        out(
            translate(
                "cli", "To go back to the newest readable backup ({backup}): {command}"
            ).format(backup=backup_words(good), command=command)
        )
    elif opened_problems is None:
        out(
            translate(
                "cli",
                "No backup could be verified with this passphrase either. Keep every file as "
                "it is and ask for help.",
            )
        )
    return 1


def ws_problems(ws: Workspace) -> list[str]:
    from casetracker.services.inventory import integrity_problems

    return integrity_problems(ws)


def cmd_backups(args: Namespace) -> int:
    backups = list_backups(args.vault)
    if not backups:
        out(
            translate(
                "cli", "There are no backups yet; they appear after the first changes are saved."
            )
        )
        return 0
    for b in backups:
        size = translate("cli", "{n} B").format(n=b.size)
        out(f"{b.number:>3}  {backup_words(b, '  ')}  {size}")
    return 0


def backup_words(b: BackupInfo, separator: str = ", ") -> str:
    """When a backup was saved, in the local date format, and its save number."""
    save = (
        translate("cli", "save #{g}").format(g=b.generation)
        if b.generation is not None
        else translate("cli", "unreadable header")
    )
    return f"{format_date(b.mtime.date())} {b.mtime:%H:%M}{separator}{save}"


def cmd_restore(args: Namespace) -> int:
    try:
        ws = open_workspace(args)
    except (VaultDamaged, VaultNotFound, ReadFailed):
        return _restore_in_place(args)
    with ws:
        ws.file.restore_backup(args.backup)
    out(
        translate(
            "cli", "Backup {n} is now the current state; the state before it was kept as a backup."
        ).format(n=args.backup)
    )
    return 0


def _restore_in_place(args: Namespace) -> int:
    """The main file is damaged, cut off, a folder or missing: the backup takes its place."""
    ws, info = backup_restore.restore_in_place(
        args.vault, args.backup, passphrase=passphrase.current(args), actor=args.actor
    )
    with ws:
        aside = ws.file.set_aside_path
    out(
        translate("cli", "Backup {n} ({backup}) is now the vault.").format(
            n=info.number, backup=backup_words(info)
        )
    )
    if aside is not None:
        out(
            translate(
                "cli", "What stood in its place was kept beside it, untouched, as {name}."
            ).format(name=aside.name)
        )
    return 0
