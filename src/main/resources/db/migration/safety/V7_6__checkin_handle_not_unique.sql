-- An anonymous check-in account is the pair handle + passphrase: handles are no longer unique, so
-- choosing one never reveals whether someone else already uses it. handle_hash is now an HMAC keyed
-- from the application's crypto key (rows with the old unkeyed SHA-256 are re-keyed at sign-in).
ALTER TABLE checkin_account DROP CONSTRAINT checkin_account_handle_unique;
CREATE INDEX checkin_account_handle_idx ON checkin_account (handle_hash);
