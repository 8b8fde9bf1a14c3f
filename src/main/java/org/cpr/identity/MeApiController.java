package org.cpr.identity;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who a token belongs to: lets scripts check their token. No well-being data. */
@RestController
class MeApiController {

	record Me(String id, String displayName, List<String> roles) {
	}

	@Operation(summary = "Who the token belongs to, with roles")
	@GetMapping("/api/v1/me")
	Me me(@AuthenticationPrincipal CprUser me) {
		return new Me(me.personId().toString(), me.displayName(),
				me.roles().stream().map(Enum::name).sorted().toList());
	}

}
