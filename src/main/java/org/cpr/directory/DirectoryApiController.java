package org.cpr.directory;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.TraineeType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The directory as JSON. Filter values outside the enumerations are a 400 problem detail
 * naming the parameter.
 */
@RestController
@RequestMapping("/api/v1/directory")
class DirectoryApiController {

	private final ServiceDirectory directory;

	DirectoryApiController(ServiceDirectory directory) {
		this.directory = directory;
	}

	@Operation(summary = "Search the service directory")
	@GetMapping
	List<ServiceEntry> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) TraineeType audience,
			@RequestParam(required = false) ServiceCategory category,
			@RequestParam(required = false) Confidentiality confidentiality,
			@RequestParam(defaultValue = "false") boolean free,
			@RequestParam(defaultValue = "false") boolean afterHours,
			@RequestParam(defaultValue = "false") boolean virtual) {
		return directory.search(new ServiceQuery(q, audience, category, confidentiality, free, afterHours, virtual));
	}

	@Operation(summary = "Read one directory service")
	@GetMapping("/{id}")
	ServiceEntry one(@PathVariable UUID id) {
		return directory.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No directory entry has this id."));
	}

}
