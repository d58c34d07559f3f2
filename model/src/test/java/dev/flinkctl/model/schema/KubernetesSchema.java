package dev.flinkctl.model.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a rendered Kubernetes object against the Kubernetes API schema, as a test would otherwise
 * only learn from a real API server.
 *
 * <p>Two layers: the OpenAPI schema, through the {@code validateJsonElement} of the matching
 * client-java-api model class (unknown fields, missing required fields, wrong JSON types), and
 * named rules for what the API server validates in Go code and the OpenAPI schema cannot express
 * (name formats, label syntax, selectors, ports, quantities).
 */
public final class KubernetesSchema {
  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
  private static final String MODELS = "io.kubernetes.client.openapi.models.";
  private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();

  private static final List<Rule> RULES =
      List.of(
          KubernetesSchema::objectName,
          KubernetesSchema::namespaceName,
          KubernetesSchema::nestedObjectNames,
          KubernetesSchema::labels,
          KubernetesSchema::annotationKeys,
          KubernetesSchema::containerNames,
          KubernetesSchema::containerPorts,
          KubernetesSchema::servicePorts,
          KubernetesSchema::probePorts,
          KubernetesSchema::quantities,
          KubernetesSchema::intOrPercent,
          KubernetesSchema::selectorSelectsTemplate);

  private KubernetesSchema() {}

  /** Returns a list of human-readable problems (empty when the object is valid). */
  public static List<String> problems(HasMetadata object) {
    return problems(tree(object));
  }

  /** Same, for an object given as JSON text. */
  public static List<String> problems(String json) {
    try {
      return problems(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      return List.of("not JSON: " + e.getOriginalMessage());
    }
  }

  /** Same, for an object given as a Jackson tree (apiVersion/kind decide the type). */
  public static List<String> problems(JsonNode object) {
    if (object == null || !object.isObject()) {
      return List.of("not a JSON object: " + object);
    }
    String apiVersion = object.path("apiVersion").asText("");
    String kind = object.path("kind").asText("");
    List<String> problems = new ArrayList<>();
    modelClass(apiVersion, kind)
        .ifPresentOrElse(
            model -> validateAgainst(model, object).ifPresent(problems::add),
            () -> problems.add("no schema for apiVersion \"" + apiVersion + "\" kind \"" + kind + "\""));
    RULES.forEach(rule -> rule.check(object, kind, problems));
    return List.copyOf(problems);
  }

  private static JsonNode tree(HasMetadata object) {
    return JSON.valueToTree(object);
  }

  /** AssertJ-friendly: throws AssertionError listing all problems. */
  public static void assertValid(HasMetadata object) {
    assertValid(tree(object));
  }

  /** Same, for an object given as a Jackson tree. */
  public static void assertValid(JsonNode object) {
    List<String> problems = problems(object);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          object.path("apiVersion").asText() + " " + object.path("kind").asText() + " "
              + object.path("metadata").path("name").asText("<no name>")
              + " is not valid Kubernetes:\n - " + String.join("\n - ", problems));
    }
  }

  // ---- OpenAPI schema, through client-java's generated models ----

  /**
   * client-java names a model after version and kind only (V1Deployment), prefixing the group only
   * where two groups define the same kind (CoreV1Event, EventsV1Event). So the group is checked
   * against fabric8's registry of built-in kinds; otherwise "v1 Deployment" would pass.
   */
  static Optional<Class<?>> modelClass(String apiVersion, String kind) {
    if (kind.isEmpty() || FABRIC8.getRegisteredKubernetesResource(apiVersion, kind) == null) {
      return Optional.empty();
    }
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "core" : apiVersion.substring(0, slash).split("\\.")[0];
    String version = capitalize(apiVersion.substring(slash + 1));
    return loadModel(capitalize(group) + version + kind).or(() -> loadModel(version + kind));
  }

  private static Optional<Class<?>> loadModel(String simpleName) {
    try {
      Class<?> model = Class.forName(MODELS + simpleName);
      model.getMethod("validateJsonElement", JsonElement.class);
      return Optional.of(model);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> validateAgainst(Class<?> model, JsonNode object) {
    try {
      Method validate = model.getMethod("validateJsonElement", JsonElement.class);
      validate.invoke(null, JsonParser.parseString(JSON.writeValueAsString(object)));
      return Optional.empty();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException || cause instanceof IOException) {
        return Optional.of("schema " + model.getSimpleName() + ": " + abbreviate(cause.getMessage()));
      }
      throw new IllegalStateException("validating against " + model.getSimpleName(), cause);
    } catch (ReflectiveOperationException | JsonProcessingException e) {
      throw new IllegalStateException("validating against " + model.getSimpleName(), e);
    }
  }

  /** The generated messages end with the whole offending sub-document; its start is context enough. */
  private static String abbreviate(String message) {
    return message.length() <= 200 ? message : message.substring(0, 200) + "...";
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  // ---- Rules the API server enforces in code ----

  @FunctionalInterface
  private interface Rule {
    void check(JsonNode root, String kind, List<String> problems);
  }

  /** Services name DNS records; RBAC names may hold ':' ("system:..."); the rest are subdomains. */
  private static void objectName(JsonNode root, String kind, List<String> problems) {
    JsonNode metadata = root.path("metadata");
    if (!metadata.has("name") && !metadata.has("generateName")) {
      problems.add("metadata.name: required");
      return;
    }
    NameFormat format =
        switch (kind) {
          case "Service" -> NameFormat.DNS1035_LABEL;
          case "Namespace" -> NameFormat.DNS1123_LABEL;
          case "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding" -> NameFormat.PATH_SEGMENT;
          default -> NameFormat.DNS1123_SUBDOMAIN;
        };
    checkText(metadata.path("name"), "metadata.name", format, problems);
  }

  private static void namespaceName(JsonNode root, String kind, List<String> problems) {
    checkText(root.path("metadata").path("namespace"), "metadata.namespace", NameFormat.DNS1123_LABEL, problems);
  }

  /** Embedded objects such as StatefulSet volumeClaimTemplates become real objects later. */
  private static void nestedObjectNames(JsonNode root, String kind, List<String> problems) {
    for (Found metadata : find(root, ".+\\.metadata")) {
      checkText(metadata.node().path("name"), metadata.path() + ".name", NameFormat.DNS1123_SUBDOMAIN, problems);
    }
  }

  private static void labels(JsonNode root, String kind, List<String> problems) {
    List<Found> maps = new ArrayList<>(find(root, "(.+\\.)?(metadata\\.labels|matchLabels|nodeSelector)"));
    if (kind.equals("Service")) {
      maps.addAll(find(root, "spec\\.selector"));
    }
    for (Found map : maps) {
      forEachEntry(map, (path, key, value) -> {
        qualifiedNameProblem(key).ifPresent(p -> problems.add(path + ": key " + p));
        if (!value.isTextual()) {
          problems.add(path + ": label value must be a string, got " + value);
        } else {
          NameFormat.LABEL_VALUE.problem(value.asText()).ifPresent(p -> problems.add(path + ": value " + p));
        }
      });
    }
  }

  private static void annotationKeys(JsonNode root, String kind, List<String> problems) {
    for (Found map : find(root, "(.+\\.)?metadata\\.annotations")) {
      forEachEntry(map, (path, key, value) ->
          qualifiedNameProblem(key).ifPresent(p -> problems.add(path + ": key " + p)));
    }
  }

  private static void containerNames(JsonNode root, String kind, List<String> problems) {
    for (Found container : find(root, "(.+\\.)?(containers|initContainers|ephemeralContainers)\\[\\d+\\]")) {
      checkText(container.node().path("name"), container.path() + ".name", NameFormat.DNS1123_LABEL, problems);
    }
  }

  /** Container port names are what Service targetPorts refer to, hence IANA service names. */
  private static void containerPorts(JsonNode root, String kind, List<String> problems) {
    for (Found port : find(root, "(.+\\.)?(containers|initContainers)\\[\\d+\\]\\.ports\\[\\d+\\]")) {
      checkText(port.node().path("name"), port.path() + ".name", NameFormat.IANA_SVC_NAME, problems);
      checkPortNumber(port.node().path("containerPort"), port.path() + ".containerPort", problems);
    }
  }

  private static void servicePorts(JsonNode root, String kind, List<String> problems) {
    if (!kind.equals("Service")) {
      return;
    }
    List<Found> ports = find(root, "spec\\.ports\\[\\d+\\]");
    for (Found port : ports) {
      JsonNode name = port.node().path("name");
      if (ports.size() > 1 && name.isMissingNode()) {
        problems.add(port.path() + ".name: required when a Service has more than one port");
      }
      checkText(name, port.path() + ".name", NameFormat.DNS1123_LABEL, problems);
      checkPortNumber(port.node().path("port"), port.path() + ".port", problems);
      checkIntOrPortName(port.node().path("targetPort"), port.path() + ".targetPort", problems);
    }
  }

  private static void probePorts(JsonNode root, String kind, List<String> problems) {
    for (Found port : find(root, ".+\\.(httpGet|tcpSocket)\\.port")) {
      checkIntOrPortName(port.node(), port.path(), problems);
    }
  }

  private static void quantities(JsonNode root, String kind, List<String> problems) {
    List<Found> maps = new ArrayList<>(find(root, "(.+\\.)?resources\\.(limits|requests)|(.+\\.)?overhead"));
    if (kind.equals("ResourceQuota")) {
      maps.addAll(find(root, "spec\\.hard"));
    }
    for (Found map : maps) {
      forEachEntry(map, (path, key, value) -> checkQuantity(value, path, problems));
    }
    for (Found sizeLimit : find(root, "(.+\\.)?emptyDir\\.sizeLimit")) {
      checkQuantity(sizeLimit.node(), sizeLimit.path(), problems);
    }
  }

  /** Rollout and disruption budgets: a count or a percentage such as "25%". */
  private static void intOrPercent(JsonNode root, String kind, List<String> problems) {
    for (Found found : find(root, "(.+\\.)?(maxSurge|maxUnavailable|minAvailable)")) {
      JsonNode value = found.node();
      boolean valid = value.isInt() ? value.intValue() >= 0 : value.isTextual() && value.asText().matches("\\d+%");
      if (!valid) {
        problems.add(found.path() + ": must be a non-negative integer or a percentage like \"25%\", got " + value);
      }
    }
  }

  /** The API server rejects a workload whose selector does not select its own pod template. */
  private static void selectorSelectsTemplate(JsonNode root, String kind, List<String> problems) {
    JsonNode selector = root.path("spec").path("selector");
    JsonNode template = root.path("spec").path("template");
    if (!selector.isObject() || !template.isObject()) {
      return;
    }
    JsonNode labels = template.path("metadata").path("labels");
    if (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty()) {
      problems.add("spec.selector: must not be empty");
    }
    selector.path("matchLabels").properties().forEach(entry -> {
      if (!entry.getValue().equals(labels.get(entry.getKey()))) {
        problems.add("spec.selector.matchLabels[\"" + entry.getKey() + "\"]: " + entry.getValue()
            + " does not match spec.template.metadata.labels " + labels);
      }
    });
    JsonNode expressions = selector.path("matchExpressions");
    for (int i = 0; i < expressions.size(); i++) {
      if (!matches(expressions.get(i), labels)) {
        problems.add("spec.selector.matchExpressions[" + i + "]: " + expressions.get(i)
            + " does not match spec.template.metadata.labels " + labels);
      }
    }
  }

  private static boolean matches(JsonNode expression, JsonNode labels) {
    JsonNode value = labels.get(expression.path("key").asText());
    List<String> values = new ArrayList<>();
    expression.path("values").forEach(v -> values.add(v.asText()));
    return switch (expression.path("operator").asText()) {
      case "In" -> value != null && values.contains(value.asText());
      case "NotIn" -> value == null || !values.contains(value.asText());
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }

  // ---- Value checks shared by rules ----

  private static void checkText(JsonNode value, String path, NameFormat format, List<String> problems) {
    if (value.isMissingNode() || value.isNull()) {
      return;
    }
    if (!value.isTextual()) {
      problems.add(path + ": must be a string, got " + value);
      return;
    }
    format.problem(value.asText()).ifPresent(p -> problems.add(path + ": " + p));
  }

  private static void checkPortNumber(JsonNode value, String path, List<String> problems) {
    if (!value.isMissingNode() && !(value.isInt() && value.intValue() >= 1 && value.intValue() <= 65535)) {
      problems.add(path + ": must be a port number between 1 and 65535, got " + value);
    }
  }

  /** Int-or-string ports: a number, or the name of a container port. */
  private static void checkIntOrPortName(JsonNode value, String path, List<String> problems) {
    if (value.isMissingNode() || value.isInt()) {
      checkPortNumber(value, path, problems);
    } else if (value.isTextual()) {
      checkText(value, path, NameFormat.IANA_SVC_NAME, problems);
    } else {
      problems.add(path + ": must be a port number or a port name, got " + value);
    }
  }

  /** Kubernetes' quantity grammar (k8s.io/apimachinery resource.Quantity); resources are never negative. */
  private static final Pattern QUANTITY =
      Pattern.compile("\\+?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[mkMGTPE]|[eE][+-]?\\d+)?");

  private static void checkQuantity(JsonNode value, String path, List<String> problems) {
    boolean valid = (value.isTextual() || value.isNumber()) && QUANTITY.matcher(value.asText()).matches();
    if (!valid) {
      problems.add(path + ": " + value + " is not a non-negative Kubernetes quantity (e.g. 500m, 2Gi, 1.5, 1e3)");
    }
  }

  /** Label and annotation keys: an optional DNS subdomain prefix and '/', then a name. */
  private static Optional<String> qualifiedNameProblem(String key) {
    int slash = key.lastIndexOf('/');
    String name = key.substring(slash + 1);
    Optional<String> prefixProblem =
        slash < 0 ? Optional.empty() : NameFormat.DNS1123_SUBDOMAIN.problem(key.substring(0, slash));
    return prefixProblem
        .map(p -> "prefix of \"" + key + "\": " + p)
        .or(() -> name.isEmpty()
            ? Optional.of("\"" + key + "\" has an empty name")
            : NameFormat.LABEL_VALUE.problem(name).map(p -> "name of \"" + key + "\": " + p));
  }

  /** The name formats of k8s.io/apimachinery/pkg/util/validation. */
  private enum NameFormat {
    DNS1123_LABEL("DNS-1123 label", 63, "[a-z0-9]([-a-z0-9]*[a-z0-9])?",
        "lowercase letters, digits and '-', starting and ending with a letter or digit"),
    DNS1123_SUBDOMAIN("DNS-1123 subdomain", 253, "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*",
        "lowercase letters, digits, '-' and '.', starting and ending with a letter or digit"),
    DNS1035_LABEL("DNS-1035 label", 63, "[a-z]([-a-z0-9]*[a-z0-9])?",
        "lowercase letters, digits and '-', starting with a letter and ending with a letter or digit"),
    IANA_SVC_NAME("IANA service name", 15, "(?=.*[a-z])(?!.*--)[a-z0-9]([-a-z0-9]*[a-z0-9])?",
        "lowercase letters, digits and '-', at least one letter, no '--', not starting or ending with '-'"),
    LABEL_VALUE("label value", 63, "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?",
        "letters, digits, '-', '_' and '.', starting and ending with a letter or digit"),
    PATH_SEGMENT("path segment name", Integer.MAX_VALUE, "(?!\\.\\.?$)[^/%]+", "anything but '.', '..', '/' and '%'");

    private final String description;
    private final int maxLength;
    private final Pattern pattern;
    private final String hint;

    NameFormat(String description, int maxLength, String regex, String hint) {
      this.description = description;
      this.maxLength = maxLength;
      this.pattern = Pattern.compile(regex);
      this.hint = hint;
    }

    Optional<String> problem(String value) {
      if (value.length() > maxLength) {
        return Optional.of("\"" + value + "\" is not a valid " + description + ": longer than " + maxLength + " characters");
      }
      if (!pattern.matcher(value).matches()) {
        return Optional.of("\"" + value + "\" is not a valid " + description + ": " + hint);
      }
      return Optional.empty();
    }
  }

  // ---- A tiny JSON tree search, by dotted path with [index] for array elements ----

  private record Found(String path, JsonNode node) {}

  @FunctionalInterface
  private interface EntryCheck {
    void check(String path, String key, JsonNode value);
  }

  private static List<Found> find(JsonNode root, String pathRegex) {
    List<Found> found = new ArrayList<>();
    collect(root, "", Pattern.compile(pathRegex), found);
    return found;
  }

  private static void collect(JsonNode node, String path, Pattern wanted, List<Found> found) {
    if (!path.isEmpty() && wanted.matcher(path).matches()) {
      found.add(new Found(path, node));
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        // A CRD's schema describes objects rather than being one: its "maxSurge" is no maxSurge.
        if (field.getKey().equals("openAPIV3Schema")) {
          continue;
        }
        collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), wanted, found);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "[" + i + "]", wanted, found);
      }
    }
  }

  /** Map keys may hold '.' and '/', so entries are addressed as map["key"]. */
  private static void forEachEntry(Found map, EntryCheck check) {
    if (map.node().isObject()) {
      map.node().properties().forEach(e ->
          check.check(map.path() + "[\"" + e.getKey() + "\"]", e.getKey(), e.getValue()));
    }
  }
}
