package dev.flinkctl.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flinkctl.local.process.Entrypoints.ApplicationJob;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application cluster running a real job jar from usrlib/: the entry point finds it through
 * FLINK_LIB_DIR's sibling, the TaskManager loads the user classes, the JobManager exits when done.
 */
class ApplicationModeTest {
  private static final String JOB = """
      package flinkctl.testjob;

      import org.apache.flink.api.common.functions.MapFunction;
      import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

      public class DoublingJob {
        public static void main(String[] args) throws Exception {
          System.out.println("ARGS=" + String.join("|", args));
          StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
          env.fromSequence(1, 10).map(new Doubler()).print();
          env.execute("doubling");
        }

        public static class Doubler implements MapFunction<Long, String> {
          @Override
          public String map(Long x) {
            return "doubled-" + (x * 2);
          }
        }
      }
      """;

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  private final TestClusters.Started started = new TestClusters.Started();

  @AfterEach
  void stopEverything() {
    started.close();
  }

  static List<String> versions() {
    return TestClusters.versions();
  }

  @ParameterizedTest
  @MethodSource("versions")
  void runsAJobFromUsrlibToCompletion(String version) throws Exception {
    FlinkDistribution dist = TestClusters.dist(version);
    TestClusters.Ports ports = TestClusters.Ports.pick();
    Path home = TestClusters.home(dir.resolve("app"), ports, "1280m", version);
    buildJobJar(dist, home.resolve("usrlib").resolve("job.jar"));
    Path conf = home.resolve("conf");

    ApplicationJob job = ApplicationJob.of("flinkctl.testjob.DoublingJob", "00000000000000000000000000000abc",
        List.of("--input", "-D", "x=y"));
    FlinkProcess jm = started.add(FlinkProcess.start(TestClusters.spec("jobmanager-0", dist, home,
        Entrypoints.APPLICATION_JOBMANAGER, Entrypoints.applicationJobManager(conf, job))));
    FlinkProcess tm = started.add(FlinkProcess.start(TestClusters.spec("taskmanager-0", dist, home,
        Entrypoints.TASKMANAGER, Entrypoints.taskManager(conf))));

    // Application mode shuts the cluster down once the job has finished.
    boolean exited = jm.awaitExit(Duration.ofSeconds(120));
    assertThat(exited).as("JobManager exits after the job\n" + jm.tailLog(40) + tm.tailLog(40)).isTrue();
    assertThat(jm.exitCode()).as(jm.tailLog(60)).contains(0);
    assertThat(Files.readString(jm.outFile())).contains("ARGS=--input|-D|x=y");
    assertThat(Files.readString(jm.logFile())).contains("00000000000000000000000000000abc");
    assertThat(Files.readString(tm.outFile())).contains("doubled-2", "doubled-20");
  }

  private static void buildJobJar(FlinkDistribution dist, Path jar) throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assumeTrue(compiler != null, "needs a JDK to compile the test job");
    Path src = Files.createTempDirectory("job-src");
    Path classes = Files.createTempDirectory("job-classes");
    Path source = src.resolve("flinkctl/testjob/DoublingJob.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, JOB);
    String classpath = dist.classpath().stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    int result = compiler.run(null, null, null, "--release", "11", "-cp", classpath, "-d", classes.toString(), source.toString());
    assertThat(result).as("job compiles").isZero();
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        jarOut.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        jarOut.write(Files.readAllBytes(f));
        jarOut.closeEntry();
      }
    }
    FlinkDistribution.deleteRecursively(src);
    FlinkDistribution.deleteRecursively(classes);
  }
}
