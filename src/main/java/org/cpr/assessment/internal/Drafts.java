package org.cpr.assessment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The server-side draft of a snapshot in progress (identified mode, so a draft may live on the
 * server): answers by instrument, skipped optional steps, and the idempotency key of this form instance.
 */
@Component
public class Drafts {

    public record Draft(String key, Map<String, Map<String, Object>> answers, Set<String> skipped) {

        public Map<String, Object> of(String instrumentId) {
            return answers.getOrDefault(instrumentId, Map.of());
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Drafts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The person's draft, started (with a fresh idempotency key) if there is none. */
    @Transactional
    public Draft current(PersonId person) {
        return jdbc.sql("SELECT idempotency_key, answers, skipped FROM assessment_draft WHERE person_id = ?")
                .param(person.value())
                .query((rs, n) -> new Draft(rs.getString(1), AnswerCodec.readAll(rs.getString(2)), skipped(rs.getString(3))))
                .optional()
                .orElseGet(() -> {
                    Draft fresh = new Draft(UUID.randomUUID().toString(), new LinkedHashMap<>(), new LinkedHashSet<>());
                    jdbc.sql("INSERT INTO assessment_draft (person_id, idempotency_key, answers, skipped, updated_at) VALUES (?, ?, ?, ?, ?)")
                            .params(person.value(), fresh.key(), "{}", "", Timestamp.from(clock.instant())).update();
                    return fresh;
                });
    }

    /** Stores one step's answers (replacing that instrument's earlier answers) and whether it was skipped. */
    @Transactional
    public Draft saveStep(PersonId person, String instrumentId, Map<String, Object> answers, boolean skip) {
        Draft draft = current(person);
        Map<String, Map<String, Object>> all = new LinkedHashMap<>(draft.answers());
        Set<String> skipped = new LinkedHashSet<>(draft.skipped());
        if (skip) {
            all.remove(instrumentId);
            skipped.add(instrumentId);
        } else {
            all.put(instrumentId, answers);
            skipped.remove(instrumentId);
        }
        jdbc.sql("UPDATE assessment_draft SET answers = ?, skipped = ?, updated_at = ? WHERE person_id = ?")
                .params(AnswerCodec.write(all), String.join(",", skipped), Timestamp.from(clock.instant()), person.value())
                .update();
        return new Draft(draft.key(), all, skipped);
    }

    public void discard(PersonId person) {
        jdbc.sql("DELETE FROM assessment_draft WHERE person_id = ?").param(person.value()).update();
    }

    private static Set<String> skipped(String csv) {
        Set<String> set = new LinkedHashSet<>();
        if (csv != null && !csv.isBlank()) {
            set.addAll(Arrays.asList(csv.split(",")));
        }
        return set;
    }
}
