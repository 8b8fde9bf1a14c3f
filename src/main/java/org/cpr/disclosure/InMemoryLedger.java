package org.cpr.disclosure;

import java.util.ArrayList;
import java.util.List;

/** A ledger for one request or one session; persistent ledgers keep the same contract. */
public final class InMemoryLedger implements DisclosureLedger {

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public List<Entry> released() {
        return List.copyOf(entries);
    }

    @Override
    public void record(Entry entry) {
        entries.add(entry);
    }
}
