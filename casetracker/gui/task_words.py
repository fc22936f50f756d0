"""A task's due day in words, alike on Today and in the case's Tasks tab."""

from datetime import date

from casetracker.gui.locale_format import date_text
from casetracker.i18n import Context
from casetracker.model import Task

# Plural words about tasks (named as its context: pyside6-lupdate reads the name).
task_words = Context("task_words")


def due_text(task: Task, today: date, *, with_day: bool = True) -> str:
    """ "12.08.2024 · 3 days overdue", "05.08.2024 · today"; without ``with_day`` the words
    alone ("in 2 days"); "no day" when it has none."""
    if task.due_on is None:
        return task_words.tr("no day")
    day = date_text(task.due_on)
    if task.done_on is not None:
        return day
    days = (task.due_on - today).days
    if days < 0:
        when = task_words.tr("%n day(s) overdue", "", -days)
    elif days == 0:
        when = task_words.tr("today")
    elif days == 1:
        when = task_words.tr("tomorrow")
    else:
        when = task_words.tr("in %n day(s)", "", days)
    return f"{day} · {when}" if with_day else when
