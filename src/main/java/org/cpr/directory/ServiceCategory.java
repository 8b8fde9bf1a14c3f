package org.cpr.directory;

/** What kind of help a service gives. */
public enum ServiceCategory {
    CRISIS, COUNSELING, PSYCHIATRY, PEER_SUPPORT, RESILIENCE_TRAINING, WELLNESS, COACHING, FINANCIAL, LEGAL,
    CHILDCARE, SPIRITUAL_CARE, PHYSICIAN_HEALTH_PROGRAM, EAP
}
