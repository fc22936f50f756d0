"""Casetracker: encrypted case tracking for organisations supporting detained soldiers."""

__version__ = "0.1.0"
