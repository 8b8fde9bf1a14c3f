package org.cpr.disclosure;

import java.util.List;
import java.util.Optional;

import org.cpr.disclosure.internal.InMemoryReleaseLedger;
import org.cpr.shared.PersonId;

/**
 * What each principal has already been shown in each round, so that a later query cannot be
 * subtracted from an earlier one (I-3 across a sequence of queries), and the policy each round
 * was launched with (I-6). Implemented in memory (tests, previews) and with JDBC (the bean).
 */
public interface ReleaseLedger {

    /** Every release recorded for this principal in this round, oldest first. */
    List<LedgerEntry> releases(PersonId principal, String roundId);

    /** Records releases; implementations ignore an entry already recorded for the principal and round. */
    void record(PersonId principal, String roundId, List<LedgerEntry> entries);

    /** The policy fixed for the round, if it was launched. */
    Optional<DisclosurePolicy> policy(String roundId);

    /**
     * Fixes the round's policy at launch. Fixing it again with an equal or stricter policy keeps
     * the stricter one; a weaker one throws {@link PolicyWeakeningRejected}.
     */
    DisclosurePolicy fixPolicy(String roundId, DisclosurePolicy policy);

    static ReleaseLedger inMemory() {
        return new InMemoryReleaseLedger();
    }
}
