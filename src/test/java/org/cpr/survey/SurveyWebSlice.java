package org.cpr.survey;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.support.WebSlice;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The survey module's web layer alone: its page and API controllers with the module's API
 * and the questionnaire library mocked. All survey slice tests use this one annotation so
 * they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { SurveyAnswerController.class, SurveyCampaignController.class, SurveyReportController.class,
		SurveyCampaignApiController.class, SurveyReportApiController.class, SurveyResponseApiController.class })
@WebSlice
@MockitoBean(types = { SurveyCampaigns.class, SurveyResponses.class, SurveyReports.class, QuestionnaireLibrary.class })
@interface SurveyWebSlice {

}
