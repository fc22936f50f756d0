"""One version number: the package's, which the installed metadata and the installers read."""

from importlib.metadata import version

import casetracker
from installer.layout import app_version


def test_the_version_has_one_source() -> None:
    assert version("casetracker") == casetracker.__version__ == app_version()
