package dev.herald.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors Tomcat answers by itself, before any controller sees the request (a request line
 * or headers too large, a malformed URI, an encoded slash), as RFC 9457 problems like
 * every other error of the services, instead of Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemErrorReports {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(Valve.class.getName());
			}
		});
	}

	/**
	 * Writes {@code application/problem+json} for an error nothing else answered.
	 */
	public static class Valve extends ErrorReportValve {

		private static final StringManager messages = StringManager.getManager("org.apache.catalina.valves");

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			String title = messages.getString("http." + status + ".reason");
			String body = "{\"type\":\"about:blank\",\"title\":\"" + ((title != null) ? title : "Error")
					+ "\",\"status\":" + status + ",\"detail\":\"The request was refused before it reached Herald:"
					+ " its line, headers or address are malformed or too large\"}";
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(body);
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone or the response could not be written: nothing to
				// tell.
			}
		}

	}

}
