package org.cpr.identity.internal;

import java.io.Serial;
import java.util.Map;

import org.cpr.identity.CprUser;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through the campus identity provider: the platform's principal, with
 * the IdP's token.
 */
class CprOidcUser extends CprUser implements OidcUser {

	@Serial
	private static final long serialVersionUID = 1L;

	private final OidcIdToken idToken;

	private final OidcUserInfo userInfo;

	CprOidcUser(CprUser user, OidcIdToken idToken, OidcUserInfo userInfo) {
		super(user.personId(), user.getUsername(), null, user.displayName(), user.grants(), user.mfaEnabled(),
				user.isEnabled(), !user.isAccountNonLocked());
		this.idToken = idToken;
		this.userInfo = userInfo;
	}

	@Override
	public Map<String, Object> getClaims() {
		return idToken.getClaims();
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return userInfo;
	}

	@Override
	public OidcIdToken getIdToken() {
		return idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return idToken.getClaims();
	}

	@Override
	public String getName() {
		return getUsername();
	}

}
