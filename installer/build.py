"""Build Casetracker's installers with one command: ``python installer/build.py``.

Run it with the Python of a virtual environment holding the app and its ``release`` extra
(``pip install -e ".[release]"``). It builds for the platform it runs on:

- always: the icons (from ``installer/assets/casetracker.svg``), the app's translations
  (``python -m casetracker.i18n build``, when ``resources/translations`` has .ts files), then
  PyInstaller with ``installer/casetracker.spec`` -> ``dist/casetracker/`` (one folder;
  ``dist/Casetracker.app`` on macOS);
- Linux: ``dist/casetracker_<version>_<arch>.deb`` and
  ``dist/casetracker-<version>-linux-<arch>.tar.gz``;
- Windows: ``dist/casetracker-<version>-windows-x64-setup.exe`` (Inno Setup 6);
- macOS: ``dist/Casetracker-<version>-macos-<arch>.dmg``.

Checks, only when asked (the normal test run never builds):

  --smoke     install or unpack what was built into a temporary place and run the frozen
              ``casetracker --version`` and ``--self-test`` in a clean environment; on Linux
              also audit the system libraries against the .deb's Depends and the size budget
  --measure   Linux: seconds from launch to the unlock window under Xvfb (budget 2 s);
              with --cold (root) the page cache is emptied before the first start
  --install   Linux, as root: dpkg -i, /usr/bin/casetracker --version and --self-test, dpkg -r

Outputs go under ``build/`` and ``dist/`` (with ``SHA256SUMS`` and ``build-report.json``).
Signing hooks (environment variables) are described in docs/release.md.
"""

import argparse
import hashlib
import os
import platform
import sys
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `installer` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from installer import checks, icons, linux_package, macos_package, startup, windows_package
from installer.checks import Report
from installer.commands import mib, run, say, tree_size
from installer.layout import (
    BUILD,
    DIST,
    ICONS,
    ROOT,
    SPEC,
    TRANSLATION_SOURCES,
    BuildError,
    app_version,
    bundle_path,
    cli_binary,
)


def compile_translations() -> list[str]:
    """The app's own catalogues (.ts -> .qm) compiled into the package, where the spec's
    collect_data_files("casetracker") picks them up; names of the .qm files made."""
    if not any(TRANSLATION_SOURCES.glob("*.ts")):
        say(f"no .ts files in {TRANSLATION_SOURCES.relative_to(ROOT)}: English only")
        return []
    made = run([sys.executable, "-m", "casetracker.i18n", "build"], cwd=ROOT, capture=True)
    return [Path(line).name for line in made.stdout.split() if line.endswith(".qm")]


def check_translations_frozen(bundle: Path, names: list[str], report: Report) -> None:
    frozen = {p.name for p in bundle.rglob("*.qm") if "casetracker" in p.parts}
    missing = sorted(set(names) - frozen)
    if missing:
        raise BuildError(f"translations missing from the bundle: {missing}")
    if names:
        report.passed(f"translations in the bundle: {', '.join(sorted(names))}")


def freeze(version: str) -> Path:
    """PyInstaller from the spec; returns the one-folder app (the .app on macOS)."""
    env = {**os.environ, "CASETRACKER_ICON_DIR": str(ICONS), "CASETRACKER_VERSION": version}
    if sys.platform == "win32":
        text = windows_package.version_file_text(version)
        (BUILD / "version_info.txt").write_text(text, encoding="utf-8")
    run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
            "--distpath", DIST, "--workpath", BUILD / "pyinstaller", SPEC,
        ],
        env=env,
        cwd=ROOT,
    )  # fmt: skip
    return bundle_path()


def package_and_check(
    bundle: Path, version: str, args: argparse.Namespace, report: Report
) -> list[Path]:
    """This platform's packages, and the checks that were asked for."""
    env = dict(os.environ)
    if sys.platform.startswith("linux"):
        arch = linux_package.deb_architecture()
        deb = linux_package.build_deb(bundle, version, arch, env)
        tarball = linux_package.build_tarball(bundle, version, arch, env)
        if args.smoke:
            checks.smoke_linux(deb, tarball, version, report)
        if args.install:
            checks.install_linux(deb, version, report)
        if args.measure:
            startup.measure(cli_binary(bundle), report, args.runs, cold=args.cold)
        return [deb, tarball]
    if sys.platform == "win32":
        setup = windows_package.package(bundle, version)
        if args.smoke:
            home = BUILD / "smoke-home"
            checks.check_cli(cli_binary(bundle), version, home, report, "dist folder")
            checks.smoke_windows(setup, version, report)
        return [setup]
    if sys.platform == "darwin":
        dmg = macos_package.package(bundle, version)
        if args.smoke:
            checks.smoke_macos(dmg, version, report)
        return [dmg]
    raise BuildError(f"no installer recipe for {sys.platform}")


def write_checksums(artifacts: Sequence[Path]) -> None:
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in artifacts]
    (DIST / "SHA256SUMS").write_text("".join(lines), encoding="utf-8")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="installer/build.py",
        description="Freeze Casetracker and build this platform's installers (docs/release.md).",
    )
    parser.add_argument("--smoke", action="store_true", help="install or unpack, then run checks")
    parser.add_argument("--measure", action="store_true", help="Linux: time start-up under Xvfb")
    parser.add_argument("--install", action="store_true", help="Linux, root: dpkg -i, run, dpkg -r")
    parser.add_argument("--runs", type=int, default=6, help="start-ups to time (default 6)")
    parser.add_argument(
        "--cold", action="store_true", help="with --measure, as root: empty the page cache first"
    )
    parser.add_argument(
        "--skip-freeze", action="store_true", help="reuse dist/ from an earlier run"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    version = app_version()
    report = Report(version=version, platform=f"{sys.platform}-{platform.machine()}")
    BUILD.mkdir(exist_ok=True)
    DIST.mkdir(exist_ok=True)
    try:
        icons.render_all()
        catalogues = [] if args.skip_freeze else compile_translations()
        bundle = bundle_path() if args.skip_freeze else freeze(version)
        if not cli_binary(bundle).exists():
            raise BuildError(f"{cli_binary(bundle)} is missing; build without --skip-freeze")
        check_translations_frozen(bundle, catalogues, report)
        report.bundle_bytes, report.bundle_files = tree_size(bundle)
        artifacts = package_and_check(bundle, version, args, report)
        for artifact in artifacts:
            report.artifacts[artifact.name] = artifact.stat().st_size
            say(f"built {artifact.relative_to(ROOT)} ({mib(artifact.stat().st_size)})")
        write_checksums(artifacts)
    except BuildError as exc:
        print(f"[build] FAILED: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        report.write(DIST / "build-report.json")
    say(f"done: {len(report.checks)} check(s) passed; see dist/build-report.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
