-- Which hash a row carries: 1 = the original unkeyed SHA-256 chain (rows written before this
-- migration), 2 = HMAC-SHA256 with a key kept outside the database. Version-1 rows are accepted only
-- before the first version-2 row, whose HMAC covers the last version-1 hash and so anchors them;
-- the application appends an AUDIT_CHAIN_KEYED row at start while the head is still version 1.
ALTER TABLE audit_log ADD COLUMN chain_version INT NOT NULL DEFAULT 1;
