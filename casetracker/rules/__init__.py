"""Rules that watch every case and raise flags: pure functions of the case data and a date.

Nothing here writes to the vault or knows about Qt. ``snapshot.load_facts`` reads everything the
rules need in a few bulk queries; each rule module turns those facts into ``Flag``s; ``engine``
runs them all and sorts the result worst first. What caseworkers did about a flag (acknowledged,
snoozed) is kept by ``casetracker.services.flags``, not here.
"""
