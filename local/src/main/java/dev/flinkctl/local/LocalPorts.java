package dev.flinkctl.local;

import dev.flinkctl.local.process.FreePorts;
import java.util.ArrayList;
import java.util.List;

/** Ports for local JobManagers: the previous ones when still free, so URLs stay put across redeploys. */
final class LocalPorts {
  static final int WEB_UI = 8081;

  private LocalPorts() {}

  static List<ProcessRecord.JobManagerPorts> forJobManagers(int count, List<ProcessRecord.JobManagerPorts> previous) {
    List<ProcessRecord.JobManagerPorts> result = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ProcessRecord.JobManagerPorts old = i < previous.size() ? previous.get(i) : null;
      if (old != null && FreePorts.isFree(old.rest()) && FreePorts.isFree(old.rpc()) && FreePorts.isFree(old.blob())) {
        result.add(old);
        continue;
      }
      List<Integer> fresh = FreePorts.pick(3);
      int rest = i == 0 && FreePorts.isFree(WEB_UI) ? WEB_UI : fresh.get(0);
      result.add(new ProcessRecord.JobManagerPorts(rest, fresh.get(1), fresh.get(2)));
    }
    return result;
  }
}
