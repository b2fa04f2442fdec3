package dev.herald.localstack.test;

import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Imports the configuration matching the kind of infrastructure that runs.
 */
class HeraldInfrastructureImportSelector implements ImportSelector {

	@Override
	public String[] selectImports(AnnotationMetadata metadata) {
		if (HeraldInfrastructure.CONTAINERS.equals(HeraldInfrastructure.get().kind())) {
			return new String[] { HeraldInfrastructureConfiguration.class.getName(),
					ContainersConnectionConfiguration.class.getName() };
		}
		return new String[] { HeraldInfrastructureConfiguration.class.getName() };
	}

}
