package org.cpr.survey.internal;

import java.util.Map;

/** Answers failed validation; {@code errors} maps linkId to a message code. */
class InvalidAnswersException extends RuntimeException {

    private final Map<String, String> errors;

    InvalidAnswersException(Map<String, String> errors) {
        super("invalid answers");
        this.errors = Map.copyOf(errors);
    }

    Map<String, String> errors() {
        return errors;
    }
}
