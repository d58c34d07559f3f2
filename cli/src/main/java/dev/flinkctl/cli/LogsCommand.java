package dev.flinkctl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "logs", description = "Print a local cluster's logs: the JobManager's unless --component says otherwise.")
final class LogsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NAME")
  String name;

  @Option(names = {"-c", "--component"}, defaultValue = "jobmanager", paramLabel = "COMPONENT",
      description = "jobmanager (the first), jobmanager-N, taskmanager (the first), taskmanager-N, zookeeper or supervisor.")
  String component;

  @Option(names = {"-f", "--follow"}, description = "Keep printing what is appended, until Ctrl-C.")
  boolean follow;

  @Option(names = {"--tail"}, defaultValue = "-1", paramLabel = "LINES", description = "Only the last LINES lines.")
  int tail;

  @Override
  public Integer call() throws IOException, InterruptedException {
    LocalContext local = new LocalContext(spec.commandLine().getErr());
    local.cluster(name);
    Path file = file(local);
    if (!Files.exists(file)) {
      throw new UserException("no log " + file + " yet; components: jobmanager-N, taskmanager-N, zookeeper, supervisor");
    }
    PrintWriter out = spec.commandLine().getOut();
    long position = print(file, out);
    while (follow) {
      Thread.sleep(500);
      position = printFrom(file, position, out);
    }
    return 0;
  }

  private Path file(LocalContext local) {
    String role = switch (component) {
      case "jobmanager" -> "jobmanager-0";
      case "taskmanager" -> "taskmanager-0";
      default -> component;
    };
    if (role.equals("supervisor")) {
      return local.layout.supervisorLog(name);
    }
    if (role.equals("zookeeper")) {
      return local.layout.cluster(name).resolve("zookeeper/log/zookeeper.log");
    }
    return local.layout.logs(name).resolve(role + ".log");
  }

  private long print(Path file, PrintWriter out) throws IOException {
    var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int from = tail < 0 ? 0 : Math.max(0, lines.size() - tail);
    lines.subList(from, lines.size()).forEach(out::println);
    out.flush();
    return Files.size(file);
  }

  private static long printFrom(Path file, long position, PrintWriter out) throws IOException {
    long size = Files.size(file);
    if (size < position) {
      position = 0;
    }
    if (size == position) {
      return position;
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(position);
      byte[] bytes = new byte[(int) (size - position)];
      raf.readFully(bytes);
      out.print(new String(bytes, StandardCharsets.UTF_8));
      out.flush();
    }
    return size;
  }
}
