package org.cpr.disclosure;

/**
 * The gate's answer for one cell: released with its statistic, or suppressed with a
 * reason.
 */
public sealed interface CellResult permits Released, Suppressed {

	String cellKey();

	boolean released();

}
