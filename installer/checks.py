"""Smoke tests of what was built, run by ``build.py --smoke`` / ``--install`` (never by pytest).

Each installs or unpacks a package into a temporary place and runs the frozen
``casetracker --version`` and ``casetracker --self-test`` in a clean environment: no display,
no virtual environment, a private home and temporary folder. The self-test must pass and leave
the temporary folder empty. On Linux the bundle's system libraries are also checked against
the .deb's Depends, and its size against the budget.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from installer import linux_package
from installer.commands import output_of, run, say, scratch, tree_size
from installer.layout import APP, MAX_BUNDLE_MB, BuildError

#: Shared libraries that come with libc itself; never listed in Depends by file name.
LIBC_PACKAGES = frozenset({"libc6"})


@dataclass
class Report:
    """What was built and checked; written to dist/build-report.json."""

    version: str
    platform: str
    artifacts: dict[str, int] = field(default_factory=dict)  # file name -> bytes
    bundle_bytes: int = 0
    bundle_files: int = 0
    startup_seconds: list[float] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)

    def passed(self, check: str) -> None:
        self.checks.append(check)
        say(f"ok: {check}")

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2) + "\n", encoding="utf-8")


def clean_env(home: Path) -> dict[str, str]:
    """No display, venv, Qt or Casetracker variables; a private home and temporary folder."""
    keep = {"PATH", "SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT", "LANG"}
    env = {k: v for k, v in os.environ.items() if k.upper() in keep}
    if sys.platform != "win32":
        env["PATH"] = "/usr/local/bin:/usr/bin:/bin"
    env.setdefault("LANG", "C.UTF-8")
    for folder in (home / "tmp", home / "run"):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        TMPDIR=str(home / "tmp"),
        TEMP=str(home / "tmp"),
        TMP=str(home / "tmp"),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_RUNTIME_DIR=str(home / "run"),
    )
    return env


def check_cli(binary: Path, version: str, home: Path, report: Report, label: str) -> None:
    """``--version`` prints our version; ``--self-test`` passes and leaves no temporary file."""
    env = clean_env(home)
    shown = run([binary, "--version"], env=env, capture=True, timeout=120).stdout.strip()
    if shown != f"casetracker {version}":
        raise BuildError(f"{label}: --version printed {shown!r}, not 'casetracker {version}'")
    result = run([binary, "--self-test"], env=env, capture=True, timeout=300)
    print(result.stdout, end="", flush=True)
    leftovers = sorted(str(p.relative_to(home)) for p in (home / "tmp").rglob("*"))
    if leftovers:
        raise BuildError(f"{label}: the self-test left files behind: {leftovers}")
    report.passed(f"{label}: --version ({shown}) and --self-test")


# -- Linux -----------------------------------------------------------------------------------
def elf_needed(path: Path) -> list[str] | None:
    """The shared libraries an ELF file asks for (DT_NEEDED); None if it is not ELF."""
    with path.open("rb") as handle:
        if handle.read(4) != b"\x7fELF":
            return None
    dynamic = output_of(["readelf", "-d", str(path)])
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)


def glibc_needed(path: Path) -> tuple[int, int]:
    """The newest GLIBC_x.y symbol version an ELF file asks for."""
    found = re.findall(r"GLIBC_(\d+)\.(\d+)", output_of(["objdump", "-T", str(path)]))
    return max(((int(major), int(minor)) for major, minor in found), default=(0, 0))


def system_library_path(name: str, cache: str) -> Path | None:
    found = re.search(rf"^\s+{re.escape(name)} \(.*?\) => (\S+)$", cache, re.M)
    return Path(found.group(1)) if found else None


def owning_package(path: Path) -> str | None:
    """The Debian package that installed ``path``, with or without the /usr merge."""
    texts = {str(path), str(path.resolve())}
    texts |= {t.removeprefix("/usr") for t in texts} | {"/usr" + t for t in texts}
    for text in sorted(t for t in texts if t.startswith("/")):
        owner = output_of(["dpkg", "-S", text])
        if owner:
            return owner.split(":", 1)[0].strip()
    return None


def audit_linux_dependencies(lib_dir: Path, control: str) -> list[str]:
    """What is wrong with the bundle's system libraries (empty when nothing is): missing,
    not covered by Depends, bundled although listed as system ones, or a glibc too new."""
    problems: list[str] = []
    bundled = {p.name for p in lib_dir.rglob("*") if p.is_file() or p.is_symlink()}
    excluded = tuple(linux_package.system_libraries())
    for name in sorted(n for n in bundled if n.startswith(excluded)):
        problems.append(f"{name} is bundled but should come from the system")
    needed: dict[str, str] = {}
    newest_glibc = (0, 0)
    for path in sorted(p for p in lib_dir.rglob("*") if p.is_file() and not p.is_symlink()):
        libraries = elf_needed(path)
        if libraries is None:
            continue
        newest_glibc = max(newest_glibc, glibc_needed(path))
        for library in libraries:
            if library not in bundled:
                needed.setdefault(library, str(path.relative_to(lib_dir)))
    depends = linux_package.control_field(control, "Depends")
    declared = set().union(*linux_package.parse_depends(depends)) | LIBC_PACKAGES
    cache = output_of(["ldconfig", "-p"])
    for library, user in sorted(needed.items()):
        location = system_library_path(library, cache)
        package = owning_package(location) if location else None
        if location is None:
            problems.append(f"{library} (needed by {user}) is not installed on this machine")
        elif package is None:
            problems.append(f"{library} ({location}) belongs to no Debian package")
        elif package not in declared:
            problems.append(f"{library} comes from {package}, which Depends does not list")
    libc = re.search(r"libc6 \(>= (\d+)\.(\d+)\)", depends)
    floor = (int(libc.group(1)), int(libc.group(2))) if libc else (0, 0)
    if newest_glibc > floor:
        problems.append(
            "the bundle needs glibc {}.{} but Depends allows libc6 {}.{}".format(
                *newest_glibc, *floor
            )
        )
    return problems


def smoke_linux(deb: Path, tarball: Path, version: str, report: Report) -> None:
    listing = run(["dpkg-deb", "--contents", deb], capture=True).stdout
    for wanted in linux_package.DEB_LANDMARKS:
        if wanted not in listing:
            raise BuildError(f"the .deb has no {wanted}")
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", linux_package.DESKTOP_ENTRY])
    with scratch("smoke-deb-") as tmp:
        root = tmp / "root"
        run(["dpkg-deb", "-x", deb, root])
        if shutil.which("appstreamcli"):  # as installed, with the release's addresses
            metainfo = root / "usr" / "share" / "metainfo" / linux_package.METAINFO.name
            run(["appstreamcli", "validate", "--no-net", "--explain", metainfo])
        # usr/bin/casetracker is a relative symlink, so it works inside the unpacked root.
        check_cli(root / "usr" / "bin" / APP, version, tmp / "home", report, ".deb unpacked")
        lib_dir = root / "usr" / "lib" / APP
        if shutil.which("readelf") and shutil.which("objdump"):
            control = run(["dpkg-deb", "--field", deb], capture=True).stdout
            problems = audit_linux_dependencies(lib_dir, control)
            if problems:
                raise BuildError("system libraries:\n  " + "\n  ".join(problems))
            report.passed("every system library the bundle needs is in the .deb's Depends")
        report.bundle_bytes, report.bundle_files = tree_size(lib_dir)
    with scratch("smoke-tar-") as tmp:
        with tarfile.open(tarball) as tar:
            tar.extractall(tmp, filter="tar")
        check_cli(tmp / f"{APP}-{version}" / APP, version, tmp / "home", report, ".tar.gz")
    megabytes = report.bundle_bytes / 1_000_000
    if megabytes >= MAX_BUNDLE_MB:
        raise BuildError(f"the bundle is {megabytes:.0f} MB, over the {MAX_BUNDLE_MB} MB budget")
    report.passed(
        f"bundle {megabytes:.0f} MB in {report.bundle_files} files (< {MAX_BUNDLE_MB} MB)"
    )


def install_linux(deb: Path, version: str, report: Report) -> None:
    """``dpkg -i``, run ``/usr/bin/casetracker``, ``dpkg -r``; refuses to touch an existing
    installation."""
    if os.geteuid() != 0:
        raise BuildError("--install needs root (it runs dpkg -i and dpkg -r)")
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${db:Status-Status}", APP], capture_output=True, text=True
    )
    if status.stdout.strip() not in ("", "not-installed"):
        raise BuildError(f"casetracker is already here ({status.stdout.strip()}); not touching it")
    run(["dpkg", "-i", deb])
    try:
        with scratch("install-") as tmp:
            check_cli(Path("/usr/bin") / APP, version, tmp / "home", report, "dpkg -i")
    finally:
        run(["dpkg", "-r", APP])
    if Path(f"/usr/lib/{APP}").exists() or Path(f"/usr/bin/{APP}").exists():
        raise BuildError("dpkg -r left files behind")
    report.passed("dpkg -r removed every file")


# -- Windows and macOS (run by CI, not here) -------------------------------------------------
def smoke_windows(setup: Path, version: str, report: Report) -> None:
    """Silent per-user install into a temporary folder, run, silent uninstall."""
    with scratch("smoke-win-") as tmp:
        target = tmp / "installed"
        quiet = ["/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"]
        run([setup, *quiet, "/CURRENTUSER", f"/DIR={target}"])
        try:
            check_cli(target / "casetracker-cli.exe", version, tmp / "home", report, "setup.exe")
        finally:
            uninstaller = target / "unins000.exe"
            if uninstaller.exists():
                run([uninstaller, *quiet])


def smoke_macos(dmg: Path, version: str, report: Report) -> None:
    """Mount the image read-only and run the app inside it; check signatures when signed."""
    with scratch("smoke-mac-") as tmp:
        mount = tmp / "mount"
        mount.mkdir()
        run(["hdiutil", "attach", "-nobrowse", "-readonly", "-mountpoint", mount, dmg])
        try:
            app = mount / "Casetracker.app"
            run(["codesign", "--verify", "--deep", "--strict", app])
            check_cli(app / "Contents" / "MacOS" / APP, version, tmp / "home", report, ".dmg")
            if os.environ.get("MACOS_SIGN_IDENTITY"):
                run(["spctl", "--assess", "--type", "execute", "-v", app])
        finally:
            run(["hdiutil", "detach", mount])
