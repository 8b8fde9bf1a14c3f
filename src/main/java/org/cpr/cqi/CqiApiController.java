package org.cpr.cqi;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The improvement register and the "you said, we did" board over the API, with the pages'
 * authorization: facilitators, program directors and administrators read the register;
 * everyone signed in reads the board. Neither holds a reporter's identity.
 */
@RestController
@Tag(name = "CQI", description = "Improvement register and the \"you said, we did\" board")
class CqiApiController {

	private final ImprovementRegister register;

	CqiApiController(ImprovementRegister register) {
		this.register = register;
	}

	@GetMapping("/api/v1/cqi/items")
	@PreAuthorize("hasAnyRole('FACILITATOR','PROGRAM_DIRECTOR','ADMINISTRATOR')")
	@Operation(summary = "List the improvement register",
			description = "Every register item, most recently updated first, with its status, next allowed steps, "
					+ "solutions, presentations and decisions.")
	List<ItemView> items() {
		return register.list();
	}

	@GetMapping("/api/v1/cqi/items/{id}")
	@PreAuthorize("hasAnyRole('FACILITATOR','PROGRAM_DIRECTOR','ADMINISTRATOR')")
	@Operation(summary = "Read one register item")
	ItemView item(@PathVariable UUID id) {
		return register.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No register item has this id."));
	}

	@GetMapping("/api/v1/cqi/board")
	@Operation(summary = "Read the \"you said, we did\" board",
			description = "Published items only: what was raised, what was decided and done, and how it was "
					+ "re-measured. Nothing identifies a reporter.")
	List<BoardEntry> board() {
		return register.board();
	}

}
