-- The release ledger is shared per released object (round): the gate reads every release of a
-- round, whoever it was shown to. Rows recorded per viewer before this change are kept and all
-- count as constraints of their round (the conservative merge); the principal stays on each row
-- as the record of who saw what.
CREATE INDEX ix_disclosure_release_round ON disclosure_release (round_id, released_at);
