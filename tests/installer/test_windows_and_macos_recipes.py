"""The Windows and macOS recipes cannot run here; these check they fit build.py."""

import re
import subprocess
from pathlib import Path

from installer.layout import INSTALLER, ROOT
from installer.windows_package import ISS, iscc_defines, setup_name

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def iss_text() -> str:
    return ISS.read_text(encoding="utf-8")


def test_build_py_passes_exactly_the_defines_the_iss_expects() -> None:
    expected = set(re.findall(r"^#ifndef (\w+)", iss_text(), re.M))
    assert set(iscc_defines("1.2.3", Path("dist/casetracker"))) == expected


def test_the_setup_file_name_matches_the_iss_default() -> None:
    assert setup_name("1.2.3") == "casetracker-1.2.3-windows-x64-setup.exe"
    assert '"casetracker-" + AppVersion + "-windows-x64-setup"' in iss_text()
    assert (
        iscc_defines("1.2.3", Path("x"))["OutputBaseName"] == "casetracker-1.2.3-windows-x64-setup"
    )


def test_the_installer_identity_never_changes() -> None:
    """Upgrades and uninstalling find the installation by this AppId."""
    assert "AppId={{52A55E86-FA49-4722-AA5D-417D18E2DD55}" in iss_text()


def test_the_installer_needs_no_administrator_and_starts_the_gui_executable() -> None:
    text = iss_text()
    assert "PrivilegesRequired=lowest" in text
    assert "PrivilegesRequiredOverridesAllowed=dialog commandline" in text  # /CURRENTUSER
    assert 'Name: "{autoprograms}\\Casetracker"; Filename: "{app}\\Casetracker.exe"' in text
    assert "SignTool=casetracker" in text  # only under #ifdef SIGN


def test_the_dmg_script_is_valid_bash() -> None:
    script = INSTALLER / "macos" / "make_dmg.sh"
    assert subprocess.run(["bash", "-n", str(script)]).returncode == 0
    text = script.read_text(encoding="utf-8")
    for name in ("MACOS_SIGN_IDENTITY", "MACOS_NOTARY_PROFILE", "MACOS_NOTARY_APPLE_ID"):
        assert name in text


def test_the_entitlements_are_a_short_plist() -> None:
    text = (INSTALLER / "macos" / "entitlements.plist").read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    keys = re.findall(r"<key>([^<]+)</key>", text)
    assert keys == ["com.apple.security.cs.allow-unsigned-executable-memory"]


def test_the_release_workflow_smoke_tests_every_platform() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "python installer/build.py --smoke" in text
    assert "--skip-freeze --install --measure" in text
    for runner in ("ubuntu-22.04", "windows-2022", "macos-15", "macos-15-intel"):
        assert f"os: {runner} " in text or f"os: {runner}}}" in text, runner
    secrets = ["WINDOWS_CERT_PFX_BASE64", "WINDOWS_CERT_PASSWORD", "MACOS_CERT_P12_BASE64"]
    secrets += ["MACOS_SIGN_IDENTITY", "MACOS_NOTARY_APPLE_ID", "MACOS_NOTARY_PASSWORD"]
    for secret in secrets:
        assert f"secrets.{secret}" in text, secret
