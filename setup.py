"""The one build step pyproject.toml cannot declare: the translations compiled into the wheel.

Every wheel (``pip install .``, ``python -m build``, a wheel built from the sdist) runs
``build_py``; this one then compiles ``resources/translations/casetracker_<lang>.ts`` into
``casetracker/i18n/translations/casetracker_<lang>.qm`` in the build tree, with the same
``catalog.build`` the installers call (``pyside6-lrelease``, from the PySide6-Essentials that
[build-system] requires), so an installed copy runs in Russian without the .ts sources.
An editable install skips it: a checkout compiles its .ts in memory at start.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        # This tree's package, not an installed one; catalog needs only QtCore, a build
        # requirement, besides the standard library.
        sys.path.insert(0, str(ROOT))
        from casetracker.i18n import catalog

        catalog.build(Path(self.build_lib, "casetracker", "i18n", "translations"))


setup(cmdclass={"build_py": BuildPyWithTranslations})
