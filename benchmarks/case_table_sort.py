"""The Cases table alone at 100,000 rows: fill, header sorts and search keystrokes, in seconds.

The whole run (``benchmarks.run``) needs a generated vault and a quarter of an hour; this
measures just the table's own work on synthetic rows shaped like the demo's (Cyrillic names,
references past CT-9999, empty places and caseworkers), through the real ``CasesView`` as a
person drives it: rows set, a header clicked (``sortByColumn``), a search's rows set while a
column is sorted. Each figure includes the table's repaint (``processEvents``).

    python -m benchmarks.case_table_sort              # 100,000 rows
    python -m benchmarks.case_table_sort --rows 20000
"""

import argparse
import json
import os
import random
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from benchmarks.timing import median, seconds

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CASETRACKER_LANGUAGE", "en")

#: Prefixes typed into the search: each a keystroke whose rows replace the table's.
PREFIXES = ("С", "См", "Сми", "Смир", "Ф", "Фё", "Фёд")


def synthetic_rows(count: int) -> list[Any]:
    from casetracker.model import CaseStatus
    from casetracker.model.uncertain_date import UncertainDate
    from casetracker.services.cases import CaseRow
    from casetracker.services.demo import CASEWORKERS, FIRST_NAMES, PATRONYMICS, SURNAMES

    rng = random.Random(18)
    today = datetime.combine(date.today(), datetime.min.time())
    statuses = list(CaseStatus)
    places = ["", "СИЗО-1 Курск", "Подвал в Брянке", "ИК-2 Рязань", "Unknown site 7"]
    rows = []
    for i in range(count):
        name = f"{rng.choice(SURNAMES)} {rng.choice(FIRST_NAMES)} {rng.choice(PATRONYMICS)}"
        heard = None if i % 9 == 0 else today - timedelta(days=rng.randrange(400))
        detained = (
            None
            if i % 7 == 0
            else UncertainDate.day(date(2022, 1, 1) + timedelta(rng.randrange(900)))
        )
        rows.append(
            CaseRow(
                id=uuid.uuid4(),
                ref=f"CT-{i + 1:04d}",
                full_name=name.upper() if i % 50 == 0 else name,
                status=statuses[i % len(statuses)],
                facility=places[i % len(places)],
                facility_id=None,
                last_contact=heard,
                last_proof_of_life=heard,
                caseworker=(*CASEWORKERS, "")[i % (len(CASEWORKERS) + 1)],
                military_unit="",
                home_region="",
                priority="normal",
                detained=detained,
            )
        )
    rng.shuffle(rows)
    return rows


def measure(count: int) -> dict[str, Any]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from casetracker.gui.views.cases_view import CasesView

    app = QApplication.instance() or QApplication([])
    rows = synthetic_rows(count)
    view = CasesView()
    view.resize(1100, 760)
    view.show()
    app.processEvents()

    def timed(action: Any) -> float:
        def run() -> None:
            action()
            app.processEvents()

        return seconds(run)[0]

    table = view.table
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    fills = [timed(lambda: view.model.set_rows(rows)) for _ in range(3)]
    sorts: dict[str, float] = {}
    for column, name in enumerate(view.model.COLUMNS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            sorts[f"{name} {order.name[:-5].lower()}"] = timed(
                lambda c=column, o=order: table.sortByColumn(c, o)
            )
    keystrokes: dict[str, list[float]] = {}
    for column in (0, 1):  # by reference (as the view opens), then by name
        table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        view.model.set_rows(rows)
        times = []
        for prefix in PREFIXES:
            found = [r for r in rows if r.full_name.casefold().startswith(prefix.casefold())]
            times.append(timed(lambda f=found: view.model.set_rows(f)))
        times.append(timed(lambda: view.model.set_rows(rows)))  # the search cleared
        keystrokes[view.model.COLUMNS[column]] = times
    view.close()
    return {
        "rows": count,
        "fill_first": fills[0],  # the texts of the sort column ranked
        "fill_median": median(fills),
        "sort": sorts,
        "sort_worst": max(sorts.values()),
        "keystroke_by_ref": keystrokes["ref"],
        "keystroke_by_name": keystrokes["name"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    result = measure(parser.parse_args().rows)
    print(json.dumps(result, indent=1, default=lambda v: round(v, 3)))


if __name__ == "__main__":
    main()
