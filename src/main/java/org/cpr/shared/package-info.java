/**
 * The shared kernel: typed ids, value types, the audit port and the extension points
 * (navigation items, public paths) that modules contribute to. No business logic.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		allowedDependencies = {})
package org.cpr.shared;
