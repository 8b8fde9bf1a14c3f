package org.cpr.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.view.AbstractView;

/**
 * A request cut by a database restart (no connection, a commit whose connection was lost)
 * is answered 503 with Retry-After, so nginx and the client send it again; a real defect
 * stays a 500, and refused input stays a 4xx (the cluster proof saw a 500 here).
 */
class DatabaseUnavailableTests {

	static RuntimeException failure(String kind) {
		return switch (kind) {
			case "no-connection" -> new CannotCreateTransactionException("Could not open JDBC Connection",
					new SQLTransientConnectionException("Connection is not available", "08001"));
			case "commit-cut" -> new TransactionSystemException("Could not commit JDBC transaction",
					new SQLException("An I/O error occurred while sending to the backend.", "08006"));
			case "admin-shutdown" -> new TransactionSystemException("Could not roll back",
					new SQLException("terminating connection due to administrator command", "57P01"));
			case "commit-refused" ->
				new TransactionSystemException("Could not commit", new SQLException("deferred constraint", "23505"));
			case "too-long" -> new DataIntegrityViolationException("value too long");
			default -> new IllegalStateException("a defect");
		};
	}

	@RestController
	static class Api {

		@GetMapping("/api/v1/fail/{kind}")
		String fail(@PathVariable String kind) {
			throw failure(kind);
		}

	}

	@Controller
	static class Pages {

		@GetMapping("/fail/{kind}")
		String fail(@PathVariable String kind) {
			throw failure(kind);
		}

	}

	MockMvc api = MockMvcBuilders.standaloneSetup(new Api()).setControllerAdvice(apiAdvice()).build();

	static ApiExceptionHandler apiAdvice() {
		ApiExceptionHandler advice = new ApiExceptionHandler();
		advice.setMessageSource(bundles());
		return advice;
	}

	MockMvc pages = MockMvcBuilders.standaloneSetup(new Pages())
		.setControllerAdvice(new PageExceptionHandler())
		.build();

	@Test
	void theApiAsksForARetryWhenTheDatabaseWasOutOfReachAndOnlyThen() throws Exception {
		for (String kind : new String[] { "no-connection", "commit-cut", "admin-shutdown" }) {
			api.perform(get("/api/v1/fail/" + kind))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "5"))
				.andExpect(jsonPath("$.status").value(503))
				.andExpect(jsonPath("$.detail")
					.value("The service is briefly unavailable. Send the same request again in a few seconds."));
		}
		api.perform(get("/api/v1/fail/commit-refused"))
			.andExpect(status().isInternalServerError())
			.andExpect(header().doesNotExist("Retry-After"));
		api.perform(get("/api/v1/fail/defect")).andExpect(status().isInternalServerError());
		api.perform(get("/api/v1/fail/too-long")).andExpect(status().isUnprocessableContent());
	}

	/**
	 * What the cluster proof saw as four 500s at a PostgreSQL restart: the session
	 * store's save (Spring Session JDBC, while the response is committed, outside the
	 * controllers) failed with "terminating connection due to administrator command", the
	 * rollback over the connection HikariCP had closed failed too and replaced it, and
	 * the failure reached the error page, wrapped.
	 */
	static Throwable sessionSaveCutByRestart() {
		return new ServletException("Request processing failed",
				new JpaSystemException(new IllegalStateException("Unable to rollback against JDBC Connection",
						new SQLException("Connection is closed"))));
	}

	MockMvc errors = MockMvcBuilders.standaloneSetup(new ErrorPagesController(bundles()))
		.addPlaceholderValue("server.error.path", "/error")
		.setSingleView(new AbstractView() {
			@Override
			protected void renderMergedOutputModel(Map<String, Object> model, HttpServletRequest request,
					HttpServletResponse response) {
			}
		})
		.build();

	@Test
	void aFailureOutsideTheControllersCutByARestartAsksForARetryOnTheErrorPageAndOnlyThen() throws Exception {
		errors
			.perform(get("/error").accept(MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_EXCEPTION, sessionSaveCutByRestart()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(model().attribute("reason", "error.unavailable"));
		errors
			.perform(get("/error").accept(MediaType.APPLICATION_JSON)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_EXCEPTION,
						new ServletException("Request processing failed", failure("admin-shutdown"))))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.detail")
				.value("The service is briefly unavailable. Send the same request again in a few seconds."));
		// a defect, a refused commit and a plain 404 stay what they were
		for (Throwable other : new Throwable[] {
				new ServletException("Request processing failed", new IllegalStateException("a defect")),
				failure("commit-refused"), new JpaSystemException(new IllegalStateException("a defect")) }) {
			errors
				.perform(get("/error").accept(MediaType.APPLICATION_JSON)
					.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
					.requestAttr(RequestDispatcher.ERROR_EXCEPTION, other))
				.andExpect(status().isInternalServerError())
				.andExpect(header().doesNotExist("Retry-After"));
		}
		errors.perform(get("/error").accept(MediaType.TEXT_HTML).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404))
			.andExpect(status().isNotFound())
			.andExpect(header().doesNotExist("Retry-After"));
	}

	@Test
	void aPageSaysToSendTheFormAgainWhenTheDatabaseWasOutOfReach() throws Exception {
		for (String kind : new String[] { "no-connection", "commit-cut", "admin-shutdown" }) {
			pages.perform(get("/fail/" + kind))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "5"))
				.andExpect(model().attribute("reason", "error.unavailable"));
		}
		pages.perform(get("/fail/too-long"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(model().attribute("reason", "error.input.notStorable"));
	}

	/**
	 * A DataSource that refuses connections while {@code away} is set, as PostgreSQL does
	 * during its restart.
	 */
	static final class RestartingDatabase extends org.springframework.jdbc.datasource.DelegatingDataSource {

		volatile boolean away;

		RestartingDatabase(javax.sql.DataSource target) {
			super(target);
		}

		@Override
		public java.sql.Connection getConnection() throws SQLException {
			if (away) {
				throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
			}
			return super.getConnection();
		}

	}

	@Controller
	static class Visit {

		@GetMapping("/visit")
		@org.springframework.web.bind.annotation.ResponseBody
		String visit(jakarta.servlet.http.HttpSession session) {
			session.setAttribute("visited", true);
			return "ok";
		}

	}

	/**
	 * Issue #17, the cluster proof's last 500 at a PostgreSQL restart ("Exception
	 * Processing ErrorPage" on a snapshot submission): Tomcat dispatches a request that
	 * the restart cut to the error page, and Spring Session's filter (real, on a real
	 * session table) runs again on that dispatch. Its session is read while the page
	 * renders (as the layout's security context and CSRF token do) and saved when the
	 * page is done; the database is away for one or the other. The error page still
	 * answers 503 with Retry-After and says to send the form again.
	 */
	@Test
	void theErrorPageOfARequestCutByARestartIsA503WhileTheDatabaseIsStillAway() throws Exception {
		org.springframework.jdbc.datasource.embedded.EmbeddedDatabase h2 = new org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder()
			.generateUniqueName(true)
			.setType(org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType.H2)
			.addScript("org/springframework/session/jdbc/schema-h2.sql")
			.build();
		try {
			RestartingDatabase database = new RestartingDatabase(h2);
			org.springframework.session.jdbc.JdbcIndexedSessionRepository sessions = new org.springframework.session.jdbc.JdbcIndexedSessionRepository(
					new org.springframework.jdbc.core.JdbcTemplate(database),
					new org.springframework.transaction.support.TransactionTemplate(
							new org.springframework.jdbc.datasource.DataSourceTransactionManager(database)));
			sessions.afterPropertiesSet();
			org.springframework.context.MessageSource bundles = new PlatformConfiguration(null).messageSource();
			for (String when : new String[] { "while the page renders", "when the page is done" }) {
				database.away = false;
				AbstractView layout = new AbstractView() {
					@Override
					protected void renderMergedOutputModel(Map<String, Object> model, HttpServletRequest request,
							HttpServletResponse response) throws Exception {
						if (when.equals("while the page renders")) {
							database.away = true;
						}
						jakarta.servlet.http.HttpSession session = request.getSession(false);
						response.getWriter().write("<html>the error page, signed in: " + (session != null) + "</html>");
						database.away = true;
					}
				};
				for (boolean guarded : new boolean[] { false, true }) {
					database.away = false;
					var setup = MockMvcBuilders.standaloneSetup(new ErrorPagesController(bundles()), new Visit())
						.addPlaceholderValue("server.error.path", "/error")
						.setSingleView(layout);
					if (guarded) {
						setup.addFilters(new ErrorPageWithoutDatabase(bundles));
					}
					MockMvc node = setup
						.addFilters(new org.springframework.session.web.http.SessionRepositoryFilter<>(sessions))
						.build();
					jakarta.servlet.http.Cookie cookie = node.perform(get("/visit"))
						.andExpect(status().isOk())
						.andReturn()
						.getResponse()
						.getCookie("SESSION");
					org.assertj.core.api.Assertions.assertThat(cookie).as("a session in the table").isNotNull();
					var errorDispatch = get("/error").accept(MediaType.TEXT_HTML).cookie(cookie).with(request -> {
						request.setDispatcherType(jakarta.servlet.DispatcherType.ERROR);
						return request;
					})
						.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
						.requestAttr(RequestDispatcher.ERROR_EXCEPTION, sessionSaveCutByRestart());
					if (!guarded) {
						// what Tomcat met: the error page's own dispatch failed
						org.assertj.core.api.Assertions.assertThatThrownBy(() -> node.perform(errorDispatch))
							.as(when)
							.matches(DatabaseUnavailable::is);
						continue;
					}
					node.perform(errorDispatch)
						.andExpect(status().isServiceUnavailable())
						.andExpect(header().string("Retry-After", "5"))
						.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
							.string(org.hamcrest.Matchers.containsString("send the form again in a few seconds")));
				}
			}
			// a defect on the error page is not hidden
			MockMvc node = MockMvcBuilders.standaloneSetup(new ErrorPagesController(bundles()))
				.addPlaceholderValue("server.error.path", "/error")
				.setSingleView(new AbstractView() {
					@Override
					protected void renderMergedOutputModel(Map<String, Object> model, HttpServletRequest request,
							HttpServletResponse response) {
						throw new IllegalStateException("a defect in the error page");
					}
				})
				.addFilters(new ErrorPageWithoutDatabase(bundles))
				.build();
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> node.perform(get("/error").accept(MediaType.TEXT_HTML).with(request -> {
					request.setDispatcherType(jakarta.servlet.DispatcherType.ERROR);
					return request;
				}).requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)))
				.satisfies(e -> org.assertj.core.api.Assertions
					.assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e))
					.isInstanceOf(IllegalStateException.class));
		}
		finally {
			h2.shutdown();
		}
	}

	/** The platform's message bundles, as the application loads them. */
	static org.springframework.context.MessageSource bundles() {
		try {
			return new PlatformConfiguration(null).messageSource();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
