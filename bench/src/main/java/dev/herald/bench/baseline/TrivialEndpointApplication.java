package dev.herald.bench.baseline;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of R1: a Spring MVC application whose endpoint takes the same request body
 * as ingest's and answers 202 with an id, doing nothing else. Started as a process of its
 * own with the services' JVM settings.
 */
@SpringBootApplication
@RestController
public class TrivialEndpointApplication {

	@PostMapping("/api/v1/records")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, String> accept(@RequestBody byte[] body) {
		return Map.of("id", UUID.randomUUID().toString());
	}

	public static void main(String[] args) {
		SpringApplication.run(TrivialEndpointApplication.class, args);
	}

}
