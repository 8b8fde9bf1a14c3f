package org.cpr.questionnaire;

/**
 * A rejected answer: which item and why (a message key and, in English, a plain
 * explanation).
 */
public record ItemError(String item, String code, String message) {
}
