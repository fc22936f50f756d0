"""The PyInstaller spec: the Qt modules it keeps match what the code imports."""

import ast
import re

from installer.layout import ROOT, SPEC


def spec_constant(name: str) -> object:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not a literal in the spec")


def imported_qt_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "casetracker").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found.update(re.findall(r"^\s*(?:from|import) PySide6\.(Qt\w+)", text, re.M))
    return found


def test_every_qt_module_the_code_imports_is_kept_in_the_bundle() -> None:
    kept = spec_constant("QT_MODULES")
    assert isinstance(kept, set)
    missing = imported_qt_modules() - kept
    assert not missing, f"add {sorted(missing)} to QT_MODULES in installer/casetracker.spec"


def test_the_dossier_writer_and_the_widgets_are_kept() -> None:
    kept = spec_constant("QT_MODULES")
    assert isinstance(kept, set)
    assert {"QtCore", "QtGui", "QtWidgets"} <= kept  # QPdfWriter lives in QtGui


def test_offscreen_and_desktop_platforms_are_kept() -> None:
    plugins = spec_constant("PLUGINS")
    assert isinstance(plugins, dict)
    assert {"qoffscreen", "qxcb", "qwayland", "qwindows", "qcocoa"} <= plugins["platforms"]
    assert "qgtk3" not in plugins["platformthemes"]  # would bundle the build machine's GTK


def test_the_self_test_is_frozen_even_though_only_a_flag_reaches_it() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert '"casetracker.selftest"' in text
    assert 'copy_metadata("pyrage")' in text


def test_the_entry_point_is_the_packages_own_main() -> None:
    main = (ROOT / "casetracker" / "__main__.py").read_text(encoding="utf-8")
    assert "from casetracker.cli.main import main" in main
    assert 'ROOT / "casetracker" / "__main__.py"' in SPEC.read_text(encoding="utf-8")


def test_qt_translations_follow_the_languages_the_app_speaks() -> None:
    from casetracker.i18n.catalog import LANGUAGES

    assert "from casetracker.i18n.catalog import LANGUAGES" in SPEC.read_text(encoding="utf-8")
    assert "ru" in LANGUAGES
