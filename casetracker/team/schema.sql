-- Casetracker team server, schema version 1 (docs/team.md, "Running the server").
--
-- The server keeps opaque bytes only: one append-only chain of sealed, signed records, the data
-- key wrapped to each member, and join requests. Clients verify everything; the server's job is
-- to let each member's login role append and read, and nothing else.
--
-- Run once per team, in the team's own database, as its owner: a login role with CREATEROLE
-- (never a superuser: the definer functions below run with its rights). Role names are
-- cluster-wide, so every role of a team starts with the team's prefix. The client does this at
-- `casetracker team init VAULT --server DSN`; a DBA may run the same file with psql:
--
--   psql -v ON_ERROR_STOP=1 --single-transaction -v prefix=ct_1a2b3c4d \
--        -f schema.sql "host=HOST dbname=DB user=OWNER sslmode=verify-full"
--
-- The prefix: a lower-case letter, then 1 to 30 of a-z, 0-9 and "_". The client reads the
-- lines below that start with "\set" as psql does, and nothing else of psql's.

\set member_role :prefix '_member'
\set admin_role :prefix '_admin'
\set channel :prefix '_log'

CREATE SCHEMA casetracker;
REVOKE ALL ON SCHEMA casetracker FROM PUBLIC;

-- What a member connecting later needs to know: the prefix names the group roles and the
-- channel of news; the version says which of these statements made the tables.
CREATE TABLE casetracker.team (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    prefix text NOT NULL CHECK (prefix ~ '^[a-z][a-z0-9_]{1,30}$'),
    schema_version integer NOT NULL
);
INSERT INTO casetracker.team (prefix, schema_version) VALUES (:'prefix', 1);

CREATE ROLE :"member_role" NOLOGIN;
CREATE ROLE :"admin_role" NOLOGIN IN ROLE :"member_role";
GRANT USAGE ON SCHEMA casetracker TO :"member_role";
GRANT SELECT ON casetracker.team TO :"member_role";

-- The chain: kind 1 = a signed member list, 2 = a change set. Nobody but the owner may change
-- or remove a row; clients notice if the owner does (every record is signed and chained).
-- Bodies are limited as the client limits a record (64 MiB), keys and requests to 1 MiB.
CREATE TABLE casetracker.log (
    seq bigint PRIMARY KEY CHECK (seq > 0),
    kind smallint NOT NULL CHECK (kind IN (1, 2)),
    author name NOT NULL DEFAULT current_user,
    body bytea NOT NULL CHECK (octet_length(body) <= 64 * 1024 * 1024),
    received_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE casetracker.log ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON casetracker.log TO :"member_role";
-- author and received_at always take their defaults: a member names neither.
GRANT INSERT (seq, kind, body) ON casetracker.log TO :"member_role";
CREATE POLICY members_read ON casetracker.log FOR SELECT TO :"member_role" USING (true);
CREATE POLICY members_append_change_sets ON casetracker.log FOR INSERT TO :"member_role"
    WITH CHECK (author = current_user AND kind = 2);
CREATE POLICY admins_append ON casetracker.log FOR INSERT TO :"admin_role"
    WITH CHECK (author = current_user);

-- Only the next number: a row past the end would leave a gap, one at or before it is taken.
-- Two members appending the same number at once: the primary key lets one in and gives the
-- other a unique violation, never two rows. Runs as the owner so that it sees every row.
CREATE FUNCTION casetracker.log_next_only() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    head bigint;
BEGIN
    SELECT coalesce(max(seq), 0) INTO head FROM casetracker.log;
    IF NEW.seq <= head THEN
        RAISE EXCEPTION 'record % is taken', NEW.seq USING ERRCODE = 'unique_violation';
    ELSIF NEW.seq > head + 1 THEN
        RAISE EXCEPTION 'record % would leave a gap after %', NEW.seq, head
            USING ERRCODE = 'CTGAP';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER log_next_only BEFORE INSERT ON casetracker.log
    FOR EACH ROW EXECUTE FUNCTION casetracker.log_next_only();

-- Tells listening members that record NEW.seq arrived (sent when the insert commits).
CREATE FUNCTION casetracker.log_notify() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], NEW.seq::text);
    RETURN NULL;
END $$;
CREATE TRIGGER log_notify AFTER INSERT ON casetracker.log
    FOR EACH ROW EXECUTE FUNCTION casetracker.log_notify(:'channel');

-- The team's data key of each epoch, wrapped to one member's key. Admins write them; a member
-- reads its own.
-- One row per administrator who wrapped it: a key stored ahead by one (a removed administrator
-- expecting his removal) never blocks the key of the one who rotates; the member takes the key
-- of the administrator who signed the list that brought the epoch (services/team.py).
CREATE TABLE casetracker.wrapped_key (
    epoch integer NOT NULL CHECK (epoch >= 0),
    member name NOT NULL,
    wrapped_by name NOT NULL DEFAULT current_user,
    body bytea NOT NULL CHECK (octet_length(body) <= 1024 * 1024),
    PRIMARY KEY (epoch, member, wrapped_by)
);
ALTER TABLE casetracker.wrapped_key ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON casetracker.wrapped_key TO :"member_role";
GRANT INSERT (epoch, member, body) ON casetracker.wrapped_key TO :"admin_role";
CREATE POLICY members_read_their_own ON casetracker.wrapped_key FOR SELECT TO :"member_role"
    USING (member = current_user);
CREATE POLICY admins_read ON casetracker.wrapped_key FOR SELECT TO :"admin_role" USING (true);
CREATE POLICY admins_write ON casetracker.wrapped_key FOR INSERT TO :"admin_role"
    WITH CHECK (wrapped_by = current_user);

-- A new member's public keys, sent once, for an admin to add to the signed member list.
CREATE TABLE casetracker.join_request (
    member name PRIMARY KEY DEFAULT current_user,
    body bytea NOT NULL CHECK (octet_length(body) <= 1024 * 1024),
    received_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE casetracker.join_request ENABLE ROW LEVEL SECURITY;
GRANT INSERT (body) ON casetracker.join_request TO :"member_role";
GRANT SELECT ON casetracker.join_request TO :"admin_role";
CREATE POLICY members_ask_for_themselves ON casetracker.join_request FOR INSERT
    TO :"member_role" WITH CHECK (member = current_user);
CREATE POLICY admins_read ON casetracker.join_request FOR SELECT TO :"admin_role" USING (true);

-- Member roles. create_member and remove_member run as the owner (who has CREATEROLE), so they
-- check that the session's user is an admin of this team (or the owner, who makes the first
-- admin) and touch only this team's member roles: the prefix, "_", then 1 to 30 of a-z and 0-9.
-- The two helpers run only inside them.
CREATE FUNCTION casetracker.may_manage_members() RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT session_user = current_user
        OR pg_has_role(session_user, (SELECT prefix || '_admin' FROM casetracker.team), 'MEMBER')
$$;

CREATE FUNCTION casetracker.checked_member_role(role_name text) RETURNS text
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    team_prefix text := (SELECT prefix FROM casetracker.team);
BEGIN
    IF NOT casetracker.may_manage_members() THEN
        RAISE EXCEPTION 'only an admin of this team may manage its members'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF role_name IS NULL
       OR role_name !~ '^[a-z0-9_]{1,50}$'
       OR left(role_name, length(team_prefix) + 1) <> team_prefix || '_'
       OR substr(role_name, length(team_prefix) + 2) !~ '^[a-z0-9]{1,30}$'
       OR role_name IN (team_prefix || '_member', team_prefix || '_admin', team_prefix || '_log')
    THEN
        RAISE EXCEPTION 'not a member role name of this team'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN team_prefix;
END $$;

-- verifier: the SCRAM-SHA-256 verifier the client computed, so the password itself never
-- reaches the server or its statement log.
-- Who made each login: a removal closes the logins the removed member made that no member
-- list names (one made on the side), and leaves other administrators' invitations alone.
CREATE TABLE casetracker.login (
    role name PRIMARY KEY,
    made_by name NOT NULL
);
GRANT SELECT ON casetracker.login TO :"admin_role";

CREATE FUNCTION casetracker.create_member(role_name text, verifier text, admin boolean)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    team_prefix text := casetracker.checked_member_role(role_name);
BEGIN
    IF verifier IS NULL
       OR verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$'
    THEN
        RAISE EXCEPTION 'the password must arrive as a SCRAM-SHA-256 verifier'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format(
        'CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
        'INHERIT PASSWORD %L IN ROLE %I',
        role_name, verifier, team_prefix || '_member');
    IF admin THEN
        EXECUTE format('GRANT %I TO %I', team_prefix || '_admin', role_name);
    END IF;
    INSERT INTO casetracker.login (role, made_by) VALUES (role_name, session_user);
END $$;

-- Keeps the role (its name stays the author of its past records) but it can no longer log in,
-- read or append; its open sessions are ended where the owner may.
CREATE FUNCTION casetracker.remove_member(role_name text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    team_prefix text := casetracker.checked_member_role(role_name);
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
        RAISE EXCEPTION 'no such member' USING ERRCODE = 'undefined_object';
    END IF;
    -- Only a member of this team: a login role that merely has the prefix in its name (an
    -- owner a DBA called <prefix>_owner) is none of an admin's business. Removing a member
    -- already removed does nothing, so that a removal cut short may be tried again.
    IF NOT pg_has_role(role_name, team_prefix || '_member', 'MEMBER') THEN
        IF (SELECT rolcanlogin FROM pg_roles WHERE rolname = role_name) THEN
            RAISE EXCEPTION 'not a member of this team' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN;
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN PASSWORD NULL', role_name);
    IF pg_has_role(role_name, team_prefix || '_admin', 'MEMBER') THEN
        EXECUTE format('REVOKE %I FROM %I', team_prefix || '_admin', role_name);
    END IF;
    IF pg_has_role(role_name, team_prefix || '_member', 'MEMBER') THEN
        EXECUTE format('REVOKE %I FROM %I', team_prefix || '_member', role_name);
    END IF;
    -- A membership granted by someone else (a DBA, by hand) survives REVOKE with a warning
    -- only: then nothing is changed and the admin is told, never left believing it is done.
    IF pg_has_role(role_name, team_prefix || '_member', 'MEMBER') THEN
        RAISE EXCEPTION 'the member''s rights were granted by hand; a DBA must revoke them'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- Ending another role's session takes that role's rights: held for this moment only.
    BEGIN
        EXECUTE format('GRANT %I TO %I', role_name, current_user);
        PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = role_name;
        EXECUTE format('REVOKE %I FROM %I', role_name, current_user);
    EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
        NULL;  -- its rights are gone already: an open session can read and write nothing
    END;
END $$;

-- Only members (and the owner) may connect; on PostgreSQL 13 and 14 nobody else may create
-- objects in "public". Both need the owner to own the database; where it does not, a DBA may
-- run these two statements by hand (docs/team.md).
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(),
                   (SELECT prefix || '_member' FROM casetracker.team));
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'the team role does not own this database: CONNECT left as it was';
END $$;
DO $$
BEGIN
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
EXCEPTION WHEN insufficient_privilege OR invalid_schema_name THEN
    RAISE NOTICE 'schema public left as it was';
END $$;

REVOKE ALL ON FUNCTION casetracker.log_next_only() FROM PUBLIC;
REVOKE ALL ON FUNCTION casetracker.log_notify() FROM PUBLIC;
REVOKE ALL ON FUNCTION casetracker.may_manage_members() FROM PUBLIC;
REVOKE ALL ON FUNCTION casetracker.checked_member_role(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION casetracker.create_member(text, text, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION casetracker.remove_member(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION casetracker.create_member(text, text, boolean) TO :"admin_role";
GRANT EXECUTE ON FUNCTION casetracker.remove_member(text) TO :"admin_role";
