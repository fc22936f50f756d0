"""Performance suite for Casetracker, run on its own (never by the normal ``pytest`` run).

``python -m benchmarks.generate --cases 20000 -o org.ctvault`` makes a synthetic organisation;
``python -m benchmarks.run`` measures everything in docs/performance.md. See benchmarks/README.md.
"""
