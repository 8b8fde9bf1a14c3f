-- One row that every audit append locks first (SELECT ... FOR UPDATE), so concurrent appends queue
-- up and each reads the chain head only after the previous append committed. Locking the head row
-- of audit_log itself is not enough on PostgreSQL: a waiting transaction re-checks the locked row
-- but not the MAX(seq) subquery, and then collides on the next sequence number.
CREATE TABLE audit_chain_lock (
  id INT NOT NULL PRIMARY KEY
);
INSERT INTO audit_chain_lock (id) VALUES (1);
