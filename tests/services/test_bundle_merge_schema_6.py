"""Merge bases from before schema 6 (a digest only) keep working after the upgrade, and the
field-by-field rule itself (``weigh``) never touches a field only we changed."""

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import select

from casetracker.model import SCHEMA_VERSION, MergeBase
from casetracker.services.bundle_merge import weigh
from casetracker.services.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.services.test_bundle_merge_round_trip import receive, send
from tests.sharing.conftest import introduce, make_workspace


def test_a_schema_5_base_still_tells_their_edit_from_ours(tmp_path: Path) -> None:
    a = make_workspace(tmp_path / "a" / "a.ctvault", "anna")
    b_path = tmp_path / "b" / "b.ctvault"
    b = make_workspace(b_path, "boris")
    introduce(a, b)
    try:
        ref = a.cases.create("Иванов Иван Иванович", military_unit="в/ч 21005").ref
        receive(b, send(a, b, ref, recorded=False))
        with b.session() as session:  # as the release before schema 6 left it
            session.execute(text("ALTER TABLE mergebase DROP COLUMN shared_values"))
            session.execute(text("ALTER TABLE mergebase DROP COLUMN versions_seen"))
            session.execute(text("UPDATE meta SET value = '5' WHERE key = 'schema_version'"))
        b.close(save=True)
        b = Workspace.open(b_path, passphrase=PASSPHRASE)
        with b.reading() as session:
            version = session.execute(
                text("SELECT value FROM meta WHERE key = 'schema_version'")
            ).scalar_one()
            bases = session.exec(select(MergeBase)).all()
        assert int(version) == SCHEMA_VERSION == 6
        assert bases and all(m.shared_values == "" and m.digest for m in bases)

        a.cases.update(ref, lawyer="адв. Петрова")
        report = receive(b, send(a, b, ref))
        assert report.conflicts == [] and report.updated["cases"] == 1
        assert b.cases.get(ref).lawyer == "адв. Петрова"
        with b.reading() as session:
            case_id = b.cases.get(ref).id
            base = session.get(MergeBase, ("cases", case_id))
            assert base is not None
            assert json.loads(base.shared_values)["lawyer"] == "адв. Петрова"
    finally:
        a.close(save=False)
        b.close(save=False)


_VALUE = st.sampled_from(["", "a", "b", "c", None])
_FIELDS = ("x", "y", "z")


@settings(max_examples=300, deadline=None)
@given(
    theirs=st.fixed_dictionaries({n: _VALUE for n in _FIELDS}),
    ours=st.fixed_dictionaries({n: _VALUE for n in _FIELDS}),
    ancestor=st.dictionaries(st.sampled_from(_FIELDS), _VALUE),
)
def test_a_field_is_changed_only_when_only_they_changed_it(
    theirs: dict[str, str | None], ours: dict[str, str | None], ancestor: dict[str, str | None]
) -> None:
    taken, conflicting = weigh(theirs, ours, ancestor)
    assert not set(taken) & set(conflicting)
    for name in _FIELDS:
        known = name in ancestor
        if name in taken:
            assert known and ours[name] == ancestor[name] != theirs[name]
        elif theirs[name] != ours[name]:
            # Not taken: only we changed it (kept), or it is listed for a person.
            only_ours = known and theirs[name] == ancestor[name]
            assert only_ours or name in conflicting
        if name in conflicting:
            assert theirs[name] != ours[name]
            assert not known or (ours[name] != ancestor[name] != theirs[name])
