package org.cpr.cqi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.cpr.support.WebSlice;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The CQI module's web layer alone: every CQI controller, the speak-up channel's own
 * filter chain and the item page, with the module's API mocked. All CQI slice tests use
 * this one annotation so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { CqiRegisterController.class, CqiEvidenceController.class, ReportReviewController.class,
		CqiBoardController.class, CqiExportController.class, CqiReportController.class, CqiApiController.class,
		ConfidentialReportController.class, SpeakUpController.class })
@WebSlice
@Import({ ItemPage.class, SpeakUpSecurity.class })
@MockitoBean(types = { ImprovementRegister.class, CqiEvidence.class, Remeasurements.class, SpeakUpChannel.class,
		HospitalReports.class, CqiReports.class })
@interface CqiWebSlice {

}
