package dev.herald.localstack.run;

import java.nio.file.Path;

import dev.herald.localstack.LocalStackApplication;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local run's folders are read relative to the working directory, not to the web
 * server's temporary document root.
 */
class LocalRunFoldersIntegrationTests {

	@Test
	void relativeFoldersWhenTheInboxPageRunsShouldResolveAgainstTheWorkingDirectory() {
		try (ConfigurableApplicationContext context = LocalStackApplication.run("--herald.run.services=false",
				"--herald.run.components=smtp", "--herald.run.smtp-port=0", "--herald.run.inbox-port=0",
				"--herald.run.data-directory=target/relative-data")) {
			LocalRunProperties properties = context.getBean(LocalRunProperties.class);

			assertThat(properties.projectPath()).isEqualTo(Path.of("").toAbsolutePath());
			assertThat(properties.dataPath()).isEqualTo(Path.of("target/relative-data").toAbsolutePath());
		}
	}

}
