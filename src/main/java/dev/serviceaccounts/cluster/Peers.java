package dev.serviceaccounts.cluster;

import dev.serviceaccounts.AccessChanged;
import dev.serviceaccounts.EveryNode;
import dev.serviceaccounts.SigningKeysChanged;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wildfly.clustering.server.Group;
import org.wildfly.clustering.server.GroupMember;
import org.wildfly.clustering.server.GroupMembershipEvent;
import org.wildfly.clustering.server.GroupMembershipListener;
import org.wildfly.clustering.server.GroupMembershipMergeEvent;
import org.wildfly.clustering.server.Registration;
import org.wildfly.clustering.server.dispatcher.Command;
import org.wildfly.clustering.server.dispatcher.CommandDispatcher;
import org.wildfly.clustering.server.dispatcher.CommandDispatcherFactory;

/**
 * This node's link to the others. After a transaction that fired an {@link EveryNode} event
 * commits, the event is sent to every other member of the cluster, and the call waits until each
 * has fired it locally (so its caches forgot) or has failed to answer within
 * {@code CLUSTER_ACK_TIMEOUT_SECONDS}. When the membership changes (a node joins, leaves, is
 * suspected, or partitions merge), this node forgets every cached credential and signing key.
 * <p>
 * Without a JGroups channel (the default configuration) the group has one member and nothing is sent.
 */
@ApplicationScoped
public class Peers {

    private static final Logger LOG = Logger.getLogger(Peers.class.getName());

    /** The default channel's dispatcher factory, bound by WildFly's clustering subsystem. */
    static final String DISPATCHER_FACTORY = "java:jboss/clustering/server/command-dispatcher-factory/default";

    /** Set while this thread fires an event that came from another node, so it is not sent back. */
    private static final ThreadLocal<Boolean> RECEIVING = ThreadLocal.withInitial(() -> false);

    @Inject
    Event<EveryNode> local;

    @Inject
    @ConfigProperty(name = "CLUSTER_ACK_TIMEOUT_SECONDS", defaultValue = "10")
    long ackTimeoutSeconds;

    private CommandDispatcher<GroupMember, Peers> dispatcher;
    private Registration membership;
    private GroupMember self;
    private Group<GroupMember> group;

    /** This node and the members it sees, as the cluster's coordinator decided them. */
    public record View(boolean clustered, String node, String coordinator, List<String> members) {
    }

    /** Joins as the application starts: a node that missed messages while it was away starts empty anyway. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        CommandDispatcherFactory<GroupMember> factory = dispatcherFactory();
        if (factory == null || factory.getGroup().isSingleton()) {
            LOG.info("Single node: no cluster channel");
            return;
        }
        group = factory.getGroup();
        self = group.getLocalMember();
        dispatcher = factory.createCommandDispatcher(Peers.class.getName(), this, Peers.class.getClassLoader());
        membership = factory.getGroup().register(new Membership());
        LOG.info(() -> "Cluster member " + self.getName() + "; members " + factory.getGroup().getMembership().getMembers());
    }

    public View view() {
        if (group == null) {
            return new View(false, null, null, List.of());
        }
        var membership = group.getMembership();
        return new View(true, self.getName(), membership.getCoordinator().getName(),
                membership.getMembers().stream().map(GroupMember::getName).toList());
    }

    @SuppressWarnings("unchecked")
    private static CommandDispatcherFactory<GroupMember> dispatcherFactory() {
        try {
            Object found = new InitialContext().lookup(DISPATCHER_FACTORY);
            return found instanceof CommandDispatcherFactory<?> f ? (CommandDispatcherFactory<GroupMember>) f : null;
        } catch (NamingException e) {
            return null;
        }
    }

    @PreDestroy
    void stop() {
        if (membership != null) {
            membership.close();
        }
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    /** Sends what committed here to every other node, and waits for their answers. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EveryNode event) {
        if (dispatcher == null || RECEIVING.get()) {
            return;
        }
        long started = System.nanoTime();
        Map<GroupMember, CompletionStage<Void>> answers;
        try {
            answers = dispatcher.dispatchToGroup(new Deliver(event), Set.of(self));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not send " + event + " to the other nodes; they forget it within CREDENTIAL_CACHE_TTL_SECONDS", e);
            return;
        }
        long deadline = started + TimeUnit.SECONDS.toNanos(ackTimeoutSeconds);
        answers.forEach((member, answer) -> {
            try {
                answer.toCompletableFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // a member that does not answer is about to be suspected and leave the view; when it comes
                // back it starts with empty caches, and until then its entries expire with the time to live
                LOG.warning(() -> "Node " + member.getName() + " did not confirm " + event + ": " + e);
            } catch (CancellationException e) {
                LOG.fine(() -> "Node " + member.getName() + " left before confirming " + event);
            }
        });
    }

    /** Fires, on this node, what another node announced. */
    void receive(EveryNode event) {
        RECEIVING.set(true);
        try {
            local.fire(event);
        } finally {
            RECEIVING.remove();
        }
    }

    /** Forgets everything cached: the view changed, so messages may have been missed. */
    void forgetEverything(String why) {
        LOG.info(() -> "Cluster view changed (" + why + "): forgetting cached credentials and signing keys");
        receive(AccessChanged.everyone());
        receive(new SigningKeysChanged());
    }

    /** The command other nodes run: fire the event there. */
    record Deliver(EveryNode event) implements Command<Void, Peers, RuntimeException>, Serializable {
        @Override
        public Void execute(Peers peers) {
            peers.receive(event);
            return null;
        }
    }

    private final class Membership implements GroupMembershipListener<GroupMember> {
        @Override
        public void updated(GroupMembershipEvent<GroupMember> event) {
            forgetEverything("members " + event.getCurrentMembership().getMembers());
        }

        @Override
        public void split(GroupMembershipEvent<GroupMember> event) {
            forgetEverything("split; members " + event.getCurrentMembership().getMembers());
        }

        @Override
        public void merged(GroupMembershipMergeEvent<GroupMember> event) {
            forgetEverything("merged; members " + event.getCurrentMembership().getMembers());
        }
    }
}
