"""The .deb's control file and the list of libraries taken from the system."""

import re
from pathlib import Path

import pytest

from installer.layout import BuildError
from installer.linux_package import (
    CONTROL_TEMPLATE,
    control_field,
    control_text,
    parse_depends,
    system_libraries,
)

REQUIRED = ("Package", "Version", "Architecture", "Maintainer", "Installed-Size", "Description")


def rendered(**env: str) -> str:
    return control_text("1.2.3", "amd64", 140_000, env)


def test_control_has_every_required_field_filled() -> None:
    control = rendered()
    for name in REQUIRED:
        assert control_field(control, name), name
    assert control_field(control, "Package") == "casetracker"
    assert control_field(control, "Version") == "1.2.3"
    assert control_field(control, "Architecture") == "amd64"
    assert control_field(control, "Installed-Size") == "140000"
    assert not re.search(r"@[A-Z_]+@", control)


def test_maintainer_and_homepage_come_from_the_environment() -> None:
    control = rendered(
        CASETRACKER_MAINTAINER="Legal Aid Tech <tech@example.org>",
        CASETRACKER_HOMEPAGE="https://example.org/casetracker",
    )
    assert control_field(control, "Maintainer") == "Legal Aid Tech <tech@example.org>"
    assert control_field(control, "Homepage") == "https://example.org/casetracker"


def test_control_is_one_valid_paragraph_with_a_short_synopsis() -> None:
    control = rendered()
    for line in control.rstrip("\n").split("\n"):
        assert line, "a blank line would end the paragraph"
        assert line[0] in " \t" or re.match(r"^[A-Za-z][A-Za-z0-9-]*: ", line), line
    synopsis = control.split("Description: ", 1)[1].split("\n", 1)[0]
    assert len(synopsis) <= 80 and not synopsis.endswith(".")


def test_a_placeholder_left_in_the_template_stops_the_build(tmp_path: Path) -> None:
    template = tmp_path / "control.in"
    template.write_text(CONTROL_TEMPLATE.read_text(encoding="utf-8") + "X-New: @UNKNOWN@\n")
    with pytest.raises(BuildError, match="@UNKNOWN@"):
        control_text("1.2.3", "amd64", 1, {}, template)


def test_depends_needs_a_cyrillic_font_and_a_glibc_floor() -> None:
    depends = control_field(rendered(), "Depends")
    clauses = parse_depends(depends)
    assert {"fonts-dejavu-core", "fonts-noto-core"} in clauses  # the dossier's Cyrillic
    assert re.search(r"libc6 \(>= 2\.\d+\)", depends)


def test_parse_depends_keeps_alternatives_together_and_drops_versions() -> None:
    assert parse_depends("a (>= 1.0), b | c:any, d\n e") == [{"a"}, {"b", "c"}, {"d"}]
    assert parse_depends("") == []


def test_control_field_joins_continuation_lines() -> None:
    control = "Depends: a,\n b,\n c\nDescription: x\n"
    assert control_field(control, "Depends") == "a, b, c"
    assert control_field(control, "Missing") == ""


def test_every_system_library_names_its_package() -> None:
    table = system_libraries()
    assert "libfontconfig.so." in table  # fontconfig must match the system's configuration
    assert "libstdc++.so." in table  # an older bundled copy breaks Mesa drivers
    for prefix, package in table.items():
        assert prefix.startswith("lib") and prefix.endswith(".so."), prefix
        for alternative in package.split("|"):
            assert re.fullmatch(r"[a-z0-9][a-z0-9+.-]+", alternative.strip()), prefix


def test_qt_and_python_are_never_taken_from_the_system() -> None:
    prefixes = tuple(system_libraries())
    bundled_names = ["libQt6Core.so.6", "libpython3.11.so.1.0", "libicudata.so.73"]
    bundled_names += ["libssl.so.3", "libsqlite3.so.0", "libxcb-cursor.so.0"]
    for bundled in bundled_names:
        assert not bundled.startswith(prefixes), bundled
