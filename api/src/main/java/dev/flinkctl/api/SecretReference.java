package dev.flinkctl.api;

import io.fabric8.generator.annotation.Required;

/** A reference to a Secret in the cluster's namespace, as in a pod's imagePullSecrets. */
public record SecretReference(@Required String name) {}
