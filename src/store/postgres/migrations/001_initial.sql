-- 001_initial: every collection of the store. Applied by src/store/postgres/migrate.ts in one transaction,
-- under an advisory lock, and recorded in schema_migrations.
--
-- Each table keeps the whole record as `doc` (jsonb, exactly what the lowdb store keeps) plus the columns
-- that lookups, uniqueness and bounds need. `seq` is the insertion order ("oldest first", "newest last").
-- Text keys use the "C" collation, so they compare as the JavaScript store compares strings.

CREATE TABLE people (
  seq bigserial PRIMARY KEY,
  user_key text COLLATE "C" NOT NULL,
  role text NOT NULL,
  agency_id text COLLATE "C",
  revoked_at text COLLATE "C",
  doc jsonb NOT NULL
);
-- One active grant per person.
CREATE UNIQUE INDEX people_active ON people (user_key) WHERE revoked_at IS NULL;

CREATE TABLE invitations (
  code_hash text COLLATE "C" PRIMARY KEY,
  seq bigserial NOT NULL,
  used_at text COLLATE "C",
  doc jsonb NOT NULL
);

CREATE TABLE chats (
  chat_key text COLLATE "C" PRIMARY KEY,
  seq bigserial NOT NULL,
  agency_id text COLLATE "C",
  active boolean NOT NULL,
  doc jsonb NOT NULL
);

-- Append-only: see the trigger and the grants below.
CREATE TABLE statuses (
  seq bigserial PRIMARY KEY,
  id text COLLATE "C" NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('status', 'note')),
  milestone_id text COLLATE "C" NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  note_for text COLLATE "C",
  doc jsonb NOT NULL
);
CREATE INDEX statuses_pair ON statuses (milestone_id, agency_id, seq);
CREATE INDEX statuses_note_for ON statuses (note_for) WHERE note_for IS NOT NULL;

CREATE TABLE reminders (
  key text COLLATE "C" PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);

-- Append-only, like statuses.
CREATE TABLE deliveries (
  seq bigserial PRIMARY KEY,
  ref text COLLATE "C" NOT NULL,
  at text COLLATE "C" NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX deliveries_ref ON deliveries (ref);
CREATE INDEX deliveries_at ON deliveries (at);

CREATE TABLE unanswered (
  folded text COLLATE "C" PRIMARY KEY,
  seq bigserial NOT NULL,
  example text NOT NULL,
  count integer NOT NULL CHECK (count >= 1),
  first_asked text COLLATE "C" NOT NULL,
  last_asked text COLLATE "C" NOT NULL
);

CREATE TABLE question_days (
  day text COLLATE "C" PRIMARY KEY,
  asked integer NOT NULL,
  answered integer NOT NULL,
  topics jsonb NOT NULL DEFAULT '{}'
);

-- Unique run claims: the digest of a week, the escalation of a day, alerts.
CREATE TABLE runs (
  key text COLLATE "C" PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE prompts (
  seq bigserial PRIMARY KEY,
  chat_key text COLLATE "C" NOT NULL,
  user_key text COLLATE "C",
  kind text NOT NULL,
  ref text COLLATE "C" NOT NULL,
  expires_at text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX prompts_chat ON prompts (chat_key);

CREATE TABLE topics (
  chat_key text COLLATE "C" PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX topics_seq ON topics (seq);

CREATE TABLE listings (
  id text COLLATE "C" PRIMARY KEY,
  seq bigserial NOT NULL,
  chat_key text COLLATE "C" NOT NULL,
  user_key text COLLATE "C",
  family text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  expires_at text COLLATE "C" NOT NULL,
  doc jsonb NOT NULL
);
CREATE INDEX listings_chat ON listings (chat_key, seq);

CREATE TABLE coordinator_answers (
  id text COLLATE "C" PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE question_listings (
  chat_key text COLLATE "C" PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);

CREATE TABLE askers (
  seq bigserial PRIMARY KEY,
  chat_key text COLLATE "C" NOT NULL,
  folded text COLLATE "C" NOT NULL,
  asked_at text COLLATE "C" NOT NULL,
  answer_id text COLLATE "C",
  doc jsonb NOT NULL,
  UNIQUE (chat_key, folded)
);

CREATE TABLE asker_notices (
  chat_key text COLLATE "C" NOT NULL,
  day text COLLATE "C" NOT NULL,
  at text COLLATE "C" NOT NULL,
  seq bigserial NOT NULL,
  PRIMARY KEY (chat_key, day)
);

CREATE TABLE inbound (
  key text COLLATE "C" PRIMARY KEY,
  seq bigserial NOT NULL UNIQUE,
  at text COLLATE "C" NOT NULL,
  at_ms bigint NOT NULL
);

CREATE TABLE intents (
  id text COLLATE "C" PRIMARY KEY,
  seq bigserial NOT NULL,
  doc jsonb NOT NULL
);

-- Status records and delivery outcomes are never rewritten: refused for every role, the owner included.
-- (A superuser can still disable the trigger; the grants below keep the application's role from doing so.)
CREATE FUNCTION refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'store: % is append-only; % is refused (add a new record instead)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER statuses_append_only BEFORE UPDATE OR DELETE ON statuses FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER statuses_no_truncate BEFORE TRUNCATE ON statuses FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER deliveries_append_only BEFORE UPDATE OR DELETE ON deliveries FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER deliveries_no_truncate BEFORE TRUNCATE ON deliveries FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();

-- The application's role (see src/store/postgres/README.md): a NOLOGIN group role that the login the
-- assistant runs as is a member of. It may read and change every table except the append-only ones,
-- where it may only read and insert.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tlhn_app') THEN
    BEGIN
      CREATE ROLE tlhn_app NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL; -- created at the same moment for another database
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'store: the role tlhn_app does not exist and % may not create it', current_user
          USING HINT = 'Ask the database administrator to run CREATE ROLE tlhn_app NOLOGIN once (see src/store/postgres/README.md), then start again.';
    END;
  END IF;
END;
$$;

DO $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO tlhn_app', current_schema());
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO tlhn_app', current_schema());
END;
$$;
GRANT SELECT ON schema_migrations TO tlhn_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON
  people, invitations, chats, reminders, unanswered, question_days, runs, prompts, topics, listings,
  coordinator_answers, question_listings, askers, asker_notices, inbound, intents
  TO tlhn_app;
GRANT SELECT, INSERT ON statuses, deliveries TO tlhn_app;
REVOKE UPDATE, DELETE, TRUNCATE ON statuses, deliveries FROM tlhn_app;
