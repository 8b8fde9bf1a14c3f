package org.cpr.platform;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.cpr.shared.NavigationItem;
import org.springframework.beans.factory.ObjectProvider;
import org.cpr.shared.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the navigation links the signed-in person's roles allow into every page's model. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class NavigationAdvice {

    private final List<NavigationItem> items;

    NavigationAdvice(ObjectProvider<NavigationItem> items) {
        this.items = items.orderedStream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    @ModelAttribute("navItems")
    List<NavigationItem> navItems() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
            return List.of();
        }
        Set<Role> held = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : auth.getAuthorities()) {
            String name = a.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    held.add(Role.valueOf(name.substring(5)));
                } catch (IllegalArgumentException ignored) {
                    // authorities that are not platform roles (e.g. OIDC scopes) add no links
                }
            }
        }
        return items.stream().filter(i -> i.visibleTo(held)).toList();
    }
}
