"""The Russian catalogue is complete and current, and every user-visible string reaches it.

Extraction is pyside6-lupdate's own (run here on the package), so a string wrapped in a form
lupdate cannot see, a new string without a translation, or a translation whose source vanished
from the code all fail a test. The AST checks catch strings that were never wrapped at all.
"""

import argparse
import ast
import inspect
import re
import subprocess
from pathlib import Path

import pytest

from casetracker.cli import argparse_words
from casetracker.i18n import catalog, ts_file

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "casetracker"
RU = catalog.ts_path("ru")
EN = catalog.ts_path("en")
#: {name}, %1, %n, %(name)s, %s, %r: what the code fills in, so every translation keeps them.
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d|%n|%\([a-z_]+\)[sr]|%[sr]")


def _sources(path: Path) -> set[tuple[str, str, str, bool]]:
    return {(m.context, m.source, m.comment, m.numerus) for m in ts_file.read(path)}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str, str, bool]]:
    lupdate = catalog.find_tool("lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path_factory.mktemp("lupdate") / "fresh_ru.ts"
    subprocess.run(
        [lupdate, "-silent", "-extensions", "py", "-locations", "none", "-no-obsolete",
         "-source-language", "en", "-target-language", "ru", str(PACKAGE), "-ts", str(fresh)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return _sources(fresh)


def test_the_catalogue_holds_exactly_the_strings_in_the_code(extracted: set) -> None:
    committed = _sources(RU)
    missing = sorted(extracted - committed)
    vanished = sorted(committed - extracted)
    hint = "run `python -m casetracker.i18n update`, then translate in Qt Linguist"
    assert not missing, f"not in resources/translations ({hint}): {missing[:10]}"
    assert not vanished, f"no longer in the code ({hint}): {vanished[:10]}"


def test_every_russian_message_is_translated() -> None:
    unfinished = []
    for m in ts_file.read(RU):
        forms = ts_file.PLURAL_FORMS["ru"] if m.numerus else 1
        if m.state or len(m.translations) != forms or not all(t.strip() for t in m.translations):
            unfinished.append((m.context, m.source))
    assert not unfinished, f"{len(unfinished)} untranslated, e.g. {unfinished[:10]}"


def test_english_plurals_have_both_forms() -> None:
    ru_plurals = {(m.context, m.source) for m in ts_file.read(RU) if m.numerus}
    en = {(m.context, m.source): m for m in ts_file.read(EN)}
    assert set(en) == ru_plurals
    for m in en.values():
        assert not m.state and len(m.translations) == 2 and all(m.translations), m.source


def test_translations_keep_every_placeholder() -> None:
    broken = []
    for m in ts_file.read(RU):
        wanted = sorted(PLACEHOLDER.findall(m.source))
        for text in m.translations:
            got = sorted(PLACEHOLDER.findall(text))
            if m.numerus:  # a plural form may spell the number out ("одно") instead of %n
                wanted_, got = [p for p in wanted if p != "%n"], [p for p in got if p != "%n"]
            else:
                wanted_ = wanted
            if got != wanted_:
                broken.append((m.context, m.source, text))
    assert not broken, broken[:5]


def test_accelerators_survive_translation() -> None:
    for m in ts_file.read(RU):
        if re.search(r"&(?!&)\w", m.source):
            assert all(re.search(r"&(?!&)\w", t) for t in m.translations), m.source


# -- the code side: wrapped, and in forms lupdate extracts ----------------------------------
def _python_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_translate_calls_use_forms_lupdate_extracts() -> None:
    """Literal context and text; plurals through ``self.tr`` or a ``Context`` named as itself.

    lupdate reads ``translate("ctx", "text", "", n)`` as a plural only when n is a number
    literal, and ``name.tr(text, "", n)`` takes its context from ``name``.
    """
    problems = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        contexts = {
            t.id: node.value.args[0].value
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and _name(node.value.func) == "Context"
            and node.value.args
            and _literal(node.value.args[0])
            for t in node.targets
            if isinstance(t, ast.Name)
        }
        marked = {
            node.args[0].value
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and _name(node.func) == "QT_TRANSLATE_NOOP"
            and node.args
            and _literal(node.args[0])
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            name = _name(node.func)
            is_translate = name == "translate" and (
                isinstance(node.func, ast.Name)
                or (
                    isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "QCoreApplication"
                )
            )
            if is_translate and path.name != "translation.py" and "i18n" not in path.parts:
                if not node.args or not _literal(node.args[0]):
                    problems.append(f"{where}: the context must be a literal")
                    continue
                if len(node.args) > 3 or any(k.arg == "n" for k in node.keywords):
                    problems.append(f"{where}: plurals go through a Context's tr()")
                if len(node.args) > 1 and not _literal(node.args[1]):
                    # Re-translating a string marked elsewhere with QT_TRANSLATE_NOOP.
                    context = node.args[0].value  # type: ignore[attr-defined]
                    if context not in marked and context not in ("settings", "sharing"):
                        problems.append(f"{where}: text lupdate cannot see ({context})")
            if name == "tr" and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                if (
                    isinstance(owner, ast.Name)
                    and owner.id != "self"
                    and contexts.get(owner.id) != owner.id
                ):
                    problems.append(f"{where}: {owner.id} must be Context({owner.id!r})")
                if node.args and not _literal(node.args[0]):
                    problems.append(f"{where}: tr() of a text lupdate cannot see")
            if name == "tr" and isinstance(node.func, ast.Name):
                problems.append(f"{where}: bare tr(); lupdate misreads it, use translate()")
    assert not problems, "\n".join(problems)


#: Qt calls that put their (first) string argument on screen.
SINKS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setAccessibleName",
    "setAccessibleDescription", "setStatusTip", "setWhatsThis", "addItem", "addItems",
    "setTitle", "setHorizontalHeaderLabels", "setHeaderLabels", "addTab", "insertTab",
    "setTabText", "setTabToolTip", "setSuffix", "setPrefix", "setSpecialValueText", "addRow",
    "insertRow", "setInformativeText", "setDetailedText", "showMessage", "setLabelText",
    "setItemText", "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox",
    "QAction", "QMenu", "QToolBar", "QToolButton", "QTableWidgetItem", "QListWidgetItem",
    "QStandardItem", "warning", "information", "question", "critical", "addButton",
    "setButtonText", "addMenu", "addAction", "insertItem", "open_file", "save_file", "Column",
}  # fmt: skip
#: Shown as they are: language names in their own language, a key's prefix.
UNTRANSLATED = {"English", "Русский", "age1…"}


def _visible_literal(node: ast.expr) -> bool:
    """A literal with words in it (tags of rich text removed), or an f-string with words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = re.sub(r"<[^>]*>", "", node.value)
        return bool(re.search(r"[^\W\d_]{2,}", text)) and node.value not in UNTRANSLATED
    if isinstance(node, ast.JoinedStr):
        return any(_visible_literal(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _visible_literal(node.left) or _visible_literal(node.right)
    if isinstance(node, ast.IfExp):
        return _visible_literal(node.body) or _visible_literal(node.orelse)
    if isinstance(node, ast.Call) and _name(node.func) in ("format", "replace", "join"):
        owner = node.func.value if isinstance(node.func, ast.Attribute) else None
        return owner is not None and _visible_literal(owner)
    return False


def test_gui_strings_on_screen_are_wrapped_in_tr() -> None:
    problems = []
    for path in sorted((PACKAGE / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in SINKS:
                shown = list(node.args[:1]) if _name(node.func) == "addItem" else node.args
                for arg in [*shown, *(k.value for k in node.keywords if k.arg != "data")]:
                    if _visible_literal(arg):
                        problems.append(
                            f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(arg)}"
                        )
    assert not problems, "\n".join(problems)


def test_every_cli_option_and_command_has_translated_help() -> None:
    problems = []
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in ("add_argument", "add_parser"):
                if path.name == "parsing.py":
                    continue  # the seam that forwards help= it was given
                helps = [k.value for k in node.keywords if k.arg == "help"] or [ast.Constant("")]
                ok = (
                    helps and isinstance(helps[0], ast.Call) and _name(helps[0].func) == "translate"
                )
                if not ok:
                    problems.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not problems, problems


def test_argparse_words_cover_this_pythons_argparse() -> None:
    """Every message argparse asks gettext for is in the catalogue (context "argparse")."""
    tree = ast.parse(inspect.getsource(argparse))
    asked = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and _name(node.func) == "_"
        and node.args
        and _literal(node.args[0])
    }
    assert asked - set(argparse_words.MESSAGES) == set()


def test_lrelease_builds_catalogues_that_qt_loads(tmp_path: Path) -> None:
    """The packaging step (``python -m casetracker.i18n build``) and the in-memory fallback."""
    from PySide6.QtCore import QTranslator

    if catalog.find_tool("lrelease") is None:
        pytest.skip("pyside6-lrelease is not installed")
    built = {path.name: path.read_bytes() for path in catalog.build(tmp_path)}
    assert set(built) == {"casetracker_en.qm", "casetracker_ru.qm"}
    for data in (built["casetracker_ru.qm"], catalog.compile_ts(RU)):
        translator = QTranslator()
        assert translator.load(data)
        assert translator.translate("rules", "%n day(s)", None, 22) == "%n дня"
        assert translator.translate("UnlockPage", "Unlock") == "Разблокировать"


def test_no_code_comment_is_read_as_a_note_for_translators() -> None:
    """pyside6-lupdate hands a '#:' comment to the translator, glued to the next string."""
    package = Path(catalog.PACKAGE_ROOT)
    found = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.lstrip().startswith("#:")
    ]
    assert found == []
