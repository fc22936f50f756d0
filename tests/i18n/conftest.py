"""i18n fixtures: Russian on demand, English (the tests' default) restored afterwards.

Translators are process-wide (the Qt application's, and the hook behind
``casetracker.i18n.translate``), so every test that switches language switches back.
"""

from collections.abc import Iterator

import pytest

from casetracker import i18n


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        from casetracker.gui import translation

        translation.install("en")
    i18n.install()


@pytest.fixture
def russian_hook() -> None:
    """Russian for the Qt-free code, the way the CLI installs it (no application object)."""
    from casetracker.i18n import catalog

    catalog.install_for_cli({"CASETRACKER_LANGUAGE": "ru"})


@pytest.fixture
def russian_gui(qapp: object) -> None:
    """The desktop app's Russian: Casetracker's catalogue, Qt's own, and ru_RU formats."""
    from casetracker.gui import translation

    translation.install("ru")
