"""A throw-away PostgreSQL for the team tests and the team load test (benchmarks/team_sync.py).

`start_cluster` runs ``initdb`` into a temporary folder and starts ``postgres`` on a free
port of 127.0.0.1, with a certificate from a CA made here, scram passwords and no plain-text
connections; `PgCluster.stop` stops and deletes it. PostgreSQL refuses to run as root (CI is
root), so there both run as ``nobody``. `create_team_db` makes a database and an owner role
with CREATEROLE, as a team's organisation would set up for `team init`.

Binaries come from Debian's ``postgresql`` package (/usr/lib/postgresql/*/bin; ``scripts/
bootstrap`` installs it); `postgres_bin` finds them. No pytest here: conftest.py wraps this in
fixtures.
"""

from __future__ import annotations

import contextlib
import datetime
import glob
import ipaddress
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from psycopg import sql
from psycopg.conninfo import make_conninfo

SUPERUSER = "postgres"
HOST = "localhost"  # the name in the server's certificate; hostaddr pins 127.0.0.1
ADDRESS = "127.0.0.1"
SHARED_MEMORY = "/dev/shm"


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps one per major version)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parent.parent.name),
    )
    return Path(found[-1]).parent if found else None


def write_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A throw-away CA and a server certificate for localhost/127.0.0.1 it signed: (ca, cert,
    key). EC P-256 keys, made in a few milliseconds."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "casetracker test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(HOST), x509.IPAddress(ipaddress.ip_address(ADDRESS))]
            ),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.crt", folder / "server.crt", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    paths[2].chmod(0o600)
    return paths


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((ADDRESS, 0))
        return int(probe.getsockname()[1])


@dataclass
class PgCluster:
    """A running throw-away server: where it listens, its CA, and the superuser."""

    bin: Path
    folder: Path
    host: str
    port: int
    ca: Path
    superuser: str
    superuser_password: str
    _as_server_user: list[str]
    _admin: psycopg.Connection | None = field(default=None, repr=False)

    def dsn(self, user: str, password: str, dbname: str = "postgres") -> str:
        """A DSN that verifies the server's certificate, as a team's members would use."""
        return make_conninfo(
            host=self.host,
            hostaddr=ADDRESS,
            port=self.port,
            dbname=dbname,
            user=user,
            password=password,
            sslmode="verify-full",
            sslrootcert=str(self.ca),
        )

    def superuser_dsn(self, dbname: str = "postgres") -> str:
        return self.dsn(self.superuser, self.superuser_password, dbname)

    def superuser_sql(
        self, query: str | sql.SQL | sql.Composed, *params: Any
    ) -> list[tuple[Any, ...]]:
        """Run ``query`` as the superuser in the ``postgres`` database."""
        if self._admin is None:
            self._admin = psycopg.connect(self.superuser_dsn(), autocommit=True)
        cursor = self._admin.execute(query, params or None)
        return cursor.fetchall() if cursor.description else []

    def run_as_server_user(self, *command: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self._as_server_user, *map(str, command)],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.close()
        try:
            self.run_as_server_user(
                self.bin / "pg_ctl", "stop", "-D", self.folder / "data", "-m", "fast", "-w"
            )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def cluster_parent(as_root: bool) -> str | None:
    """Where the cluster's folder goes: memory (/dev/shm) when it has room, because on a busy
    machine each test's CREATE DATABASE took 0.45 s on disk and 0.03 s there; else /tmp itself
    when root, as nobody must be able to walk into the folder (pytest's own folders under
    /tmp/pytest-of-root are closed to other users); else the usual temporary folder."""
    with contextlib.suppress(OSError):
        if shutil.disk_usage(SHARED_MEMORY).free >= 1 << 30:
            return SHARED_MEMORY
    return "/tmp" if as_root else None


def start_cluster(bin_dir: Path) -> PgCluster:
    """initdb, TLS files, pg_hba.conf with TLS-only scram logins, then pg_ctl start."""
    as_root = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="casetracker-pg-", dir=cluster_parent(as_root)))
    prefix: list[str] = []
    if as_root:
        import pwd  # POSIX only; importing it at the top would stop Windows collecting the tests

        nobody = pwd.getpwnam("nobody")
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
        prefix = [
            "setpriv",
            f"--reuid={nobody.pw_uid}",
            f"--regid={nobody.pw_gid}",
            "--clear-groups",
            "--",
        ]
    password = secrets.token_urlsafe(16)
    ca, cert, key = write_certificates(folder)
    (folder / "pwfile").write_text(password + "\n")
    if as_root:
        for path in (cert, key, folder / "pwfile"):
            os.chown(path, nobody.pw_uid, nobody.pw_gid)
    cluster = PgCluster(bin_dir, folder, HOST, 0, ca, SUPERUSER, password, _as_server_user=prefix)
    data = folder / "data"
    cluster.run_as_server_user(
        bin_dir / "initdb",
        "--pgdata",
        data,
        "--username",
        SUPERUSER,
        "--pwfile",
        folder / "pwfile",
        "--auth",
        "scram-sha-256",
        "--encoding",
        "UTF8",
        "--locale",
        "C",
        "--no-sync",
        "--no-instructions",
    )
    (data / "pg_hba.conf").write_text(
        "hostssl all all 127.0.0.1/32 scram-sha-256\nhost all all all reject\n"
    )
    options = " ".join(
        [
            f"-c listen_addresses={ADDRESS}",
            f"-c unix_socket_directories={folder}",
            "-c ssl=on",
            f"-c ssl_cert_file={cert}",
            f"-c ssl_key_file={key}",
            "-c password_encryption=scram-sha-256",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c shared_buffers=16MB",
            "-c max_connections=60",
            "-c max_wal_size=64MB",  # in memory: recycle WAL instead of keeping up to 1 GB
            "-c min_wal_size=32MB",
        ]
    )
    for _attempt in range(3):  # another test process may take the free port first
        cluster.port = free_port()
        try:
            cluster.run_as_server_user(
                bin_dir / "pg_ctl",
                "start",
                "-D",
                data,
                "-l",
                folder / "server.log",
                "-w",
                "-t",
                "30",
                "-o",
                f"{options} -c port={cluster.port}",
            )
            return cluster
        except subprocess.CalledProcessError:
            continue
    log = (folder / "server.log").read_text(errors="replace")[-2000:]
    shutil.rmtree(folder, ignore_errors=True)
    raise RuntimeError("PostgreSQL did not start:\n" + log)


@dataclass
class TeamDb:
    """One test's database and its owner login role (CREATEROLE, owns the database)."""

    cluster: PgCluster
    dbname: str
    owner: str
    owner_password: str
    _superuser: psycopg.Connection | None = field(default=None, repr=False)

    @property
    def owner_dsn(self) -> str:
        return self.cluster.dsn(self.owner, self.owner_password, self.dbname)

    def dsn(self, user: str, password: str) -> str:
        """A DSN for another role of this database (a member)."""
        return self.cluster.dsn(user, password, self.dbname)

    def superuser_sql(
        self, query: str | sql.SQL | sql.Composed, *params: Any
    ) -> list[tuple[Any, ...]]:
        """Run ``query`` as the superuser in this database, behind the clients' backs (a
        dishonest server); the rows it returns, if any."""
        if self._superuser is None:
            self._superuser = psycopg.connect(
                self.cluster.superuser_dsn(self.dbname), autocommit=True
            )
        cursor = self._superuser.execute(query, params or None)
        return cursor.fetchall() if cursor.description else []

    def dump(self) -> bytes:
        """What a seized server gives away: ``pg_dump`` of the database (plain SQL), then every
        bytea value raw, because pg_dump writes bytea as hex, where a name stored in clear
        would hide from a search for its bytes."""
        result = subprocess.run(
            [self.cluster.bin / "pg_dump", "--dbname", self.cluster.superuser_dsn(self.dbname)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        parts = [result.stdout]
        columns = self.superuser_sql(
            "SELECT table_schema, table_name, column_name FROM information_schema.columns"
            " WHERE data_type = 'bytea'"
            " AND table_schema NOT IN ('pg_catalog', 'information_schema')"
        )
        for schema, table, column in columns:
            query = sql.SQL("SELECT {} FROM {}.{}").format(
                sql.Identifier(column), sql.Identifier(schema), sql.Identifier(table)
            )
            parts.extend(bytes(value) for (value,) in self.superuser_sql(query) if value)
        return b"\n".join(parts)

    def close(self) -> None:
        if self._superuser is not None:
            self._superuser.close()


def create_team_db(cluster: PgCluster) -> TeamDb:
    """A fresh database owned by a fresh login role with CREATEROLE."""
    name = "t_" + secrets.token_hex(6)
    password = secrets.token_urlsafe(16)
    owner = "o_" + secrets.token_hex(6)
    cluster.superuser_sql(
        sql.SQL("CREATE ROLE {} LOGIN CREATEROLE PASSWORD {}").format(
            sql.Identifier(owner), sql.Literal(password)
        )
    )
    cluster.superuser_sql(
        sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(name), sql.Identifier(owner))
    )
    return TeamDb(cluster, name, owner, password)


def drop_team_db(db: TeamDb) -> None:
    db.close()
    db.cluster.superuser_sql(
        sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(db.dbname))
    )
