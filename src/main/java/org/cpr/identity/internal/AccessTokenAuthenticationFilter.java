package org.cpr.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cpr.identity.CprUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer cpr_…} requests to the API. */
class AccessTokenAuthenticationFilter extends OncePerRequestFilter {

    private final AccessTokens tokens;
    private final PersonRepository people;
    private final PersonUserDetailsService users;

    AccessTokenAuthenticationFilter(AccessTokens tokens, PersonRepository people, PersonUserDetailsService users) {
        this.tokens = tokens;
        this.people = people;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.resolve(header.substring(7).strip())
                    .flatMap(people::findById)
                    .filter(Person::isActive)
                    .ifPresent(person -> {
                        CprUser user = users.toUser(person);
                        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                        SecurityContextHolder.getContext().setAuthentication(auth);
                    });
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/");
    }
}
