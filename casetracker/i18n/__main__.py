"""``python -m casetracker.i18n update`` refreshes the .ts files from the code (pyside6-lupdate);
``python -m casetracker.i18n build`` compiles them into the package (pyside6-lrelease);
``python -m casetracker.i18n pending`` lists the Russian messages still untranslated;
``python -m casetracker.i18n translate FILE.json`` refreshes, then writes the translations in
FILE ({context: {source: text or [plural forms]}}).

``update`` and ``translate`` hold a lock on the catalogue folder, so two of them run one after
the other instead of overwriting each other's work.
"""

import json
import sys
from pathlib import Path

from casetracker.i18n import catalog, ts_file


def _locked() -> object:
    catalog.TS_DIR.mkdir(parents=True, exist_ok=True)
    handle = open(catalog.TS_DIR / ".lock", "w")  # noqa: SIM115 - held until exit
    if sys.platform == "win32":  # no fcntl there: `build` runs in the Windows release job
        import msvcrt

        while True:  # LK_LOCK gives up after 10 tries a second apart; flock waits on
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                break
            except OSError:
                continue
    else:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        _lock = _locked()
        catalog.update()
        return 0
    if argv == ["build"]:
        for path in catalog.build():
            print(path)
        return 0
    if argv == ["pending"]:
        for m in ts_file.unfinished(catalog.ts_path("ru")):
            print(json.dumps([m.context, m.source, m.numerus], ensure_ascii=False))
        return 0
    if len(argv) == 2 and argv[0] == "translate":
        given = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        _lock = _locked()
        catalog.update()
        print(ts_file.fill(catalog.ts_path("ru"), given), "translations written")
        catalog.update()  # back in lupdate's own layout, so the next diff shows only content
        return 0
    print(
        "usage: python -m casetracker.i18n update|build|pending|translate FILE.json",
        file=sys.stderr,
    )
    return 2


sys.exit(main(sys.argv[1:]))
