"""Printing for the CLI, in one place so tests and translations have one seam."""

import sys


def out(text: str) -> None:
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    """One line on stderr, whatever the message held."""
    sys.stderr.write("casetracker: " + " ".join(text.split()) + "\n")
