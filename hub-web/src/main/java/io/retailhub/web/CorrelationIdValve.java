package io.retailhub.web;

import java.io.IOException;

import jakarta.servlet.ServletException;

import io.retailhub.web.CorrelationIdFilter.MdcScope;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * The correlation ID for everything Tomcat does with a request: decided before any filter runs
 * and kept in the log context until Tomcat is done, so its own log lines (an exception that
 * escaped the filters, an error page) and its own error answers ({@link ProblemReportValve}, for a
 * request refused before it reached the application) carry it too. Sits on the engine, in front
 * of every host and context.
 */
class CorrelationIdValve extends ValveBase {

	CorrelationIdValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		try (MdcScope scope = MdcScope.open(CorrelationIds.establish(request, response))) {
			getNext().invoke(request, response);
		}
	}
}
