package io.rafka.chaos.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressPlanTest {
  @Test
  void loopbackPutsNodesOnLocalhostAndLinksOnTheirOwnAddresses() {
    AddressPlan plan = AddressPlan.loopback();
    assertEquals("127.0.0.1", plan.node(3).getHostAddress());
    assertEquals("127.0.2.3", plan.link(new Link(2, 3)).getHostAddress());
    assertTrue(plan.upstreamSource(new Link(2, 3)).isEmpty());
  }

  @Test
  void namespacesGiveEachNodeAndLinkAnAddressOnTheRunsSubnet() {
    AddressPlan plan = AddressPlan.namespaces(142);
    assertEquals("10.142.0.3", plan.node(3).getHostAddress());
    assertEquals("10.142.2.3", plan.link(new Link(2, 3)).getHostAddress());
    assertEquals("10.142.2.3", plan.upstreamSource(new Link(2, 3)).orElseThrow().getHostAddress(),
        "the proxy connects from the link's own address, so the target can tell its peers apart");
    assertEquals("10.142.0.254", plan.harness().getHostAddress());
    assertEquals("10.142.0.0/16", plan.network());
  }

  @Test
  void rejectsOtherNetworksAndNodeIds() {
    assertThrows(IllegalArgumentException.class, () -> new AddressPlan(192, 168));
    assertThrows(IllegalArgumentException.class, () -> AddressPlan.namespaces(0));
    assertThrows(IllegalArgumentException.class, () -> AddressPlan.loopback().node(255));
  }
}
