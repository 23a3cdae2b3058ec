/**
 * Several nodes on one database: what only one of them may do at a time, and telling the nodes apart. A
 * {@link ClusterLease} is a row of the shared database naming the node that holds it until a time;
 * {@link ClusterLeases} takes, renews and gives one up, so a nightly job or a cluster-wide check runs on one node
 * while the others skip it, and another takes over once a holder that died lets its lease run out. {@link NodeName}
 * holds each node's own name, so a second node started with the same {@code jboss.node.name} refuses to start.
 * It uses {@code io.verbatim.storage} only (the data folder, to tell one node's process from another's).
 */
package io.verbatim.cluster;
