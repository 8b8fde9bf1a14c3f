package org.cpr.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.cpr.support.WebSlice;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The administration pages alone (people, org units, roster, SSO links) with the identity
 * module's administration API mocked. All identity slice tests use this one annotation so
 * they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(controllers = { AdminPeopleController.class, AdminOrgUnitsController.class, RosterController.class,
		AdminSsoLinksController.class })
@WebSlice
@MockitoBean(types = { PeopleAdministration.class, RosterImport.class, RosterExport.class, SsoLinks.class })
@interface AdminWebSlice {

}
