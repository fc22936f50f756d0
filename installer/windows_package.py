"""The Windows installer: Inno Setup (``windows/casetracker.iss``) around the frozen folder.

The folder holds two executables sharing one ``_internal``: ``Casetracker.exe`` (the desktop
app; it never opens a console window) and ``casetracker-cli.exe`` (the command line, also used
for ``--version`` and ``--self-test`` in CI).

Signing, only when ``WINDOWS_CERT_PFX`` names a .pfx file (``WINDOWS_CERT_PASSWORD`` its
password; ``WINDOWS_SIGNTOOL`` and ``WINDOWS_TIMESTAMP_URL`` optional): both executables before
packaging, then Inno Setup signs the setup and its uninstaller through ``SignTool``.
Not run on the machine where this was written: see docs/release.md.
"""

import os
import re
import shutil
from pathlib import Path

from installer.commands import run
from installer.layout import APP, DIST, ICONS, INSTALLER, BuildError

ISS = INSTALLER / "windows" / "casetracker.iss"


def log_secrets() -> list[str]:
    """What must never appear in a log."""
    return [os.environ.get("WINDOWS_CERT_PASSWORD", "")]


def setup_name(version: str) -> str:
    return f"{APP}-{version}-windows-x64-setup.exe"


def find_iscc() -> Path | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return Path(found)
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").exists():
            return Path(base) / "Inno Setup 6" / "ISCC.exe"
    return None


def signtool_command() -> list[str] | None:
    """signtool's arguments (without the file) when a certificate is configured."""
    pfx = os.environ.get("WINDOWS_CERT_PFX")
    if not pfx:
        return None
    return [
        os.environ.get("WINDOWS_SIGNTOOL", "signtool"), "sign",
        "/f", pfx, "/p", os.environ.get("WINDOWS_CERT_PASSWORD", ""),
        "/fd", "SHA256", "/td", "SHA256",
        "/tr", os.environ.get("WINDOWS_TIMESTAMP_URL", "http://timestamp.digicert.com"),
    ]  # fmt: skip


def version_file_text(version: str) -> str:
    """PyInstaller's version resource for the .exe files (Details tab in Explorer)."""
    numbers = ([int(n) for n in re.findall(r"\d+", version)[:3]] + [0, 0, 0, 0])[:4]
    four = tuple(numbers)
    strings = {
        "CompanyName": "Casetracker",
        "FileDescription": "Casetracker",
        "FileVersion": version,
        "ProductName": "Casetracker",
        "ProductVersion": version,
        "LegalCopyright": "AGPL-3.0-or-later",
    }
    table = ",\n        ".join(f"StringStruct('{k}', '{v}')" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,
    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
        {table}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def iscc_defines(version: str, bundle: Path) -> dict[str, str]:
    """The /D values the .iss expects (each has a default there, under #ifndef)."""
    return {
        "AppVersion": version,
        "SourceDir": str(bundle),
        "OutputDir": str(DIST),
        "OutputBaseName": setup_name(version).removesuffix(".exe"),
        "IconFile": str(ICONS / "casetracker.ico"),
    }


def package(bundle: Path, version: str) -> Path:
    sign = signtool_command()
    if sign:
        run([*sign, bundle / "Casetracker.exe", bundle / "casetracker-cli.exe"], hide=log_secrets())
    iscc = find_iscc()
    if iscc is None:
        raise BuildError("Inno Setup 6 is needed: choco install innosetup, or ISCC on PATH")
    args: list[str | Path] = [iscc, "/Q"]
    args += [f"/D{name}={value}" for name, value in iscc_defines(version, bundle).items()]
    if sign:
        quoted = " ".join(f'"{part}"' if " " in part else part for part in sign)
        args += ["/DSIGN", f"/Scasetracker={quoted} $f"]
    run([*args, ISS], hide=log_secrets())
    return DIST / setup_name(version)
