package org.cpr.courses;

import java.util.List;

/**
 * One page of the catalogue.
 *
 * @param offerings the offerings of this page, soonest first
 * @param total how many offerings match the query in all
 */
public record CataloguePage(List<Offering> offerings, int total) {
}
