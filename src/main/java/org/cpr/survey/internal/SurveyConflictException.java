package org.cpr.survey.internal;

/** A request that conflicts with the survey's state; {@code status} is the HTTP status to answer with. */
class SurveyConflictException extends RuntimeException {

    private final int status;
    private final String code;

    SurveyConflictException(int status, String code) {
        super(code);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
