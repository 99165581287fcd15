package io.retailhub.experience.pages;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the web pages sign people in ({@code retailhub.experience.pages.*}).
 *
 * @param issuer the OIDC issuer the browser signs in at (its discovery document names the
 * authorize, token and logout endpoints); the issuer experience-api trusts unless the browser
 * reaches the identity provider at another address
 * @param clientId the public client the pages are registered as (authorization code + PKCE)
 */
@ConfigurationProperties("retailhub.experience.pages")
public record PagesSettings(String issuer, @DefaultValue("retailhub-web") String clientId) {

}
