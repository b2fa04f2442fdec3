package dev.herald.localstack.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.herald.localstack.LocalStackApplication;
import dev.herald.localstack.Ports;
import dev.herald.localstack.kafka.KafkaBroker;
import dev.herald.localstack.mail.SmtpServer;
import dev.herald.localstack.mongo.MongoServerRunner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The local run started in this JVM on free ports, with its data in a temporary folder.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalStackApplicationIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void runWithoutServicesShouldStartEveryServerAndCloseShouldFreeTheirPorts(CapturedOutput output) throws Exception {
		ConfigurableApplicationContext context = LocalStackApplication.run("--herald.run.services=false",
				"--herald.run.kafka-port=0", "--herald.run.mongo-port=0", "--herald.run.smtp-port=0",
				"--herald.run.inbox-port=0", "--herald.run.data-directory=" + this.directory);
		KafkaBroker kafka = context.getBean(KafkaBroker.class);
		MongoServerRunner mongo = context.getBean(MongoServerRunner.class);
		SmtpServer smtp = context.getBean(SmtpServer.class);
		int inboxPort = ((WebServerApplicationContext) context).getWebServer().getPort();
		try {
			try (Admin admin = Admin
				.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
				assertThat(admin.describeTopics(List.of(KafkaBroker.RECORDS_TOPIC))
					.allTopicNames()
					.get(30, TimeUnit.SECONDS)
					.get(KafkaBroker.RECORDS_TOPIC)
					.partitions()).hasSize(6);
			}
			try (MongoClient client = MongoClients.create(mongo.connectionString())) {
				assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok")).isEqualTo(1.0);
			}
			assertThat(kafka.dataDirectory()).startsWith(this.directory);
			assertThat(Files.list(this.directory.resolve("mongo")).toList()).isNotEmpty();
			assertThat(output).contains(LocalRunConfiguration.READY_LINE)
				.contains("http://localhost:" + inboxPort)
				.contains("localhost:" + smtp.port());
		}
		finally {
			context.close();
		}
		assertThat(Ports.isFree(kafka.port())).isTrue();
		assertThat(Ports.isFree(mongo.port())).isTrue();
		assertThat(Ports.isFree(smtp.port())).isTrue();
		assertThat(Ports.isFree(inboxPort)).isTrue();
	}

	@Test
	void runWithOnlyKafkaShouldServeHealthButNoInboxPage() throws Exception {
		try (ConfigurableApplicationContext context = LocalStackApplication.run("--herald.run.services=false",
				"--herald.run.components=kafka", "--herald.run.kafka-port=0", "--herald.run.inbox-port=0",
				"--herald.run.data-directory=" + this.directory)) {
			String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> health = http.send(
					HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"");
			assertThat(http
				.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/messages")).build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(404);
			assertThat(context.getBeanNamesForType(SmtpServer.class)).isEmpty();
			assertThat(context.getBeanNamesForType(MongoServerRunner.class)).isEmpty();
			assertThat(context.getBean(KafkaBroker.class).isRunning()).isTrue();
		}
	}

	@Test
	void runWhenAPortIsTakenShouldNameThePortAndWhatNeedsIt() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();

			assertThatExceptionOfType(PortsInUseException.class)
				.isThrownBy(() -> LocalStackApplication.run("--herald.run.services=false",
						"--herald.run.components=mongo", "--herald.run.mongo-port=" + port, "--herald.run.inbox-port=0",
						"--herald.run.stale-run-grace=0s"))
				.withMessage("Port " + port + " is already in use; the MongoDB server needs it.");
		}
	}

	@Test
	void runWhenAStaleRunFreesItsPortWithinTheGraceShouldWaitAndStart() throws Exception {
		ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		int port = taken.getLocalPort();
		java.util.concurrent.ScheduledExecutorService stale = java.util.concurrent.Executors
			.newSingleThreadScheduledExecutor();
		stale.schedule(() -> {
			taken.close();
			return null;
		}, 2, java.util.concurrent.TimeUnit.SECONDS);
		try (ConfigurableApplicationContext context = LocalStackApplication.run("--herald.run.services=false",
				"--herald.run.components=smtp", "--herald.run.smtp-port=0", "--herald.run.inbox-port=" + port)) {
			assertThat(context.isRunning()).isTrue();
			assertThat(taken.isClosed()).isTrue();
		}
		finally {
			stale.shutdownNow();
			taken.close();
		}
	}

	@Test
	void mainWhenAPortIsTakenShouldExitWithStatusOneAndAMessageWithoutStackTrace() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();
			ServiceProcess process = ServiceProcess
				.command("local-stack",
						List.of(ServiceProcess.Builder.javaExecutable(), "-cp", System.getProperty("java.class.path"),
								LocalStackApplication.class.getName(), "--herald.run.services=false",
								"--herald.run.components=smtp", "--herald.run.smtp-port=0",
								"--herald.run.inbox-port=" + port, "--herald.run.stale-run-grace=1s"))
				.logFile(this.directory.resolve("local-stack.log"))
				.build()
				.start();

			assertThat(process.awaitExit(Duration.ofSeconds(120))).hasValue(1);
			String log = Files.readString(process.logFile());
			assertThat(log).contains("Port " + port + " is already in use; the inbox page needs it.")
				.contains("--herald.run.inbox-port=<port>")
				.doesNotContain("\tat ");
		}
	}

	@Test
	void runWithServicesShouldStartThemWaitForHealthAndStopThemOnClose(CapturedOutput output) throws IOException {
		FakeServiceJars.write(this.directory, "fake-service", FakeService.class);
		int port = Ports.free();
		ServiceProcess child;
		try (ConfigurableApplicationContext context = LocalStackApplication.run("--herald.run.components=kafka",
				"--herald.run.kafka-port=0", "--herald.run.inbox-port=0",
				"--herald.run.data-directory=" + this.directory.resolve(".herald"),
				"--herald.run.project-directory=" + this.directory, "--herald.run.apps[0].name=fake-service",
				"--herald.run.apps[0].port=" + port, "--herald.run.apps[0].pages[0]=/records",
				"--herald.run.health-timeout=60s")) {
			ServiceSupervisor supervisor = context.getBean(ServiceSupervisor.class);
			child = supervisor.processes().get(0);
			assertThat(child.isReady()).isTrue();
			assertThat(output).contains("http://localhost:" + port + "/records")
				.contains(LocalRunConfiguration.READY_LINE);
			assertThat(Files.readString(child.logFile()))
				.contains("with Kafka at " + context.getBean(KafkaBroker.class).bootstrapServers());
		}
		assertThat(child.isAlive()).isFalse();
		assertThat(ProcessHandle.of(child.pid()).filter(ProcessHandle::isAlive)).isEmpty();
	}

	@Test
	void runWhenAnEarlierRunLeftItsServiceRunningShouldStopItAndStartItsOwn(CapturedOutput output) throws Exception {
		Path jar = FakeServiceJars.write(this.directory, "fake-service", FakeService.class);
		int port = Ports.free();
		long orphan = FakeServiceJars.startOrphan(jar, port);
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> !Ports.isFree(port));
			try (ConfigurableApplicationContext context = LocalStackApplication.run("--herald.run.components=kafka",
					"--herald.run.kafka-port=0", "--herald.run.inbox-port=0",
					"--herald.run.data-directory=" + this.directory.resolve(".herald"),
					"--herald.run.project-directory=" + this.directory, "--herald.run.apps[0].name=fake-service",
					"--herald.run.apps[0].port=" + port, "--herald.run.health-timeout=60s")) {
				assertThat(output).contains("Stopping fake-service (pid " + orphan + "), left running by a run");
				assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
				ServiceProcess child = context.getBean(ServiceSupervisor.class).processes().get(0);
				assertThat(child.isReady()).isTrue();
				assertThat(child.pid()).isNotEqualTo(orphan);
			}
		}
		finally {
			ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void runWhenAServiceFailsShouldNameItAndItsLog() throws IOException {
		FakeServiceJars.write(this.directory, "failing-service", FakeService.Failing.class);
		int port = Ports.free();

		assertThatExceptionOfType(ServiceProcessException.class)
			.isThrownBy(() -> LocalStackApplication.run("--herald.run.components=smtp", "--herald.run.smtp-port=0",
					"--herald.run.inbox-port=0", "--herald.run.data-directory=" + this.directory.resolve(".herald"),
					"--herald.run.project-directory=" + this.directory, "--herald.run.apps[0].name=failing-service",
					"--herald.run.apps[0].port=" + port, "--herald.run.health-timeout=60s"))
			.withMessageContaining("failing-service (pid")
			.withMessageContaining("exited with code 3")
			.withMessageContaining(Path.of("logs", "failing-service.log").toString());
	}

	@Test
	void runWhenAServiceJarIsMissingShouldSayHowToBuildIt() {
		int port = Ports.free();

		assertThatExceptionOfType(ServiceProcessException.class)
			.isThrownBy(() -> LocalStackApplication.run("--herald.run.components=smtp", "--herald.run.smtp-port=0",
					"--herald.run.inbox-port=0", "--herald.run.project-directory=" + this.directory,
					"--herald.run.apps[0].name=ingest-service", "--herald.run.apps[0].port=" + port))
			.withMessageContaining("No ingest-service jar")
			.withMessageContaining("./mvnw -DskipTests package");
	}

}
