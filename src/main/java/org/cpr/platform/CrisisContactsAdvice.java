package org.cpr.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page can render the crisis resources fragment, so it needs no request to show it. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
@EnableConfigurationProperties(CrisisContacts.class)
class CrisisContactsAdvice {

    private final CrisisContacts contacts;

    CrisisContactsAdvice(CrisisContacts contacts) {
        this.contacts = contacts;
    }

    @ModelAttribute("crisisContacts")
    CrisisContacts crisisContacts() {
        return contacts;
    }
}
