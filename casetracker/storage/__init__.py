"""Storage: the encrypted vault file and everything that keeps it safe at rest.

    errors        typed failures with plain-language messages
    kdf           Argon2id parameters: floor, calibration, derivation
    key_slots     data key wrapped per passphrase / recovery key; recovery key format
    envelope      the byte layout of a vault file (see its docstring)
    atomic_write  durable write-then-rename
    backups       versioned and daily backups beside the vault
    writer_lock   one writer per vault (lock file)
    migrations    file-format version upgrades
    vault_file    VaultFile: open, save, change keys, restore, check
    database      the in-memory SQLite database and its snapshots

Nothing here imports Qt. Import the modules directly; this package re-exports nothing so
that a quick process (a CLI call, a test's subprocess) loads only what it uses.
"""
