package dev.storyc.publish;

import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Opens connections to the remote with a timeout and the right credentials (a token over HTTP,
 * the user's SSH setup over SSH), and reads or fetches the remote branch. Kept apart so that the
 * push logic never handles credentials itself.
 */
final class RemoteTransport {
    private static final int TIMEOUT_SECONDS = 120;
    private static final String FETCH = "fetch";
    private static final String AUTO_GC = "autogc";

    private final OutputRepository local;
    private final RemoteUrl url;
    private final GitCredentials credentials;
    private final String label;
    private final RemoteFailures failures;

    RemoteTransport(OutputRepository local, RemoteUrl url, GitCredentials credentials, String label,
            RemoteFailures failures) {
        this.local = local;
        this.url = url;
        this.credentials = credentials;
        this.label = label;
        this.failures = failures;
    }

    /**
     * Fetches the remote branch into storyc's tracking ref, and the remote's release tags that
     * the output repository lacks; returns the branch's commit, empty when it does not exist.
     * The tags come along so that a compile in a fresh clone (a CI runner's) numbers its tag
     * after the ones already published ({@link ReleaseTags}) instead of reusing a published
     * name. A tag the output repository holds already is never fetched over: tags never move.
     */
    Optional<ObjectId> fetch() throws PublishException {
        Advertised remote = advertised();
        Optional<ObjectId> advertised = remote.head();
        if (advertised.isEmpty()) {
            return advertised;
        }
        List<RefSpec> specs = new java.util.ArrayList<>(List.of(new RefSpec(
                "+" + RemoteRefs.branch(local) + ":" + RemoteRefs.tracking(local))));
        try {
            for (String tag : remote.releaseTags()) {
                if (local.repository().exactRef(tag) == null) {
                    specs.add(new RefSpec(tag + ":" + tag));
                }
            }
        } catch (java.io.IOException e) {
            throw failures.io("cannot read the output repository's tags", e);
        }
        // JGit follows a fetch with `gc --auto`, by default on a thread of its own, and storyc
        // exits soon after: a collection cut short leaves gc.log.lock in the repository, which
        // CrashTest found. storyc's own writes pack their objects and no other path collects an
        // output repository, so a fetch does not either. Set in memory only, and put back after,
        // so that a later save of the config (a layout switch) never writes it.
        StoredConfig config = local.repository().getConfig();
        String before = config.getString(FETCH, null, AUTO_GC);
        config.setBoolean(FETCH, null, AUTO_GC, false);
        try (Transport transport = open()) {
            transport.fetch(local.progress().monitor(label), specs);
            return advertised;
        } catch (TransportException e) {
            throw failures.transport("fetch from", e);
        } catch (NotSupportedException e) {
            throw failures.unsupported(e);
        } catch (RuntimeException e) {
            throw failures.unexpected("fetch from", e);
        } finally {
            if (before == null) {
                config.unset(FETCH, null, AUTO_GC);
            } else {
                config.setString(FETCH, null, AUTO_GC, before);
            }
        }
    }

    /** Returns the commit the remote branch points at now, without fetching it. */
    Optional<ObjectId> advertisedHead() throws PublishException {
        return advertised().head();
    }

    /** What the remote advertises of the branch and of the {@code release/*} tags. */
    private record Advertised(Optional<ObjectId> head, List<String> releaseTags) {}

    private Advertised advertised() throws PublishException {
        try (Transport transport = open(); FetchConnection connection = transport.openFetch()) {
            Ref head = connection.getRef(RemoteRefs.branch(local));
            List<String> tags = connection.getRefs().stream().map(Ref::getName)
                    .filter(name -> name.startsWith(Constants.R_TAGS + "release/")).sorted().toList();
            return new Advertised(Optional.ofNullable(head).map(Ref::getObjectId), tags);
        } catch (TransportException e) {
            throw failures.transport("fetch from", e);
        } catch (NotSupportedException e) {
            throw failures.unsupported(e);
        } catch (RuntimeException e) {
            throw failures.unexpected("fetch from", e);
        }
    }

    Transport open() throws NotSupportedException, TransportException, PublishException {
        URIish uri;
        try {
            uri = new URIish(url.raw());
        } catch (URISyntaxException e) {
            throw new PublishException("`" + url.redacted() + "` is not a git remote address",
                    "use file://, git://, http(s)://, ssh:// or user@host:path");
        }
        Transport transport = Transport.open(local.repository(), uri);
        transport.setTimeout(TIMEOUT_SECONDS);
        if (transport instanceof SshTransport ssh) {
            ssh.setSshSessionFactory(SshClient.FACTORY);
        }
        if (url.isHttp() && credentials.token().isPresent()) {
            transport.setCredentialsProvider(new UsernamePasswordCredentialsProvider(
                    url.user().orElse(GitCredentials.DEFAULT_TOKEN_USER),
                    credentials.token().get()));
        }
        return transport;
    }

    /**
     * JGit's SSH client over Apache MINA SSHD, with the user's ~/.ssh keys, config and known
     * hosts.
     */
    static final class SshClient {
        static final SshSessionFactory FACTORY = create();

        private SshClient() {}

        private static SshSessionFactory create() {
            File home = FS.DETECTED.userHome();
            return new SshdSessionFactoryBuilder()
                    .setHomeDirectory(home)
                    .setSshDirectory(new File(home, ".ssh"))
                    .build(new JGitKeyCache());
        }
    }
}
