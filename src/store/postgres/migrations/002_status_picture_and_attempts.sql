-- 002_status_picture_and_attempts: what the digest and the board read of the status log without reading every
-- record, and the mark of a message whose send was attempted.
--
-- statuses.at: the record's time, from its document (a stored generated column: adding it rewrites the table once,
-- which fires no row trigger, so the append-only rule holds; writers never set it). With the two indexes below,
-- `picture()` finds the latest status per pair as of a moment with an index-only DISTINCT ON, and the pairs active
-- in a window with a range scan, instead of decoding every jsonb document.
-- Building them on a province's million records takes seconds, during which status writes wait (one transaction).
ALTER TABLE statuses ADD COLUMN at text COLLATE "C" GENERATED ALWAYS AS (doc->>'at') STORED;
CREATE INDEX statuses_latest ON statuses (milestone_id, agency_id, seq DESC) INCLUDE (at) WHERE kind = 'status';
CREATE INDEX statuses_at ON statuses (at) INCLUDE (milestone_id, agency_id);

-- intents.attempted_at: written just before the message is handed to the messenger. After a crash, only an intent
-- with it set may have reached the person, so only those are sent again marked "(gửi lại)"; the others go out as
-- first copies. tlhn_app's UPDATE on intents (001) covers the new column.
ALTER TABLE intents ADD COLUMN attempted_at text COLLATE "C";
