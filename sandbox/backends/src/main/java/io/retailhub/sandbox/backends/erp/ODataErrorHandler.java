package io.retailhub.sandbox.backends.erp;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers every failure of the simulated ERP with SAP Gateway's OData error body (DIALECTS.md
 * 1.11): {@code code}, {@code message{lang,value}} and an {@code innererror} with the service,
 * a transaction ID, a timestamp, the resolution hints and one {@code errordetails} entry.
 */
@RestControllerAdvice(assignableTypes = ODataController.class)
class ODataErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ODataErrorHandler.class);

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSSSSS")
		.withZone(ZoneOffset.UTC);

	private static final String RESOLUTION_TRANSACTION = "For backend administrators: use ADT feed reader "
			+ "\"SAP Gateway Error Log\" or run transaction /IWFND/ERROR_LOG on SAP Gateway hub system and search "
			+ "for entries with the timestamp above for more details";

	private static final String RESOLUTION_NOTE = "See SAP Note 1797736 for error analysis "
			+ "(https://service.sap.com/sap/support/notes/1797736)";

	private final Clock clock;

	ODataErrorHandler(Clock clock) {
		this.clock = clock;
	}

	@ExceptionHandler(ODataException.class)
	ResponseEntity<Map<String, Object>> odata(ODataException ex, HttpServletRequest request) {
		return error(ex, request);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpServletRequest request) {
		return error(ODataException.badPayload("Malformed request body: not valid JSON", null), request);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> mediaType(HttpServletRequest request) {
		return error(new ODataException(415, "/IWBEP/CM_MGW_RT/004",
				"Content type of the request is not supported; send application/json", null), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex, HttpServletRequest request) {
		log.error("simulated ERP failed on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return error(new ODataException(500, "/IWBEP/CM_MGW_RT/001",
				"In the context of Data Services an unknown internal server error occurred", null), request);
	}

	private ResponseEntity<Map<String, Object>> error(ODataException ex, HttpServletRequest request) {
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("component_id", "SD-SLS-API");
		application.put("service_namespace", "/SAP/");
		application.put("service_id", serviceId(request));
		application.put("service_version", "0001");
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("code", ex.code());
		detail.put("message", ex.getMessage());
		detail.put("propertyref", "");
		detail.put("severity", "error");
		detail.put("target", ex.target());
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("application", application);
		inner.put("transactionid", HexFormat.of().withUpperCase().formatHex(randomBytes()));
		inner.put("timestamp", TIMESTAMP.format(clock.instant()));
		inner.put("Error_Resolution", Map.of("SAP_Transaction", RESOLUTION_TRANSACTION, "SAP_Note", RESOLUTION_NOTE));
		inner.put("errordetails", List.of(detail));
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", ex.code());
		error.put("message", Map.of("lang", "en", "value", ex.getMessage()));
		error.put("innererror", inner);
		return ResponseEntity.status(ex.status())
			.contentType(MediaType.parseMediaType("application/json;charset=utf-8"))
			.body(Map.of("error", error));
	}

	private static String serviceId(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith(ODataController.ROOT + "/")) {
			return "";
		}
		String rest = path.substring(ODataController.ROOT.length() + 1);
		int slash = rest.indexOf('/');
		return slash < 0 ? rest : rest.substring(0, slash);
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}
}
