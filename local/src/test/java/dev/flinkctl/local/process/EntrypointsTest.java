package dev.flinkctl.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkctl.local.process.Entrypoints.ApplicationJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntrypointsTest {
  private final Path conf = Path.of("/c/conf");

  @Test
  void sessionAndTaskManagerArguments() {
    assertThat(Entrypoints.sessionJobManager(conf)).containsExactly("--configDir", "/c/conf");
    assertThat(Entrypoints.taskManager(conf, Map.of("taskmanager.resource-id", "tm-1", "a", "b")))
        .containsExactly("--configDir", "/c/conf", "-D", "a=b", "-D", "taskmanager.resource-id=tm-1");
  }

  @Test
  void applicationArgumentsWithSavepointAndProgramArguments() {
    ApplicationJob job = new ApplicationJob("com.example.Job", "00000000000000000000000000000001",
        "file:///sp/savepoint-1", true, Map.of("parallelism.default", "2"), List.of("--input", "-D", "x"));
    assertThat(Entrypoints.applicationJobManager(conf, job)).containsExactly(
        "--configDir", "/c/conf", "--job-classname", "com.example.Job",
        "--job-id", "00000000000000000000000000000001",
        "--fromSavepoint", "file:///sp/savepoint-1", "--allowNonRestoredState",
        "-D", "parallelism.default=2", "--", "--input", "-D", "x");
  }

  @Test
  void applicationArgumentsWithoutOptionalParts() {
    assertThat(Entrypoints.applicationJobManager(conf, ApplicationJob.of("com.example.Job", null, List.of())))
        .containsExactly("--configDir", "/c/conf", "--job-classname", "com.example.Job");
  }

  @Test
  void findsDynamicArgumentsButNotProgramArguments() {
    assertThat(Entrypoints.dynamicArgsIn(List.of("-D", "a=1", "-Db=2", "--configDir", "/c", "--", "-D", "c=3")))
        .containsExactly("-D", "a=1", "-D", "b=2");
  }

  @Test
  void memoryParametersFollowTheMainClass() {
    assertThat(Entrypoints.kindOf(Entrypoints.SESSION_JOBMANAGER)).contains(ResourceParams.Kind.JOB_MANAGER);
    assertThat(Entrypoints.kindOf(Entrypoints.APPLICATION_JOBMANAGER)).contains(ResourceParams.Kind.JOB_MANAGER);
    assertThat(Entrypoints.kindOf(Entrypoints.TASKMANAGER)).contains(ResourceParams.Kind.TASK_MANAGER);
    assertThat(Entrypoints.kindOf(ZooKeeperServer.MAIN_CLASS)).isEmpty();
  }
}
