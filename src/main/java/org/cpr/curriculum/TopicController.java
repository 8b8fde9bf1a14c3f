package org.cpr.curriculum;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import org.cpr.identity.CprUser;
import org.cpr.shared.FormErrors;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The topic library: browse and filter (program staff), add and edit (facilitators,
 * administrators).
 */
@Controller
@RequestMapping("/curriculum/topics")
@PreAuthorize("hasAnyRole('FACILITATOR','ADMINISTRATOR','PROGRAM_DIRECTOR','GROUP_LEADER')")
class TopicController {

	static final String LIST_VIEW = "curriculum/topics";
	static final String TOPIC_VIEW = "curriculum/topic";
	static final String FORM_VIEW = "curriculum/topic-form";

	private static final String EDITORS = "hasAnyRole('FACILITATOR','ADMINISTRATOR')";

	private final TopicLibrary library;

	private final TopicFiles files;

	TopicController(TopicLibrary library, TopicFiles files) {
		this.library = library;
		this.files = files;
	}

	@Bean
	static NavigationItem curriculumLink() {
		return new NavigationItem(52, "/curriculum/topics", "curriculum.nav",
				Set.of(Role.FACILITATOR, Role.ADMINISTRATOR, Role.PROGRAM_DIRECTOR, Role.GROUP_LEADER));
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String competency,
			@RequestParam(required = false) String requirement,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String text = q == null ? "" : q.length() > 200 ? q.substring(0, 200) : q;
		Competency c = parse(Competency.class, competency);
		WellBeingRequirement r = parse(WellBeingRequirement.class, requirement);
		model.addAttribute("q", text);
		model.addAttribute("competency", c);
		model.addAttribute("requirement", r);
		model.addAttribute("topics", library.search(text, c, r, false));
		return "true".equals(htmx) ? LIST_VIEW + " :: results" : LIST_VIEW;
	}

	@GetMapping("/{id}")
	String show(@PathVariable String id, Model model) {
		Topic topic = load(id);
		model.addAttribute("topic", topic);
		model.addAttribute("files", files.of(topic.id()));
		model.addAttribute("maxMegabytes", files.maxBytes() / (1024 * 1024));
		return TOPIC_VIEW;
	}

	@GetMapping("/new")
	@PreAuthorize(EDITORS)
	String newTopic(Model model) {
		model.addAttribute("form", TopicForm.empty());
		return FORM_VIEW;
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(EDITORS)
	String edit(@PathVariable String id, Model model) {
		Topic topic = load(id);
		model.addAttribute("topic", topic);
		model.addAttribute("form", TopicForm.of(topic));
		return FORM_VIEW;
	}

	@PostMapping({ "", "/{id}" })
	@PreAuthorize(EDITORS)
	String save(@PathVariable(required = false) String id, @Valid @ModelAttribute("form") TopicForm form,
			BindingResult errors, @AuthenticationPrincipal CprUser me, Model model) {
		Topic existing = id == null ? null : load(id);
		form.validate(errors);
		if (!errors.hasErrors()) {
			try {
				if (existing == null) {
					return "redirect:/curriculum/topics/" + library.create(form.content(), me.personId()) + "?saved";
				}
				library.update(existing.id(), form.content(), me.personId());
				return "redirect:/curriculum/topics/" + existing.id() + "?saved";
			}
			catch (TopicLibrary.DuplicateTopicCode duplicate) {
				FormErrors.rejectValue(errors, "code", "curriculum.form.duplicateCode");
			}
		}
		model.addAttribute("topic", existing);
		return FORM_VIEW;
	}

	@PostMapping("/{id}/retire")
	@PreAuthorize(EDITORS)
	String retire(@PathVariable String id, @RequestParam(defaultValue = "true") boolean retired,
			@AuthenticationPrincipal CprUser me) {
		library.setRetired(load(id).id(), retired, me.personId());
		return "redirect:/curriculum/topics/" + id;
	}

	@ModelAttribute("choices")
	Map<String, Object[]> choices() {
		return Map.of("format", TopicFormat.values(), "competencies", Competency.values(), "requirements",
				WellBeingRequirement.values());
	}

	private Topic load(String id) {
		try {
			return library.find(new TopicId(UUID.fromString(id)))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		catch (IllegalArgumentException notAnId) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

}
