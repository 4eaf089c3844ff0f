-- Optimistic concurrency: a change names the version it was made from; a stale one is refused.
ALTER TABLE scenario ADD COLUMN version integer NOT NULL DEFAULT 1;
