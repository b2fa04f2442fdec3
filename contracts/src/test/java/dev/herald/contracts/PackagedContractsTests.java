package dev.herald.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build copies every contract file, unchanged, to the classpath under
 * {@code herald/contracts/}, and nothing else from the module root.
 */
class PackagedContractsTests {

	@Test
	void contractFilesShouldBeOnTheClasspathUnchanged() {
		assertThat(ContractFiles.allContractFiles()).isNotEmpty().allSatisfy((file) -> {
			String resource = ContractFiles.CLASSPATH_PREFIX + ContractFiles.relative(file);
			assertThat(read(resource)).as(resource).isEqualTo(Files.readAllBytes(file));
		});
	}

	@Test
	void buildFilesShouldNotBePackaged() {
		assertThat(getClass().getClassLoader().getResource(ContractFiles.CLASSPATH_PREFIX + "pom.xml")).isNull();
	}

	private byte[] read(String resource) throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as("classpath resource %s", resource).isNotNull();
			return in.readAllBytes();
		}
	}

}
