package org.cpr.identity;

import java.io.IOException;

/**
 * CSV export in the import's own format, so a file can go out, be edited and come back.
 */
public interface RosterExport {

	String orgUnits() throws IOException;

	String people() throws IOException;

}
