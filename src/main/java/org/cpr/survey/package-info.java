/**
 * Surveys: campaigns and waves, the three privacy modes, the participation ledger, idempotent
 * response storage. Publishes {@link org.cpr.survey.SurveyResponseSubmitted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package org.cpr.survey;
