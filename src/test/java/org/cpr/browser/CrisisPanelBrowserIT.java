package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.cpr.support.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * I-21 / T20: a critical answer shows the crisis panel at once, from what is already in the page —
 * with the network cut, before anything is sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
class CrisisPanelBrowserIT {

    @LocalServerPort int port;

    @Test
    void itemNineAboveZeroShowsTheCrisisPanelWithTheServerUnreachable() {
        Page page = BrowserSupport.phone("http://localhost:" + port);
        FoundationBrowserIT.signIn(page, "facilitator");
        page.navigate("/questionnaires/phq-9/preview");
        assertThat(page.locator("#crisis-panel")).isHidden();
        page.locator("#a_1_0").check();
        assertThat(page.locator("#crisis-panel")).isHidden();
        page.context().setOffline(true);
        page.locator("#a_9_1").check();
        assertThat(page.locator("#crisis-panel")).isVisible();
        assertThat(page.locator("#crisis-panel")).containsText("988");
        assertThat(page.locator("#crisis-panel")).containsText("Nobody is contacted");
        page.context().setOffline(false);
        FoundationBrowserIT.assertNoSeriousViolations(page, "questionnaire preview with the crisis panel");
    }
}
