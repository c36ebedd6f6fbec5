/**
 * The only package that speaks Ratis (an ArchUnit test holds every other package to that). It hosts the
 * metadata group and one group per partition replica in a single RaftServer, and shows the rest of the server
 * plain Java types: {@link io.rafka.server.raft.RaftNode}, {@link io.rafka.server.raft.GroupConfiguration},
 * {@link io.rafka.server.raft.ReplicaState}, {@link io.rafka.server.raft.MetadataQuorumView}.
 *
 * <p>Ratis 3.3.0 behaviour this package works around, each found on this project's own clusters:
 * <ul>
 *   <li>{@code RaftServer.submitClientRequestAsync} runs the append on the group's client executor and joins
 *       it on the calling thread. {@link io.rafka.server.raft.RaftNode#submit} therefore submits from a
 *       per-group sequential queue, never from a gRPC event loop.</li>
 *   <li>A leader that commits a configuration without itself closes its division from inside the division's
 *       lock and waits for the client executor, while a queued write waits for that lock: the division never
 *       finishes closing, and removing the group then blocks forever. Replica moves hand leadership to a
 *       staying replica before any step that would drop the leader (see the membership package).</li>
 *   <li>A member removed by reconfiguration that missed the new configuration shuts its division down when
 *       the leader answers its vote request; the closed division stays registered until removed
 *       ({@link io.rafka.server.raft.RaftNode#closedPartitions}).</li>
 *   <li>{@code GroupManagementApi.remove} closes the division on the caller's thread; it runs on an admin
 *       pool here so that a hung close cannot stall the reconciler.</li>
 *   <li>A configuration change that adds at least as many new voters as it keeps is refused (RATIS-1912);
 *       see {@link io.rafka.server.membership.MoveStep}.</li>
 *   <li>{@code setConfiguration} Mode.ADD drops the existing listeners; metadata membership uses
 *       COMPARE_AND_SET with full lists.</li>
 *   <li>Transfers go only to the highest-priority peer, and a leader yields to a caught-up peer with a higher
 *       priority, so priorities carry the preferred leader.</li>
 *   <li>{@code RaftClient} needs at least one peer even for admin-only use.</li>
 * </ul>
 */
package io.rafka.server.raft;
