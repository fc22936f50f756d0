"""A request's deadline in words, alike in the case's Requests tab and the Requests section."""

from datetime import date

from casetracker.gui.locale_format import date_text
from casetracker.i18n import Context

# Plural words about requests (named as its context: pyside6-lupdate reads the name).
request_words = Context("request_words")


def lateness_text(due: date, days_late: int, *, with_day: bool = True) -> str:
    """ "due 31.07.2026 · 5 days late", "due 31.07.2026 · today", "… · 12 days left";
    without ``with_day`` the words alone."""
    if days_late > 0:
        when = request_words.tr("%n day(s) late", "", days_late)
    elif days_late == 0:
        when = request_words.tr("due today")
    else:
        when = request_words.tr("%n day(s) left", "", -days_late)
    if not with_day:
        return when
    return request_words.tr("due %1 · %2").replace("%1", date_text(due)).replace("%2", when)
