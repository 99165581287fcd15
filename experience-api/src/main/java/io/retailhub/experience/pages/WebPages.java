package io.retailhub.experience.pages;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web pages people use, static files under {@code static/}: the agent desktop
 * ({@code /agent/}), the self-service portal ({@code /portal/}) and the store tool
 * ({@code /store/}). They sign in in the browser (authorization code + PKCE, public client) and
 * call the experience APIs with the token, so every page is authorized exactly as the API is.
 * {@code /web-config} tells them where to sign in.
 */
@Configuration(proxyBeanMethods = false)
@RestController
public class WebPages implements WebMvcConfigurer {

	/** The tools, each a directory with its {@code index.html}. */
	static final List<String> TOOLS = List.of("agent", "portal", "store");

	/** What anyone may load without a token: the pages, their assets and where to sign in. */
	public static final List<String> OPEN_PATHS = List.of("/", "/index.html", "/favicon.svg", "/assets/**",
			"/agent/**", "/portal/**", "/store/**", "/signed-in", "/signed-in.html", "/signed-out",
			"/signed-out.html", "/web-config");

	private final String issuer;

	private final String clientId;

	WebPages(PagesSettings settings, @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String trusted) {
		this.issuer = strip(StringUtils.hasText(settings.issuer()) ? settings.issuer() : trusted);
		this.clientId = settings.clientId();
	}

	/** The identity provider the pages sign in at, for the Content-Security-Policy. */
	public String issuer() {
		return this.issuer;
	}

	@GetMapping("/web-config")
	ResponseEntity<Map<String, String>> webConfig() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.body(Map.of("issuer", this.issuer, "clientId", this.clientId));
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		for (String tool : TOOLS) {
			registry.addRedirectViewController("/" + tool, "/" + tool + "/");
			registry.addViewController("/" + tool + "/").setViewName("forward:/" + tool + "/index.html");
		}
		registry.addViewController("/signed-in").setViewName("forward:/signed-in.html");
		registry.addViewController("/signed-out").setViewName("forward:/signed-out.html");
	}

	private static String strip(String issuer) {
		return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

}
