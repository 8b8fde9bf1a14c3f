-- What each principal has been shown per survey round (anti-differencing ledger) and the
-- disclosure policy each round was launched with. Owned by the disclosure module.
CREATE TABLE disclosure_release (
    id           UUID PRIMARY KEY,
    principal_id UUID NOT NULL,
    round_id     VARCHAR(100) NOT NULL,
    channel      VARCHAR(200) NOT NULL,
    digest       VARCHAR(64) NOT NULL,
    units        BYTEA NOT NULL,
    released_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_disclosure_release UNIQUE (principal_id, round_id, digest)
);

CREATE TABLE disclosure_round_policy (
    round_id           VARCHAR(100) PRIMARY KEY,
    min_respondents    INTEGER NOT NULL CHECK (min_respondents >= 5),
    min_comments       INTEGER NOT NULL CHECK (min_comments >= 10),
    min_positive_count INTEGER NOT NULL CHECK (min_positive_count >= 11),
    fixed_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
