"""``python -m casetracker.i18n update`` refreshes the .ts files from the code (pyside6-lupdate);
``python -m casetracker.i18n build`` compiles them into the package (pyside6-lrelease)."""

import sys

from casetracker.i18n import catalog


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        catalog.update()
        return 0
    if argv == ["build"]:
        for path in catalog.build():
            print(path)
        return 0
    print("usage: python -m casetracker.i18n update|build", file=sys.stderr)
    return 2


sys.exit(main(sys.argv[1:]))
