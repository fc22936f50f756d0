"""Property: evaluating the rules never changes a byte of the vault's data."""

from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casetracker.model import CaseStatus
from casetracker.services.flags import FlagService
from casetracker.services.workspace import Workspace
from casetracker.storage.database import snapshot

from .conftest import AS_OF, at, on

contact = st.tuples(
    st.integers(0, 60), st.integers(0, 23), st.booleans(), st.booleans()
)  # days before AS_OF, hour, direct, reports a transfer
case_spec = st.fixed_dictionaries(
    {
        "status": st.sampled_from(list(CaseStatus)),
        "status_days": st.integers(0, 90),
        "detention_days": st.none() | st.integers(0, 90),
        "lawyer": st.sampled_from(["", "адв. Петрова Е."]),
        "contacts": st.lists(contact, max_size=4),
        "custody": st.none() | st.tuples(st.integers(0, 1), st.integers(0, 60), st.booleans()),
    }
)


def _add(ws: Workspace, places: list[Any], spec: dict[str, Any]) -> None:
    days = spec["detention_days"]
    case = ws.cases.create(
        "Смирнов Максим",
        status=spec["status"],
        status_on=on(spec["status_days"]),
        detention_date=None if days is None else on(days),
        lawyer=spec["lawyer"],
    )
    for days_before, hour, direct, transfer in spec["contacts"]:
        ws.contacts.log(case.ref, at(days_before, hour), direct=direct, reports_transfer=transfer)
    if spec["custody"] is not None:
        place, since, ended = spec["custody"]
        ws.custody.move(case.ref, places[place].id, since=on(since))
        if ended:
            ws.custody.end(case.ref, on(max(0, since - 3)))


def test_evaluating_rules_never_changes_data(ws: Workspace) -> None:
    flags = FlagService(ws)
    places = [ws.facilities.create("Подвал комендатуры"), ws.facilities.create("СИЗО-1")]

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        specs=st.lists(case_spec, min_size=1, max_size=5),
        later=st.integers(-30, 60),
        snooze=st.none() | st.integers(1, 10),
    )
    def check(specs: list[dict[str, Any]], later: int, snooze: int | None) -> None:
        for spec in specs:
            _add(ws, places, spec)
        raised = flags.evaluate(AS_OF)
        if raised and raised[0].case_ref:  # some bookkeeping for the review to read
            flags.acknowledge(
                raised[0].rule, case=raised[0].case_ref, note="n", snooze_days=snooze, as_of=AS_OF
            )
        before, dirty = snapshot(ws.engine), ws.dirty
        as_of = AS_OF + timedelta(days=later)
        flags.evaluate(as_of)
        flags.review(as_of)
        flags.open_flags(as_of)
        assert snapshot(ws.engine) == before
        assert ws.dirty == dirty

    check()
