package org.cpr.curriculum;

import java.io.IOException;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A topic's files: served to the people who may see the topic library (as attachments,
 * with the type the server determined); added and removed by facilitators and
 * administrators.
 */
@Controller
@RequestMapping("/curriculum/topics/{id}/files")
@PreAuthorize("hasAnyRole('FACILITATOR','ADMINISTRATOR','PROGRAM_DIRECTOR','GROUP_LEADER')")
class TopicFileController {

	private static final String EDITORS = "hasAnyRole('FACILITATOR','ADMINISTRATOR')";

	private final TopicFiles files;

	TopicFileController(TopicFiles files) {
		this.files = files;
	}

	@PostMapping
	@PreAuthorize(EDITORS)
	String upload(@PathVariable String id, @RequestParam(required = false) MultipartFile file,
			@AuthenticationPrincipal CprUser me, RedirectAttributes flash) throws IOException {
		TopicId topic = topicId(id);
		try {
			files.upload(topic, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(),
					me.personId());
			flash.addFlashAttribute("fileNotice", "curriculum.file.added");
		}
		catch (TopicFiles.FileRefused refused) {
			flash.addFlashAttribute("fileProblem", refused.messageKey());
		}
		return "redirect:/curriculum/topics/" + id + "#files";
	}

	@GetMapping("/{fileId}")
	ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String fileId) {
		var found = files.download(topicId(id), uuid(fileId))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(found.getKey().mediaType()))
			.header("Content-Disposition",
					ContentDisposition.attachment().filename(found.getKey().filename()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(found.getValue());
	}

	@PostMapping("/{fileId}/delete")
	@PreAuthorize(EDITORS)
	String delete(@PathVariable String id, @PathVariable String fileId, @AuthenticationPrincipal CprUser me,
			RedirectAttributes flash) {
		if (!files.delete(topicId(id), uuid(fileId), me.personId())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		flash.addFlashAttribute("fileNotice", "curriculum.file.removed");
		return "redirect:/curriculum/topics/" + id + "#files";
	}

	private static TopicId topicId(String id) {
		return new TopicId(uuid(id));
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
