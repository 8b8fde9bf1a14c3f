package org.cpr.assessment;

import java.util.UUID;

import org.cpr.directory.ServiceCategory;

/** What the person sees: the service (when the directory has it) or the fallback text. */
public record NextStep(ServiceCategory category, UUID serviceId, String serviceName, String fallbackText) {
}
