package org.cpr.disclosure;

import java.util.List;
import java.util.Set;

/**
 * What one principal has already been shown in one survey round: every released contributor set
 * and its released positive count. The gate checks each new aggregate against all of it.
 */
public interface DisclosureLedger {

    record Entry(Set<String> contributors, Integer positives) {
    }

    List<Entry> released();

    void record(Entry entry);
}
