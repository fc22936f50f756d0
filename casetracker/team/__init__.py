"""Team sync: one case base held by every member, through a server that sees no names.

The server (PostgreSQL) stores sealed, signed change sets in one hash chain; members' laptops
verify, decrypt and merge them (docs/team.md).
"""
