"""The long adversarial suite: kill -9 torture, full disks, fuzzing, leak scan, lock.

Run it with ``python -m torture.run`` (see ``torture/run.py`` and docs/security.md). The fast
parts of the same checks run in the normal test run from ``tests/adversarial/``, which call
into these modules with small budgets.

Nothing here is imported by the app. It drives the app's own code paths (``Workspace``,
``VaultFile``, the sharing services) the way the GUI and the CLI do, and the real processes
themselves: ``python -m casetracker`` (kills_cli.py) and the GUI typed into (kills_gui.py).
"""
