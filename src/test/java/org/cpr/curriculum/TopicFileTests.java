package org.cpr.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Files on topics: only accepted types and sizes are stored, and only program staff can
 * fetch them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TopicFileTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	TopicLibrary library;

	@Autowired
	TopicFiles files;

	@Test
	void aFacilitatorAttachesAHandoutThatDirectorsCanDownloadAndParticipantsCannot() throws Exception {
		Topic topic = library.search("Moral distress", null, null, false).get(0);
		CprUser facilitator = as(Role.FACILITATOR);
		String base = "/curriculum/topics/" + topic.id();
		mvc.perform(multipart(base + "/files")
			.file(new MockMultipartFile("file", "../../Moral distress handout.pdf", "text/html", PDF))
			.with(csrf())
			.with(signedIn(facilitator)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("fileNotice", "curriculum.file.added"));
		TopicFile stored = files.of(topic.id())
			.stream()
			.filter(f -> f.filename().equals("Moral distress handout.pdf"))
			.findFirst()
			.orElseThrow();
		assertThat(stored.mediaType()).as("the server's type, not the browser's claim").isEqualTo("application/pdf");

		mvc.perform(get(base).with(signedIn(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(content().string(containsString("Moral distress handout.pdf")))
			.andExpect(content().string(not(containsString("enctype=\"multipart/form-data\""))));
		mvc.perform(get(base + "/files/" + stored.id()).with(signedIn(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().bytes(PDF));
		mvc.perform(get(base + "/files/" + stored.id()).with(signedIn(as(Role.PARTICIPANT))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/curriculum/topics/" + library.search("Boundaries", null, null, false).get(0).id() + "/files/"
				+ stored.id())
			.with(signedIn(as(Role.PROGRAM_DIRECTOR)))).andExpect(status().isNotFound());
		mvc.perform(
				post(base + "/files/" + stored.id() + "/delete").with(csrf()).with(signedIn(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(status().isForbidden());
		mvc.perform(post(base + "/files/" + stored.id() + "/delete").with(csrf()).with(signedIn(facilitator)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(base + "/files/" + stored.id()).with(signedIn(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(status().isNotFound());
	}

	@Test
	void wrongTypesRenamedFilesEmptyAndOversizedFilesAreRefusedWithAMessageAndNothingIsStored() throws Exception {
		Topic topic = library.search("Boundaries", null, null, false).get(0);
		String base = "/curriculum/topics/" + topic.id();
		int before = files.of(topic.id()).size();
		byte[] big = new byte[files.maxBytes() + 1];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		Object[][] cases = {
				{ "page.html", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
						"curriculum.file.type" },
				{ "slides.pdf", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8), "curriculum.file.content" },
				{ "empty.pdf", new byte[0], "curriculum.file.empty" },
				{ "huge.pdf", big, "curriculum.file.tooLarge" }, };
		for (Object[] c : cases) {
			mvc.perform(multipart(base + "/files")
				.file(new MockMultipartFile("file", (String) c[0], "application/pdf", (byte[]) c[1]))
				.with(csrf())
				.with(signedIn(as(Role.FACILITATOR))))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("fileProblem", c[2]));
		}
		mvc.perform(multipart(base + "/files").with(csrf()).with(signedIn(as(Role.FACILITATOR))))
			.andExpect(flash().attribute("fileProblem", "curriculum.file.empty"));
		assertThat(files.of(topic.id())).hasSize(before);
		mvc.perform(get(base).with(signedIn(as(Role.FACILITATOR))).flashAttr("fileProblem", "curriculum.file.tooLarge"))
			.andExpect(content().string(containsString("The file is too large: at most 4 MB.")));
	}

}
