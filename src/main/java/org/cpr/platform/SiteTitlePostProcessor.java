package org.cpr.platform;

import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IText;

/**
 * Names the site in every page's title: the title a page gives the layout ("Your
 * results") becomes {@code layout.pageTitle} ("Your results — CPR"), so a browser tab, a
 * bookmark and a screen reader's window list say where the page belongs. One place for
 * every page: each template keeps its own title (a snapshot step's still names its
 * instrument); only the document's {@code <title>} inside {@code <head>} changes, never
 * an SVG chart's.
 * <p>
 * Public with a public constructor because Thymeleaf creates one per rendering by
 * reflection ({@link SiteTitleDialect}).
 */
public final class SiteTitlePostProcessor extends AbstractTemplateHandler {

	private boolean inHead;

	private StringBuilder title;

	public SiteTitlePostProcessor() {
	}

	@Override
	public void handleOpenElement(IOpenElementTag tag) {
		if (tag.getElementCompleteName().equalsIgnoreCase("head")) {
			this.inHead = true;
		}
		else if (this.inHead && tag.getElementCompleteName().equalsIgnoreCase("title")) {
			this.title = new StringBuilder();
		}
		super.handleOpenElement(tag);
	}

	@Override
	public void handleText(IText text) {
		if (this.title != null) {
			this.title.append(text.getText());
			return;
		}
		super.handleText(text);
	}

	@Override
	public void handleCloseElement(ICloseElementTag tag) {
		if (this.title != null && tag.getElementCompleteName().equalsIgnoreCase("title")) {
			String page = this.title.toString().strip();
			this.title = null;
			super.handleText(getContext().getModelFactory().createText(withSiteName(page)));
		}
		else if (tag.getElementCompleteName().equalsIgnoreCase("head")) {
			this.inHead = false;
		}
		super.handleCloseElement(tag);
	}

	/** The page's title (already escaped for HTML) with the site's short name. */
	private String withSiteName(String page) {
		String name = getContext().getMessage(SiteTitlePostProcessor.class, "app.shortName", new Object[0], false);
		String site = name == null ? null : HtmlUtils.htmlEscape(name);
		if (page.isEmpty() || site == null || page.equals(site) || page.endsWith(" " + site)) {
			return page.isEmpty() && site != null ? site : page;
		}
		String titled = getContext().getMessage(SiteTitlePostProcessor.class, "layout.pageTitle",
				new Object[] { page, site }, false);
		return titled != null ? titled : page;
	}

}
