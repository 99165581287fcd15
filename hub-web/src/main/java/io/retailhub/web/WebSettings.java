package io.retailhub.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Limits on what every hub service accepts. */
@ConfigurationProperties("retailhub.web")
public record WebSettings(@DefaultValue("256KB") DataSize maxRequestSize) {
}
