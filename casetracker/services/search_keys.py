"""Keeping the stored search keys in step with the transliteration rules.

Every searchable row stores a key built by ``search_text.build_key`` when it is written. When
the rules change (``search_text.KEY_VERSION``), keys written by an older release would no longer
meet the queries, so a vault rebuilds them all the first time a newer release opens it.
"""

from sqlalchemy import Engine
from sqlmodel import Session, select

from casetracker.model import Case, Facility, Meta, Relative
from casetracker.services.cases import case_search_key
from casetracker.services.facilities import facility_search_key
from casetracker.services.relatives import relative_search_key
from casetracker.services.search_text import KEY_VERSION

META_KEY = "search_key_version"


def refresh(engine: Engine) -> bool:
    """Rebuild every search key if they were made by other rules; True when anything changed.

    A plain session, not the audited one: a search key is derived data, not a change to record.
    """
    with Session(engine) as session:
        meta = session.get(Meta, META_KEY)
        if meta is not None and meta.value == str(KEY_VERSION):
            return False
        for case in session.exec(select(Case)):
            case.search_key = case_search_key(case)
        for facility in session.exec(select(Facility)):
            facility.search_key = facility_search_key(facility)
        for relative in session.exec(select(Relative)):
            relative.search_key = relative_search_key(relative)
        session.merge(Meta(key=META_KEY, value=str(KEY_VERSION)))
        session.commit()
    return True
