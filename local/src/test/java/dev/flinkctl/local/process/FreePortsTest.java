package dev.flinkctl.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortsTest {
  @Test
  void picksDistinctFreePorts() {
    List<Integer> ports = FreePorts.pick(5);
    assertThat(ports).hasSize(5).doesNotHaveDuplicates().allMatch(p -> p > 0 && p < 65536);
    assertThat(ports).allMatch(FreePorts::isFree);
  }

  @Test
  void aListeningPortIsNotFree() throws Exception {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      assertThat(FreePorts.isFree(socket.getLocalPort())).isFalse();
    }
  }

  @Test
  void aPortListenedOnAllInterfacesIsNotFree() throws Exception {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(0));
      assertThat(FreePorts.isFree(socket.getLocalPort())).isFalse();
    }
  }

  @Test
  void manyPicksInARowStayDistinct() {
    HashSet<Integer> seen = new HashSet<>(FreePorts.pick(20));
    assertThat(seen).hasSize(20);
  }
}
