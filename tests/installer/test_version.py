"""The installers are named and stamped with the package's own version."""

import casetracker
from installer.layout import app_version


def test_build_reads_the_same_version_as_the_package() -> None:
    assert app_version() == casetracker.__version__
