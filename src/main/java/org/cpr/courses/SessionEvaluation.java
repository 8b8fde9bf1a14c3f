package org.cpr.courses;

import java.time.LocalDate;
import java.util.UUID;

import org.cpr.disclosure.CellResult;

/**
 * A delivered session's evaluation as one viewer may see it: the overall score as the
 * disclosure gate released it ({@code result} null while the evaluation is open or when
 * the viewer may not see it, then {@code messageKey} says which).
 */
public record SessionEvaluation(Session session, UUID wave, int invited, LocalDate closesOn, CellResult result,
		String messageKey) {
}
