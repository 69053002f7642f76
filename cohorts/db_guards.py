"""Database guards that span two tables, which a CHECK constraint cannot express:

- a cohort session falls within its cohort's dates (checked on the session, and on the cohort
  when its dates move);
- an attendance mark's session and enrolment belong to the same cohort;
- an attendance mark other than apologies is never recorded before its session starts
  (`recorded_at` against the session's `starts_at`, checked on the mark, and on the session
  when it moves). A trigger cannot know "now" reliably, so the services also check the moment
  itself (`AttendanceMark.refusal`); this guard stops a write that goes around them.

PostgreSQL compares the session's Europe/London date exactly. SQLite (the demo database) has no
time zones: it allows the session's UTC time an hour either side, which the model's clean()
checks exactly. SQLite drops a table's triggers when a migration rebuilds the table, so
`install_guards` also runs after every migrate (see apps.py); it is idempotent.
"""

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION cohorts_session_within_cohort() RETURNS trigger AS $$
DECLARE c_start date; c_end date;
BEGIN
    SELECT starts_on, ends_on INTO c_start, c_end FROM cohorts_cohort WHERE id = NEW.cohort_id;
    IF (NEW.starts_at AT TIME ZONE 'Europe/London')::date < c_start
       OR (NEW.ends_at AT TIME ZONE 'Europe/London')::date > c_end THEN
        RAISE EXCEPTION 'cohort session outside its cohort''s dates'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END; $$ LANGUAGE plpgsql;

CREATE TRIGGER cohorts_session_within_cohort
    BEFORE INSERT OR UPDATE ON cohorts_cohortsession
    FOR EACH ROW EXECUTE FUNCTION cohorts_session_within_cohort();

CREATE OR REPLACE FUNCTION cohorts_cohort_contains_sessions() RETURNS trigger AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM cohorts_cohortsession s WHERE s.cohort_id = NEW.id AND (
            (s.starts_at AT TIME ZONE 'Europe/London')::date < NEW.starts_on
            OR (s.ends_at AT TIME ZONE 'Europe/London')::date > NEW.ends_on)
    ) THEN
        RAISE EXCEPTION 'cohort dates would leave a session outside them'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END; $$ LANGUAGE plpgsql;

CREATE TRIGGER cohorts_cohort_contains_sessions
    AFTER UPDATE OF starts_on, ends_on ON cohorts_cohort
    FOR EACH ROW EXECUTE FUNCTION cohorts_cohort_contains_sessions();

CREATE OR REPLACE FUNCTION cohorts_mark_same_cohort() RETURNS trigger AS $$
BEGIN
    IF (SELECT cohort_id FROM cohorts_enrolment WHERE id = NEW.enrolment_id)
       IS DISTINCT FROM (SELECT cohort_id FROM cohorts_cohortsession WHERE id = NEW.session_id) THEN
        RAISE EXCEPTION 'attendance mark for a session of another cohort'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END; $$ LANGUAGE plpgsql;

CREATE TRIGGER cohorts_mark_same_cohort
    BEFORE INSERT OR UPDATE ON cohorts_attendancemark
    FOR EACH ROW EXECUTE FUNCTION cohorts_mark_same_cohort();

CREATE OR REPLACE FUNCTION cohorts_mark_after_start() RETURNS trigger AS $$
BEGIN
    IF NEW.status <> 'apologies' AND NEW.recorded_at <
            (SELECT starts_at FROM cohorts_cohortsession WHERE id = NEW.session_id) THEN
        RAISE EXCEPTION 'attendance mark recorded before its session started'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END; $$ LANGUAGE plpgsql;

CREATE TRIGGER cohorts_mark_after_start
    BEFORE INSERT OR UPDATE OF status, recorded_at, session_id ON cohorts_attendancemark
    FOR EACH ROW EXECUTE FUNCTION cohorts_mark_after_start();

CREATE OR REPLACE FUNCTION cohorts_session_after_marks() RETURNS trigger AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM cohorts_attendancemark m WHERE m.session_id = NEW.id
            AND m.status <> 'apologies' AND m.recorded_at < NEW.starts_at
    ) THEN
        RAISE EXCEPTION 'cohort session would start after attendance recorded for it'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END; $$ LANGUAGE plpgsql;

CREATE TRIGGER cohorts_session_after_marks
    AFTER UPDATE OF starts_at ON cohorts_cohortsession
    FOR EACH ROW EXECUTE FUNCTION cohorts_session_after_marks();
"""

POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS cohorts_session_after_marks ON cohorts_cohortsession;
DROP FUNCTION IF EXISTS cohorts_session_after_marks();
DROP TRIGGER IF EXISTS cohorts_mark_after_start ON cohorts_attendancemark;
DROP FUNCTION IF EXISTS cohorts_mark_after_start();
DROP TRIGGER IF EXISTS cohorts_mark_same_cohort ON cohorts_attendancemark;
DROP FUNCTION IF EXISTS cohorts_mark_same_cohort();
DROP TRIGGER IF EXISTS cohorts_cohort_contains_sessions ON cohorts_cohort;
DROP FUNCTION IF EXISTS cohorts_cohort_contains_sessions();
DROP TRIGGER IF EXISTS cohorts_session_within_cohort ON cohorts_cohortsession;
DROP FUNCTION IF EXISTS cohorts_session_within_cohort();
"""

# SQLite stores datetimes as UTC text; Europe/London is UTC+0 or UTC+1.
_SQLITE_SESSION_CHECK = """
    SELECT RAISE(ABORT, 'cohort session outside its cohort''s dates')
    WHERE date(NEW.starts_at, '+1 hours') < (SELECT starts_on FROM cohorts_cohort WHERE id = NEW.cohort_id)
       OR date(NEW.ends_at) > (SELECT ends_on FROM cohorts_cohort WHERE id = NEW.cohort_id);
"""
_SQLITE_MARK_CHECK = """
    SELECT RAISE(ABORT, 'attendance mark for a session of another cohort')
    WHERE (SELECT cohort_id FROM cohorts_enrolment WHERE id = NEW.enrolment_id)
       IS NOT (SELECT cohort_id FROM cohorts_cohortsession WHERE id = NEW.session_id);
"""
# julianday() reads both ways Django writes a datetime ("... 09:30:00" and "... 09:30:00.5").
_SQLITE_MARK_AFTER_START = """
    SELECT RAISE(ABORT, 'attendance mark recorded before its session started')
    WHERE NEW.status <> 'apologies' AND julianday(NEW.recorded_at) <
        (SELECT julianday(starts_at) FROM cohorts_cohortsession WHERE id = NEW.session_id);
"""
SQLITE_FORWARD = [
    f"CREATE TRIGGER IF NOT EXISTS cohorts_session_within_cohort_insert BEFORE INSERT ON cohorts_cohortsession "
    f"BEGIN {_SQLITE_SESSION_CHECK} END;",
    f"CREATE TRIGGER IF NOT EXISTS cohorts_session_within_cohort_update BEFORE UPDATE ON cohorts_cohortsession "
    f"BEGIN {_SQLITE_SESSION_CHECK} END;",
    """CREATE TRIGGER IF NOT EXISTS cohorts_cohort_contains_sessions AFTER UPDATE OF starts_on, ends_on ON cohorts_cohort
    BEGIN
        SELECT RAISE(ABORT, 'cohort dates would leave a session outside them')
        WHERE EXISTS (SELECT 1 FROM cohorts_cohortsession s WHERE s.cohort_id = NEW.id AND (
            date(s.starts_at, '+1 hours') < NEW.starts_on OR date(s.ends_at) > NEW.ends_on));
    END;""",
    f"CREATE TRIGGER IF NOT EXISTS cohorts_mark_same_cohort_insert BEFORE INSERT ON cohorts_attendancemark "
    f"BEGIN {_SQLITE_MARK_CHECK} END;",
    f"CREATE TRIGGER IF NOT EXISTS cohorts_mark_same_cohort_update BEFORE UPDATE ON cohorts_attendancemark "
    f"BEGIN {_SQLITE_MARK_CHECK} END;",
    f"CREATE TRIGGER IF NOT EXISTS cohorts_mark_after_start_insert BEFORE INSERT ON cohorts_attendancemark "
    f"BEGIN {_SQLITE_MARK_AFTER_START} END;",
    "CREATE TRIGGER IF NOT EXISTS cohorts_mark_after_start_update "
    "BEFORE UPDATE OF status, recorded_at, session_id ON cohorts_attendancemark "
    f"BEGIN {_SQLITE_MARK_AFTER_START} END;",
    """CREATE TRIGGER IF NOT EXISTS cohorts_session_after_marks AFTER UPDATE OF starts_at ON cohorts_cohortsession
    BEGIN
        SELECT RAISE(ABORT, 'cohort session would start after attendance recorded for it')
        WHERE EXISTS (SELECT 1 FROM cohorts_attendancemark m WHERE m.session_id = NEW.id
            AND m.status <> 'apologies' AND julianday(m.recorded_at) < julianday(NEW.starts_at));
    END;""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS cohorts_session_within_cohort_insert;",
    "DROP TRIGGER IF EXISTS cohorts_session_within_cohort_update;",
    "DROP TRIGGER IF EXISTS cohorts_cohort_contains_sessions;",
    "DROP TRIGGER IF EXISTS cohorts_mark_same_cohort_insert;",
    "DROP TRIGGER IF EXISTS cohorts_mark_same_cohort_update;",
    "DROP TRIGGER IF EXISTS cohorts_mark_after_start_insert;",
    "DROP TRIGGER IF EXISTS cohorts_mark_after_start_update;",
    "DROP TRIGGER IF EXISTS cohorts_session_after_marks;",
]


def install_guards(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRES_BACKWARD)
            cursor.execute(POSTGRES_FORWARD)
        elif connection.vendor == "sqlite":
            for statement in SQLITE_FORWARD:
                cursor.execute(statement)


def remove_guards(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRES_BACKWARD)
        elif connection.vendor == "sqlite":
            for statement in SQLITE_BACKWARD:
                cursor.execute(statement)
